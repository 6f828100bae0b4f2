// The diffusion mode end to end in Node: layers and metrics the views name, the queue raises the exact
// objective, live updates, structural changes refused, fresh arrays, no leaks.
import type { Mixture } from '../../core/types';
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { ParamValue } from '../types';
import { implicitSchema } from './schema';
import { paramsWith } from '../modes';
import type { ImplicitParams } from './params';
import { implicitLab } from './lab';
import { divergence } from '../../engine/divergence';

// the schema's defaults for the mode with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): ImplicitParams {
  return paramsWith(implicitSchema, { mode: 'diffusion', reward: 'smooth', T: 5, batch: 32, ...over }) as ImplicitParams;
}

describe('Implicit Diffusion lab (diffusion fine-tuning)', () => {
  it('raises F(θ) by the queue, draws base/fine-tuned samples, the queue strip, weights; leaks nothing', async () => {
    const warm = await implicitLab.create(params({}), { seed: 1 });
    warm.step(1);
    await warm.snapshot({ grids: true, metrics: true });
    warm.dispose();
    const before = tf.memory().numTensors;
    const exp = await implicitLab.create(params({}), { seed: 1 });
    const s0 = await exp.snapshot({ grids: true, metrics: true });
    exp.step(15);
    const s = await exp.snapshot({ grids: true, metrics: true });
    await exp.snapshot({ grids: false, metrics: true }); // a second, gridless snapshot leaks nothing either
    expect(await divergence(exp)).toBeNull();
    exp.update!({ eta: 1, lambda: 0.1 });
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(s.metrics.F_exact).toBeGreaterThan(s0.metrics.F_exact + 0.01);
    expect(s.metrics.sampler_steps).toBe(4 + 15);
    for (const k of ['reward', 'reg', 'reward_exact', 'KL_exact', 'F_nested', 'grad_cosine', 'w1']) expect(Number.isFinite(s.metrics[k]), k).toBe(true);
    expect((s.layers.queue as { values: Float32Array }).values).toEqual(Float32Array.from([4, 3, 2, 1, 0]));
    expect((s.layers.particles as { xy: Float32Array }).xy.length).toBe(2 * 32 * 8);
    expect((s.layers.others as { xy: Float32Array }).xy.length).toBe(2000);
  });

  it('the nested loop spends T sampler steps per update; the MLP correction runs', async () => {
    const n = await implicitLab.create(params({ loop: 'nested' }), { seed: 2 });
    n.step(2);
    const sn = await n.snapshot({ grids: false, metrics: true });
    n.dispose();
    expect(sn.metrics.sampler_steps).toBe(10);
    const m = await implicitLab.create(params({ param: 'mlp', correctionWidth: 8, lr: 0.01 }), { seed: 2 });
    m.step(3);
    const sm = await m.snapshot({ grids: true, metrics: true });
    expect(await divergence(m)).toBeNull();
    m.dispose();
    expect(Number.isFinite(sm.metrics.reward) && Number.isFinite(sm.metrics.reg)).toBe(true);
    expect(sm.layers.weights).toBeUndefined();
  });

  it('a user mixture as the base: its handles, its weights, and the exact F climbs from its θ0', async () => {
    const comps: Mixture = [
      { w: 1, mean: [-3, 0], cov: [1, 0, 1] },
      { w: 2, mean: [4, 3.8], cov: [0.5, 0, 0.5] },
      { w: 1, mean: [0, -3], cov: [1, 0, 1] },
    ];
    const exp = await implicitLab.create(params({ target: 'custom', comps, T: 4, batch: 32, eta: 4, nestedRun: false }), { seed: 5 });
    const s0 = await exp.snapshot({ grids: true, metrics: true });
    exp.step(12);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect((s.layers.handles as unknown as { components: unknown[] }).components).toEqual(comps);
    const w0 = (s0.layers.weights as { reference: Float32Array }).reference;
    expect(Array.from(w0)).toEqual([0.25, 0.5, 0.25].map(Math.fround));
    expect(s.metrics.F_exact).toBeGreaterThan(s0.metrics.F_exact ?? -Infinity);
    expect(s.metrics.w2).toBeGreaterThan(0.5); // the component under the reward's peak gains weight
    await expect(implicitLab.create(params({ target: 'custom', comps: [] }), { seed: 1 })).rejects.toThrow(/at least one component/);
  });
});
