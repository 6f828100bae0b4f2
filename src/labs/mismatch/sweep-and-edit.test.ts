// The mixture-prior T sweep (sample estimates, advanced one point per metrics frame), the exact W2 metric,
// and the two editable mixtures of the unconditional mode (which one the plane's handles bind to).
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { gmmSample } from '../../core/gmm';
import { makeMixtureCondSetup } from '../../core/mismatch/mixture-setup';
import { makeMeasurement } from '../../core/mismatch/measurement';
import type { Mixture } from '../../core/types';
import type { ParamValue } from '../types';
import { MixtureSweep } from './cond-sweep';
import { DEFAULT_CUSTOM, DEFAULT_TRAIN } from './params';
import { mismatchSchema } from './schema';
import { paramsWith, specsOf } from '../modes';
import type { MismatchParams } from './params';
import { mismatchLab } from './lab';

// the mode's defaults with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): MismatchParams {
  return paramsWith(mismatchSchema, over) as MismatchParams;
}

/** the param the plane's handles edit: the first visible 'points' param (ui/plane-bindings.ts) */
const boundPoints = (p: Record<string, ParamValue>) => specsOf(mismatchSchema, p).filter((s) => !s.when || s.when(p)).find((s) => s.kind === 'points')?.key;

describe('mixture-prior T sweep', () => {
  it('fills one (rule, T) point per advance, T-major, and DDNM is far above the oracle', async () => {
    const cs = makeMixtureCondSetup(DEFAULT_CUSTOM, makeMeasurement([[1, 0]], [0], 0.3), 0.3, 0.5);
    const rng = new Rng(2);
    const x0 = gmmSample(300, cs.post, rng);
    const ref = { x0, z: tf.randomNormal([300, 2], 0, 1, 'float32', rng.seed()) as Tensor2D, x0xy: new Float32Array(await x0.data()) };
    const sw = new MixtureSweep(cs, 'etc', 'large', ref, 1, ['oracle', 'ddnm'], [10, 20], 150);
    await sw.advance(1);
    expect(Object.keys(sw.metrics())).toEqual(['kl_est_T10_oracle', 'sw2_T10_oracle', 'w2_T10_oracle']);
    expect(sw.done).toBe(false);
    await sw.advance(10);
    expect(sw.done).toBe(true);
    const m = sw.metrics();
    expect(Object.keys(m)).toHaveLength(12);
    expect(m.kl_est_T20_ddnm).toBeGreaterThan(10 * m.kl_est_T20_oracle);
    const l = sw.layers();
    const ys = (l.kl as { ys: Record<string, Float32Array> }).ys;
    expect(Object.keys(ys)).toEqual(['oracle (KDE estimate)', 'DDNM (KDE estimate)']);
    expect(Array.from(ys['DDNM (KDE estimate)']).every(Number.isFinite)).toBe(true);
    tf.dispose([ref.x0, ref.z]);
  });

  it('conditional mixture run: the sweep advances per metrics frame, exact W2 at the end, no leak', async () => {
    const before = tf.memory().numTensors;
    const exp = await mismatchLab.create(params({ prior: 'custom', y: 0, T: 8, particles: 100, sweep: true, rule: 'ddnm' }), { seed: 1 });
    exp.step(2);
    const s1 = await exp.snapshot({ grids: false, metrics: true });
    expect(s1.metrics.kl_est_T20_oracle).toBeGreaterThan(0);
    expect(s1.metrics.kl_est_T20_uncond).toBeUndefined();
    expect(s1.layers.sweepT).toBeDefined();
    expect(s1.info.sweep).toMatch(/1 \/ 35/);
    expect(s1.metrics.w2_posterior).toBeUndefined();
    exp.dispose();
    const exp2 = await mismatchLab.create(params({ prior: 'custom', y: 0, T: 8, particles: 100, rule: 'oracle' }), { seed: 1 });
    exp2.step(8);
    const s2 = await exp2.snapshot({ grids: false, metrics: true });
    expect(s2.metrics.w2_posterior).toBeGreaterThan(0);
    expect(s2.metrics.w2_posterior).toBeLessThan(2);
    expect(s2.layers.sweepT).toBeUndefined();
    exp2.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('two editable mixtures (unconditional)', () => {
  it('`edit` picks the mixture the handles bind to; the other is outlined', async () => {
    const base = { mode: 'uncond', target: 'custom', score: 'mixture', T: 5, particles: 20 } as const;
    expect(boundPoints(params({ ...base, edit: 'target' }))).toBe('comps');
    expect(boundPoints(params({ ...base, edit: 'training' }))).toBe('train');
    expect(boundPoints(params({ ...base, target: 'two-modes' }))).toBe('train');
    expect(boundPoints(params({ ...base, score: 'perturb' }))).toBe('comps');
    const exp = await mismatchLab.create(params({ ...base, edit: 'target' }), { seed: 1 });
    const handles = async () => {
      const s = await exp.snapshot({ grids: false, metrics: false });
      return { h: (s.layers.handles as { components: Mixture }).components, o: s.layers.outline as { nPaths: number; xy: Float32Array } };
    };
    let { h, o } = await handles();
    expect(h).toEqual(DEFAULT_CUSTOM);
    expect(o.nPaths).toBe(DEFAULT_TRAIN.length);
    // the outline is the 2σ ellipse: its first point is mean + 2 (√Σ₁₁, Σ₁₂/√Σ₁₁)
    const c = DEFAULT_TRAIN[0];
    expect(o.xy[0]).toBeCloseTo(c.mean[0] + 2 * Math.sqrt(c.cov[0]), 5);
    expect(o.xy[1]).toBeCloseTo(c.mean[1] + (2 * c.cov[1]) / Math.sqrt(c.cov[0]), 5);
    exp.update?.({ edit: 'training' }); // live: no restart
    ({ h, o } = await handles());
    expect(h).toEqual(DEFAULT_TRAIN);
    expect(o.nPaths).toBe(DEFAULT_CUSTOM.length);
    exp.dispose();
  });
});
