// Samplers lab schema: every URL key, its range and its help text (tensorflow/playground's one table).
// The target and sampler menus, each sampler's own settings and when they show are built from the two
// catalogs (core/samplers/catalog.ts, core/targets/catalog.ts): a new entry there appears here unedited.
import type { Mixture } from '../../core/types';
import { SAMPLER_CATALOG, samplerEntry, samplerNeeds, type SamplerEntry, type SamplerFamily, type SamplerId, type SettingSpec } from '../../core/samplers/catalog';
import { TARGET_CATALOG, targetEntry, type TargetEntry, type TargetId } from '../../core/targets/catalog';
import type { ParamSpec, ParamsOf, ParamValue } from '../types';
import { planScore } from './score-source';
import { formulaSpecs } from '../common/formula-keys';

/** what a formula target changes here (shown under the formula editor) */
const FORMULA_ESTIMATES = 'With a formula, log Z, the reference samples and the marginals come from a 400 × 400 grid over the box: sliced W₂, MMD, the mean log-density and the marginals are exact up to the grid\'s cells. No modes to count; diffusion samplers learn the score (a noised score has no closed form).';

type P = Record<string, ParamValue>;

export const DEFAULT_CUSTOM: Mixture = [
  { w: 1, mean: [-2, 0], cov: [0.5, 0, 0.5] },
  { w: 1, mean: [2, 1], cov: [0.5, 0, 0.5] },
  { w: 0.5, mean: [0, -2.5], cov: [0.3, 0, 0.3] },
];

