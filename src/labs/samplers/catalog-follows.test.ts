// The claim of issue 18: a sampler with a setting of its own needs only its class, its catalog entry and
// its test; a target only its implementation with its catalog entry, and its test. Here a made-up sampler
// and target exist only in this file, and the schema, the score plan and the equations panel follow them.
import { describe, expect, it } from 'vitest';
import { SAMPLER_CATALOG, type SamplerEntry } from '../../core/samplers/catalog';
import { TARGET_CATALOG, type TargetEntry } from '../../core/targets/catalog';
import { buildSamplerParams, samplerParams } from './params';
import { planScore } from './score-source';
import { samplersEquations } from './equations';

const RWM: SamplerEntry = {
  id: 'fixture-rwm', label: 'Random-walk Metropolis (test)', name: 'Fixture RWM', family: 'mcmc', metropolis: true,
  settings: [
    SAMPLER_CATALOG[0].settings[0], // the shared step size
    { key: 'proposal', label: 'Proposal', kind: 'enum', values: ['gauss', 'uniform'], default: 'gauss', live: true, help: 'RWM: the proposal shape.' },
  ],
  update: 'y = x + h z, accepted with prob. min(1, p(y)/p(x))', source: 'Metropolis et al. 1953',
};
const CIRCLE: TargetEntry = { id: 'fixture-circle', label: 'Circle (data)', name: 'Circle', family: 'dataset' };

describe('a sampler or target added to the catalog only', () => {
  const params = buildSamplerParams([...SAMPLER_CATALOG, RWM], [...TARGET_CATALOG, CIRCLE]);
  const spec = (key: string) => params.find((s) => s.key === key)!;

  it('appears at the end of its menu, with its label beside its id', () => {
    const s = spec('sampler');
    expect(s.values).toEqual([...SAMPLER_CATALOG.map((e) => e.id), 'fixture-rwm']);
    expect(s.valueLabels![s.values!.indexOf('fixture-rwm')]).toBe('Random-walk Metropolis (test)');
    expect(s.help).toMatch(/^ULA, MALA, HMC.* and Fixture RWM target the clean density; /);
    const t = spec('target');
    expect(t.values!.at(-1)).toBe('fixture-circle');
    expect(t.valueLabels!.at(-1)).toBe('Circle (data)');
  });

  it('its own setting is a sampler param, shown only for it, live as its entry says', () => {
    const own = spec('proposal');
    expect(own).toMatchObject({ group: 'sampler', kind: 'enum', values: ['gauss', 'uniform'], live: true });
    expect(own.when!({ sampler: 'fixture-rwm' })).toBe(true);
    expect(own.when!({ sampler: 'hmc' })).toBe(false);
    // shared settings it lists show for it too; others' settings do not
    expect(spec('step').when!({ sampler: 'fixture-rwm' })).toBe(true);
    expect(spec('leapfrog').when!({ sampler: 'fixture-rwm' })).toBe(false);
    expect(spec('init').when!({ sampler: 'fixture-rwm' })).toBe(true);
    expect(spec('T').when!({ sampler: 'fixture-rwm' })).toBe(false);
    // the existing params are untouched (the URL vocabulary and order)
    const before = samplerParams.map((s) => s.key);
    expect(params.map((s) => s.key).filter((k) => k !== 'proposal')).toEqual(before);
  });

  it('the score plan and the learned-score controls follow the families', () => {
    const plan = planScore(CIRCLE, RWM, 'exact');
    expect(plan.sampler).toBe('ula'); // a Metropolis test without a density: ULA on a learned score
    expect(plan.useLearned).toBe(true);
    expect(plan.notes.join(' ')).toMatch(/Fixture RWM needs a density .* Circle only gives samples/);
    expect(spec('trainSteps').when!({ sampler: 'fixture-rwm', target: 'fixture-circle', score: 'exact' })).toBe(true);
    expect(spec('trainSteps').when!({ sampler: 'fixture-rwm', target: 'banana', score: 'exact' })).toBe(false);
    expect(spec('trainSteps').when!({ sampler: 'ddpm', target: 'banana', score: 'exact' })).toBe(true);
  });

  it('a gradient-free sampler (the real rwm) learns no score and shows no score menu, except where it falls back to ULA', () => {
    const rwm = SAMPLER_CATALOG.find((e) => e.id === 'rwm')!;
    const banana = TARGET_CATALOG.find((e) => e.id === 'banana')!;
    expect(planScore(banana, rwm, 'learned')).toMatchObject({ sampler: 'rwm', useLearned: false });
    expect(spec('score').when!({ sampler: 'rwm', target: 'banana', score: 'learned' })).toBe(false);
    expect(spec('trainSteps').when!({ sampler: 'rwm', target: 'banana', score: 'learned' })).toBe(false);
    expect(spec('score').when!({ sampler: 'rwm', target: 'fixture-circle', score: 'exact' })).toBe(true); // runs ULA there
    expect(spec('score').when!({ sampler: 'mala', target: 'banana', score: 'exact' })).toBe(true);
  });

  it('Gibbs runs on a mixture only; elsewhere random-walk Metropolis on a density, ULA on a data set, each with a note', () => {
    const gibbs = SAMPLER_CATALOG.find((e) => e.id === 'gibbs')!;
    const t = (id: string) => TARGET_CATALOG.find((e) => e.id === id)!;
    expect(planScore(t('8gaussians'), gibbs, 'exact')).toMatchObject({ sampler: 'gibbs', useLearned: false, notes: [] });
    const banana = planScore(t('banana'), gibbs, 'exact');
    expect(banana).toMatchObject({ sampler: 'rwm', useLearned: false });
    expect(banana.notes[0]).toMatch(/exact conditional, which only the Gaussian mixtures give here: running random-walk Metropolis on Banana/);
    expect(planScore(t('moons'), gibbs, 'exact')).toMatchObject({ sampler: 'ula', useLearned: true });
    expect(spec('score').when!({ sampler: 'gibbs', target: '8gaussians', score: 'exact' })).toBe(false);
    expect(spec('scan').when!({ sampler: 'gibbs' })).toBe(true);
  });

  it('the equations panel falls back to the catalog line for a sampler without a rule of its own', () => {
    expect(samplersEquations({ sampler: 'flow', integrator: 'euler', T: 10, schedule: 'linear', score: 'exact' })[0].title).toMatch(/Probability-flow ODE/);
    const [b] = samplersEquations({ sampler: 'nope', score: 'exact' });
    expect(b.title).toBe('Unknown sampler');
    expect(b.tex).toBe('x_{k+1} = \\text{nope}(x_k)');
  });
});
