// The DxMI lab end to end in Node at tiny sizes: phases, layers and metrics the views name, live
// updates, bad input, divergence detection, bit-for-bit replay and no tensor leaks.
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { ParamValue } from '../types';
import { dxmiSchema } from './schema';
import { paramsWith } from '../modes';
import type { DxmiParams } from './params';
import { DxmiExperiment } from './experiment';
import { divergence } from '../../engine/divergence';

// the schema's defaults with tiny sizes and `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): DxmiParams {
  return paramsWith(dxmiSchema, { T: 2, hidden: 16, batch: 64, pretrain: 40, ...over }) as DxmiParams;
}

describe('DxMI lab', () => {
  it('fits the DDPM first (no iterations), then runs DxMI iterations with every layer and metric', async () => {
    const exp = await DxmiExperiment.create(params({}), 1);
    expect(exp.training).toBe(true);
    exp.step(1);
    const s0 = await exp.snapshot({ grids: true, metrics: true });
    expect(s0.iteration).toBe(0);
    expect(s0.metrics.ddpm_loss).toBeGreaterThan(0);
    expect(s0.info.phase).toMatch(/fitting the 2-step DDPM: 20 \/ 40/);
    while (exp.training) exp.step(1);
    exp.step(3);
    const s = await exp.snapshot({ grids: true, metrics: true });
    expect(s.iteration).toBe(3);
    for (const k of ['energy', 'value0', 'value1', 'samples', 'data', 'paths', 'sigma', 'roc']) expect(s.layers[k], k).toBeDefined();
    expect(s.layers.value2).toBeUndefined(); // T = 2: panels t = 0, 1 only
    for (const k of ['sw2_data', 'baseline_sw2', 'energy_gap', 'auroc', 'modes_covered', 'td_loss', 'sigma_mean', 'entropy_samples', 'entropy_data']) expect(Number.isFinite(s.metrics[k]), k).toBe(true);
    expect((s.layers.samples as { xy: Float32Array }).xy.length).toBe(4000);
    expect((s.layers.sigma as { values: Float32Array }).values.length).toBe(2);
    expect(s.info.probe).toMatch(/^E\(0, 0\) = -?\d/);
    expect(await divergence(exp)).toBeNull();
    exp.dispose();
  });

  it('applies τ, γ and the probe live', async () => {
    const exp = await DxmiExperiment.create(params({ init: 'scratch' }), 1);
    exp.update({ tau: 0, gamma: 2, probeX: 1, probeY: -1 });
    const s = await exp.snapshot({ grids: false, metrics: false });
    expect(s.info.probe).toMatch(/^E\(1, -1\)/);
    exp.dispose();
  });

  it('bad input gives a readable message', async () => {
    await expect(DxmiExperiment.create(params({ energyLr: NaN }), 1)).rejects.toThrow(/energyLr/);
    await expect(DxmiExperiment.create(params({ data: 'drawn', drawn: new Float32Array(0) }), 1)).rejects.toThrow(/draw some points/);
  });

  it('names NaN weights and the fix', async () => {
    const exp = await DxmiExperiment.create(params({ init: 'scratch' }), 1);
    exp.step(1);
    const e = (exp as unknown as { critic: { energy: { vars: tf.Variable[] } } }).critic.energy.vars[0];
    tf.tidy(() => e.assign(tf.fill(e.shape, NaN)));
    expect(await divergence(exp)).toMatch(/NaN or infinite.*smaller learning rates/);
    exp.dispose();
  });

  it('tau0Twin=1 forks a τ = 0 twin that matches the main run exactly when the main τ is 0 too', async () => {
    const exp = await DxmiExperiment.create(params({ tau0Twin: true, tau: 0, pretrain: 20 }), 3);
    while (exp.training) exp.step(1);
    exp.step(3);
    const s = await exp.snapshot({ grids: true, metrics: true });
    for (const k of ['samples_tau0', 'energy_tau0']) expect(s.layers[k], k).toBeDefined();
    for (const k of ['sw2_tau0', 'modes_tau0', 'sigma_mean_tau0', 'entropy_tau0']) expect(Number.isFinite(s.metrics[k]), k).toBe(true);
    const inner = exp as unknown as { policy: { trainable(b: boolean): tf.Variable[] }; twin: { policy: { trainable(b: boolean): tf.Variable[] } } };
    const [a, b] = [inner.policy.trainable(true), inner.twin.policy.trainable(true)];
    a.forEach((v, i) => expect(Array.from(b[i].dataSync())).toEqual(Array.from(v.dataSync())));
    // with τ > 0 in the main run only, the two runs part
    exp.update({ tau: 0.5 });
    exp.step(2);
    expect(Array.from(b[b.length - 1].dataSync())).not.toEqual(Array.from(a[a.length - 1].dataSync()));
    expect(await divergence(exp)).toBeNull();
    exp.dispose();
  });

  it('replays bit for bit from the same seed and leaks no tensors', async () => {
    const run = async (seed: number) => {
      const exp = await DxmiExperiment.create(params({ data: 'spirals', pretrain: 10, hidden: 8, batch: 32, tau0Twin: true, emaEnergy: 0.9, emaSampler: 0.9 }), seed);
      while (exp.training) exp.step(1);
      exp.step(1);
      await exp.snapshot({ grids: seed === 7, metrics: true });
      await exp.drainTrace?.(); // what the engine does with every frame
      const n = tf.memory().numTensors;
      exp.step(1);
      await exp.snapshot({ grids: seed === 7, metrics: true });
      await exp.drainTrace?.(); // what the engine does with every frame
      expect(tf.memory().numTensors).toBe(n);
      const s = await exp.snapshot({ grids: false, metrics: true });
      exp.dispose();
      return Array.from((s.layers.samples as { xy: Float32Array }).xy.subarray(0, 50));
    };
    const before = tf.memory().numTensors;
    const a = await run(7);
    expect(tf.memory().numTensors).toBe(before);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });
});
