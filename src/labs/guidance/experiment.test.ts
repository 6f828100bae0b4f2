// The Gradient-guidance lab end to end in Node (small sizes): layers and metrics, the sweep, the learned
// prior and Algorithm 2, bad inputs, replay and leaks. The long paper check is a CLI run (docs/guidance-lab.md).
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { ParamValue } from '../types';
import { guidanceSchema } from './schema';
import { paramsWith } from '../modes';
import type { GuidanceParams } from './params';
import { GuidanceExperiment } from './experiment';
import { divergence } from '../../engine/divergence';

// the schema's defaults with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): GuidanceParams {
  return paramsWith(guidanceSchema, over) as GuidanceParams;
}

const SMALL = { T: 10, batch: 16, rounds: 3 };

describe('Gradient-guidance lab', () => {
  it('runs rounds, sends the layers the views name, and stops after the last round', async () => {
    const exp = await GuidanceExperiment.create(params({ ...SMALL, sweep: true }), 1);
    exp.step(10);
    expect(exp.iteration).toBe(3);
    expect(exp.done).toBe(true);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    for (const k of ['reward', 'samples', 'data', 'sweepSamples', 'fieldNaive', 'fieldLoss', 'front', 'sweep']) expect(s.layers[k], k).toBeDefined();
    expect((s.layers.samples as { xy: Float32Array }).xy.length).toBe(32);
    expect((s.layers.sweepSamples as { xy: Float32Array }).xy.length).toBe(2 * 2 * 11 * 16); // G_loss and naive sweeps
    expect(s.metrics.off_support_ratio).toBeLessThan(1e-5);
    expect(Number.isFinite(s.metrics.reward_mean)).toBe(true);
    expect(s.metrics.reward_top4).toBeGreaterThanOrEqual(s.metrics.reward_mean);
    // the G_loss field is along the line (φ = 0: no y component), the naive one is not
    const fl = s.layers.fieldLoss as { v: Float32Array; u: Float32Array };
    const fn = s.layers.fieldNaive as { v: Float32Array };
    expect(Math.max(...fl.v.map(Math.abs))).toBeLessThan(1e-6 * Math.max(...fl.u.map(Math.abs)));
    expect(Math.max(...fn.v.map(Math.abs))).toBeGreaterThan(0);
  });

  it('the circle: the front over δ has one point per δ and reward grows with δ', async () => {
    const exp = await GuidanceExperiment.create(params({ data: 'circle', reward: 'linear', ratio: 1, T: 20, batch: 8, rounds: 3, sweep: true }), 3);
    exp.step(3);
    const s = await exp.snapshot({ grids: false, metrics: true });
    exp.dispose();
    const sweep = s.layers.sweep as { xs: Float32Array; ys: Record<string, Float32Array> };
    expect(sweep.xs.length).toBe(11);
    const r = sweep.ys['mean reward, G_loss'];
    expect(r[10]).toBeGreaterThan(r[0]);
    const front = s.layers.front as { xs: Float32Array; ys: Record<string, Float32Array> };
    expect(Object.keys(front.ys)).toEqual(['G_loss', 'naive G']);
    expect(front.xs.length).toBe(22);
  });

  it('learned prior: pre-training phase first, then rounds; Algorithm 2 fine-tunes', async () => {
    const exp = await GuidanceExperiment.create(params({ ...SMALL, score: 'learned', algorithm: '2', ftStart: 1, trainSteps: 20, hidden: 16, T: 6, batch: 8 }), 2);
    expect(exp.training).toBe(true);
    exp.step(1);
    const s1 = await exp.snapshot({ grids: false, metrics: true });
    expect(s1.info.phase).toMatch(/pre-training/);
    expect(s1.metrics.dsm_loss).toBeGreaterThan(0);
    exp.step(1);
    expect(exp.training).toBe(false);
    exp.step(2);
    const s2 = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect(s2.metrics.ft_loss).toBeGreaterThan(0);
    expect(s2.info.score).toMatch(/fine-tuned/);
    expect(s2.layers.fieldLoss).toBeDefined();
  });

  it('foundation targets as data: exact mixture prior, no off-subspace metric; data sets force the learned prior', async () => {
    const exp = await GuidanceExperiment.create(params({ ...SMALL, data: 'custom', reward: 'f2', bx: 3, by: 3, sweep: true, batch: 4 }), 1);
    exp.step(3);
    const s = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect(s.metrics.off_support_ratio).toBeUndefined();
    expect(s.info.off).toMatch(/line and circle only/);
    expect(s.layers.front).toBeUndefined();
    expect(s.layers.handles).toBeDefined();
    expect(Object.keys((s.layers.sweep as { ys: object }).ys)).toEqual(['mean reward, G_loss', 'mean reward, naive G']);
    expect(s.metrics.reward_mean).toBeGreaterThan(3); // f2 <= 5; unguided samples of the custom mixture sit ~2–5 from b
    const moons = await GuidanceExperiment.create(params({ ...SMALL, data: 'moons', trainSteps: 10, hidden: 16 }), 1);
    expect(moons.training).toBe(true);
    moons.dispose();
  });

  it('bad inputs give readable messages; divergence is reported', async () => {
    await expect(GuidanceExperiment.create(params({ delta: -1 }), 1)).rejects.toThrow(/δ must be/);
    await expect(GuidanceExperiment.create(params({ ratio: NaN }), 1)).rejects.toThrow(/degenerate/);
    await expect(GuidanceExperiment.create(params({ sigma: 0 }), 1)).rejects.toThrow(/σ/);
    const exp = await GuidanceExperiment.create(params({ ...SMALL, guidance: 'naive', beta: 1e4, delta: 5, rounds: 30 }), 1);
    let msg: string | null = null;
    for (let k = 0; k < 30 && !msg; k++) {
      exp.step(1);
      msg = await divergence(exp);
    }
    exp.dispose();
    expect(msg).toMatch(/smaller increment δ/);
  });

  it('replays bit for bit; live keys apply without a reset', async () => {
    const run = async (seed: number) => {
      const e = await GuidanceExperiment.create(params({ ...SMALL, data: 'line2', phi: 40 }), seed);
      e.step(2);
      const xy = Array.from(((await e.snapshot({ grids: false, metrics: false })).layers.samples as { xy: Float32Array }).xy);
      e.update({ fieldT: 5, speed: 3 });
      e.dispose();
      return xy;
    };
    const [a, b, c] = [await run(4), await run(4), await run(5)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('leaks no tensors across step, snapshot and create/dispose', async () => {
    const p = params({ ...SMALL, score: 'learned', trainSteps: 10, hidden: 16, sweep: true, rounds: 10, T: 5, batch: 4 });
    const warm = await GuidanceExperiment.create(p, 1);
    warm.step(2);
    await warm.snapshot({ grids: true, metrics: true });
    await warm.drainTrace?.(); // what the engine does with every frame
    warm.dispose();
    const before = tf.memory().numTensors;
    const exp = await GuidanceExperiment.create(p, 1);
    exp.step(2);
    await exp.drainTrace?.();
    const mid = tf.memory().numTensors;
    exp.step(2);
    await exp.snapshot({ grids: true, metrics: true });
    await exp.drainTrace?.(); // what the engine does with every frame
    await divergence(exp);
    expect(tf.memory().numTensors).toBe(mid);
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
