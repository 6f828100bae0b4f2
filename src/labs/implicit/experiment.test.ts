// The Implicit Diffusion lab end to end in Node: a shortened paper run tracks the exact flow, layers and
// metrics the views name, live updates, divergence messages, replay, fresh arrays, no leaks (both modes).
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { ParamValue } from '../types';
import type { Snapshot } from '../../protocol/snapshot';
import { implicitSchema } from './schema';
import { paramsWith } from '../modes';
import type { ImplicitParams } from './params';
import { implicitLab } from './lab';
import { divergence } from '../../engine/divergence';

// the schema's defaults for the mode with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): ImplicitParams {
  return paramsWith(implicitSchema, over) as ImplicitParams;
}
const xyOf = (s: Snapshot, k: string) => (s.layers[k] as { xy: Float32Array }).xy;

describe('Implicit Diffusion lab (Langevin)', () => {
  it('shortened paper run: J rises toward component 1 and tracks the exact flow, gradient aligned', async () => {
    const exp = await implicitLab.create(params({ particles: 200, eta: 0.5 }), { seed: 2 });
    const s0 = await exp.snapshot({ grids: false, metrics: true });
    exp.step(120);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect(s0.metrics.J_exact).toBeCloseTo(0.0725, 3);
    expect(s.metrics.J_exact).toBeGreaterThan(0.16);
    expect(Math.abs(s.metrics.J_exact - s.metrics.J_flow)).toBeLessThan(0.02);
    expect(s.metrics.w1).toBeGreaterThan(0.7);
    expect(s.metrics.grad_evals).toBe(120 * 200);
    expect(s.metrics.grad_cosine).toBeGreaterThan(0.5);
    expect(s.metrics.reward).toBeGreaterThan(s0.metrics.J_exact + 0.03); // the particles' own reward rises too (it lags J)
  });

  it('sends the layers and metrics the views name; a nested companion at equal cost', async () => {
    const exp = await implicitLab.create(params({ particles: 50, nestedRun: true, inner: 5 }), { seed: 1 });
    exp.step(10);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    for (const k of ['heat', 'rewardContours', 'particles', 'others', 'weights']) expect(s.layers[k], k).toBeDefined();
    const bars = s.layers.weights as { values: Float32Array; reference: Float32Array; labels: string[] };
    expect(bars.labels).toHaveLength(6);
    expect(bars.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(bars.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    for (const k of ['J_exact', 'J_flow', 'J_nested', 'reward', 'grad_evals', 'grad_cosine', 'w1', 'w6']) expect(Number.isFinite(s.metrics[k]), k).toBe(true);
    expect(xyOf(s, 'others').length).toBe(100);
  });

  it('the exact loop follows the flow; a nested loop spends K_in × N evaluations per iteration', async () => {
    const ex = await implicitLab.create(params({ particles: 30, loop: 'exact' }), { seed: 1 });
    ex.step(20);
    const se = await ex.snapshot({ grids: false, metrics: true });
    ex.dispose();
    expect(se.metrics.J_exact).toBeCloseTo(se.metrics.J_flow, 5);
    const ne = await implicitLab.create(params({ particles: 30, loop: 'nested', inner: 4, warm: false }), { seed: 1 });
    ne.step(3);
    const sn = await ne.snapshot({ grids: false, metrics: true });
    ne.dispose();
    expect(sn.metrics.grad_evals).toBe(3 * 4 * 30);
  });

  it('moves the bump live (click) and names the fix for a divergence', async () => {
    const exp = await implicitLab.create(params({ particles: 30, reward: 'bump', param: 'means' }), { seed: 1 });
    const a = await exp.snapshot({ grids: true, metrics: true });
    exp.update!({ bumpX: 4, bumpY: 0 });
    const b = await exp.snapshot({ grids: true, metrics: true });
    expect(b.metrics.J_exact).not.toBeCloseTo(a.metrics.J_exact, 3);
    exp.dispose();
    // ULA on a component of variance 0.05 with γ = 2 multiplies x by (1 − 2/0.05) each step
    const bad = await implicitLab.create(params({ particles: 20, gamma: 2, target: 'custom', comps: [{ w: 1, mean: [0, 0], cov: [0.05, 0, 0.05] }] }), { seed: 1 });
    bad.step(60);
    expect(await divergence(bad)).toMatch(/smaller γ|smaller η/);
    bad.dispose();
    await expect(implicitLab.create(params({ target: 'custom', comps: [] }), { seed: 1 })).rejects.toThrow(/at least one component/);
  });

  it('replays bit for bit and leaks no tensors', async () => {
    const p = params({ particles: 40, nestedRun: true, inner: 3, lambda: 0.5, refBatch: 8 });
    const run = async (seed: number) => {
      const e = await implicitLab.create(p, { seed });
      e.step(5);
      const s = await e.snapshot({ grids: true, metrics: true });
      e.dispose();
      return Array.from(xyOf(s, 'particles'));
    };
    expect(await run(3)).toEqual(await run(3));
    expect(await run(3)).not.toEqual(await run(4));
    const before = tf.memory().numTensors;
    const exp = await implicitLab.create(p, { seed: 1 });
    // (the frames' arrays are copied by the engine: engine.test.ts)
    for (let i = 0; i < 3; i++) {
      exp.step(2);
      await exp.snapshot({ grids: i !== 1, metrics: true });
      await divergence(exp);
    }
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Implicit Diffusion lab (EBM)', () => {
  it('lowers the energy of the data below the chains, draws chains and data, and leaks nothing', async () => {
    const p = params({ mode: 'ebm', data: '8gaussians', energy: 'mixture', K: 8, batch: 64, lr: 0.03, gamma: 0.01 });
    const warm = await implicitLab.create(p, { seed: 1 });
    warm.step(1);
    await warm.snapshot({ grids: true, metrics: true });
    warm.dispose();
    const before = tf.memory().numTensors;
    const exp = await implicitLab.create(p, { seed: 1 });
    const s0 = await exp.snapshot({ grids: true, metrics: true });
    exp.step(30);
    const s = await exp.snapshot({ grids: true, metrics: true });
    expect(await divergence(exp)).toBeNull();
    exp.update!({ gamma: 0.02 });
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(s.metrics.E_data).toBeLessThan(s.metrics.E_chains);
    expect(s.metrics.sw2).toBeLessThan(s0.metrics.sw2);
    expect((s.layers.weights as { values: Float32Array }).values).toHaveLength(8);
    expect(xyOf(s, 'others').length).toBeGreaterThan(0);
  });

  it('the MLP energy runs a few single-loop updates with finite energies', async () => {
    const exp = await implicitLab.create(params({ mode: 'ebm', data: 'moons', energy: 'mlp', hidden: 16, batch: 32 }), { seed: 1 });
    exp.step(5);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect(Number.isFinite(s.metrics.E_data) && Number.isFinite(s.metrics.E_chains)).toBe(true);
    expect(s.layers.heat.kind).toBe('scalarGrid');
  });
});