/** "a, b and c" */
const listed = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** the sampler menu's help, one clause per family that has samplers */
function samplerHelp(samplers: readonly SamplerEntry[]): string {
  const clause: Record<SamplerFamily, [string, string]> = {
    mcmc: ['targets the clean density', 'target the clean density'],
    annealed: ['walks down noise levels', 'walk down noise levels'],
    diffusion: ['reverses a VP diffusion in T steps', 'reverse a VP diffusion in T steps'],
  };
  const parts = (Object.keys(clause) as SamplerFamily[]).flatMap((f) => {
    const names = samplers.filter((e) => e.family === f).map((e) => e.name);
    return names.length ? [`${listed(names)} ${clause[f][names.length > 1 ? 1 : 0]}`] : [];
  });
  const s = parts.join('; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/**
 * Every sampler's settings as lab params, in the order they first appear in the catalog, each shown only
 * for the samplers that list it. Live as the selected sampler's entry marks it (annealed Langevin's step
 * restarts, the others' is live); where every entry agrees, a plain flag. A key the selected sampler does
 * not have changes nothing in the run, so it is live when any sampler takes it live.
 */
function samplerSettings(samplers: readonly SamplerEntry[], of: (p: P) => SamplerEntry | undefined): ParamSpec[] {
  const byKey = new Map<string, SettingSpec[]>();
  for (const e of samplers) for (const s of e.settings) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  return [...byKey.entries()].map(([key, specs]) => {
    const anyLive = specs.some((s) => s.live === true);
    const agree = specs.every((s) => (s.live === true) === anyLive);
    const live = agree ? anyLive || undefined : (p: P) => {
      const own = of(p)?.settings.find((s) => s.key === key);
      return own ? own.live === true : anyLive;
    };
    return { ...specs[0], group: 'sampler', live, when: (p: P) => of(p)?.settings.some((s) => s.key === key) ?? false, inertWhenHidden: true };
  });
}

/** the schema for a set of samplers and targets (the real catalogs, or a test's with one more entry) */
export function buildSamplerParams(samplers: readonly SamplerEntry[] = SAMPLER_CATALOG, targets: readonly TargetEntry[] = TARGET_CATALOG): readonly ParamSpec[] {
  return samplerSpecs(samplers, targets);
}

/** the same list with its literal keys and kinds (SamplersParams reads them) */
function samplerSpecs(samplers: readonly SamplerEntry[], targets: readonly TargetEntry[]) {
  const samplerOf = (p: P) => samplerEntry(p.sampler, samplers);
  const targetOf = (p: P) => targetEntry(p.target, targets);
  const startsFromNoise = (p: P) => {
    const e = samplerOf(p);
    return e ? samplerNeeds(e).startsFromNoise : false;
  };
  const usesLearned = (p: P) => {
    const t = targetOf(p);
    const s = samplerOf(p);
    if (t === undefined || s === undefined) return p.score === 'learned';
    return planScore(t, s, p.score === 'learned' ? 'learned' : 'exact').useLearned;
  };
  // the score menu shows when the sampler that will run reads a score (not random-walk Metropolis)
  const readsScore = (p: P) => {
    const t = targetOf(p);
    const s = samplerOf(p);
    if (t === undefined || s === undefined) return true;
    const planned = planScore(t, s, 'exact').sampler;
    const e = samplerEntry(planned, samplers) ?? samplerEntry(planned);
    return e === undefined || samplerNeeds(e).score;
  };
  return [
    { key: 'seed', label: 'Seed', group: 'run', help: 'All randomness flows from this number: the same seed replays the same run.', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1 },
    {
      key: 'target', label: 'Target', group: 'target', kind: 'enum', values: targets.map((e) => e.id), valueLabels: targets.map((e) => e.label),
      help: `The distribution to sample. Mixtures have every quantity in closed form; ${listed(targets.filter((e) => e.family === 'analytic').map((e) => e.label.toLowerCase()))} have an analytic density and exact samples; the data sets only give samples (the score must be learned).`,
      default: 'mog40',
    },
    { key: 'comps', label: 'Components', group: 'target', kind: 'points', default: DEFAULT_CUSTOM, help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.', when: (p) => p.target === 'custom' },
    { key: 'drawn', label: 'Drawn points', group: 'target', kind: 'xy', default: new Float32Array(0), help: 'Points drawn with the mouse or a finger; the learned score trains on them.', when: (p) => p.target === 'drawn' },
    ...formulaSpecs((p) => p.target === 'formula', FORMULA_ESTIMATES),
    {
      key: 'sampler', label: 'Sampler', group: 'sampler', kind: 'enum', values: samplers.map((e) => e.id), valueLabels: samplers.map((e) => e.label),
      help: samplerHelp(samplers),
      default: 'ula',
    },
    { key: 'score', label: 'Score', group: 'sampler', kind: 'enum', values: ['exact', 'learned'], valueLabels: ['Exact (closed form)', 'Learned (MLP, DSM)'], help: 'Exact: the closed-form noised score of a mixture, or the analytic score. Learned: an MLP trained by denoising score matching in the worker. Data sets and reverse diffusion on non-mixtures always use the learned score.', default: 'exact', when: readsScore },
    { key: 'particles', label: 'Particles', group: 'sampler', kind: 'int', min: 10, max: 100000, scale: 'log', default: 2000, help: 'Number of particles N.' },
    { key: 'init', label: 'Initial particles', group: 'sampler', kind: 'enum', values: ['normal', 'uniform', 'corner'], valueLabels: ['N(0, I)', 'Uniform in the box', 'A corner'], default: 'normal', help: 'Where MCMC particles start. Diffusion samplers always start from N(0, I) noise.', when: (p) => !startsFromNoise(p) },
    ...samplerSettings(samplers, samplerOf),
    { key: 'trainSteps', label: 'Training steps', group: 'learned score', kind: 'int', min: 0, max: 20000, scale: 'log', default: 1500, help: 'DSM training steps of the MLP before sampling (the loss curve shows them).', when: usesLearned },
    { key: 'hidden', label: 'MLP width', group: 'learned score', kind: 'int', min: 16, max: 512, default: 128, help: 'Hidden width of the score MLP.', when: usesLearned },
    { key: 'lr', label: 'Learning rate', group: 'learned score', kind: 'number', min: 1e-5, max: 0.1, scale: 'log', default: 0.002, help: 'Adam learning rate of the score MLP.', when: usesLearned },
    { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 1000, scale: 'log', default: 5, live: true, help: 'Iterations per drawn frame.' },
    { key: 'delay', label: 'Slow motion (ms per frame)', group: 'run', pacing: true, kind: 'int', min: 0, max: 1000, default: 0, live: true, help: 'A pause after each drawn frame, up to a second: with speed 1 and "Follow one chain", every proposal can be watched (the Step button advances one iteration while paused).' },
    { key: 'density', label: 'Density', group: 'view', kind: 'enum', values: ['log', 'density', 'off'], valueLabels: ['log-density', 'density', 'off'], default: 'log', live: true, help: 'Heatmap of the (noised) target density.' },
    { key: 'field', label: 'Score field', group: 'view', kind: 'bool', default: false, live: true, help: 'Arrows of the score the sampler uses (exact and learned side by side when both exist).' },
    { key: 'paths', label: 'Trajectories', group: 'view', kind: 'bool', default: true, live: true, help: 'A few particle trajectories.' },
    { key: 'follow', label: 'Follow one chain', group: 'view', kind: 'bool', default: false, live: true, help: 'The single-chain view: chain 0 step by step, each proposal drawn (a dot where it was accepted, a cross where rejected, fading with age) and HMC\'s leapfrog path to the latest one. Beside the other particles, not instead of them.', when: (p) => samplerOf(p)?.family === 'mcmc' },
    { key: 'tween', label: 'Tween (ms)', group: 'view', kind: 'int', min: 0, max: 1000, default: 0, live: true, help: 'With "Follow one chain": each step is drawn growing over this long (the trajectory leaf by leaf out from the start, the chain moving to where it went), so a slow-motion run reads as a motion, not a jump. Keep it under the slow-motion pause.', when: (p) => p.follow === true, inertWhenHidden: true },
    { key: 'hist', label: 'Marginals', group: 'view', kind: 'bool', default: true, live: true, help: 'Marginal histograms against the true marginals.' },
  ] as const satisfies readonly ParamSpec[];
}

export const samplerParams: readonly ParamSpec[] = buildSamplerParams();

/** every sampler's own settings, typed from the catalog (step, leapfrog, levels, T, schedule, eta, integrator, ...) */
type CatalogSettings = readonly (typeof SAMPLER_CATALOG)[number]['settings'][number][];
/**
 * What the experiment reads: the lab's own keys typed from the list above, the samplers' settings from the
 * catalog, and the two menus as the catalogs' ids (the list takes them from its arguments, so a test can add one).
 */
export type SamplersParams = Omit<ParamsOf<ReturnType<typeof samplerSpecs>>, 'target' | 'sampler'>
  & ParamsOf<CatalogSettings> & { target: TargetId; sampler: SamplerId };
