// The diffusion mode with a learned base: a DSM training phase (loss reported, `training` true), then the
// MLP correction fine-tunes the learned score toward the reward: the finished batches' mean reward rises.
// Kept small (a 16-wide net, 30 DSM steps, T = 4): an under-trained base is still a valid base model.
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
  return paramsWith(implicitSchema, { mode: 'diffusion', base: 'learned', reward: 'smooth', T: 4, batch: 64, trainSteps: 30, hidden: 16, correctionWidth: 8, lr: 0.01, lambda: 0, nestedRun: false, ...over }) as ImplicitParams;
}

describe('Implicit Diffusion lab (diffusion fine-tuning of a learned base)', () => {
  it('trains the base first (loss chart), then the MLP correction raises the mean reward; leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const exp = await implicitLab.create(params({}), { seed: 3 });
    const training = () => (exp as unknown as { training: boolean }).training;
    expect(training()).toBe(true);
    exp.step(2);
    const st = await exp.snapshot({ grids: true, metrics: true });
    expect(st.iteration).toBe(20); // the training phase reports its DSM steps
    expect(st.metrics.dsm_loss).toBeGreaterThan(0);
    expect(st.layers.weights).toBeUndefined();
    expect((st.layers.others as { xy: Float32Array }).xy.length).toBe(2000);
    expect(await divergence(exp)).toBeNull();
    while (training()) exp.step(1);
    expect(exp.iteration).toBe(0);
    expect(await divergence(exp)).toBeNull(); // no finished batch yet is not a divergence
    const rewards: number[] = [];
    for (let k = 0; k < 20; k++) {
      exp.step(1);
      rewards.push((await exp.snapshot({ grids: false, metrics: true })).metrics.reward);
    }
    expect(await divergence(exp)).toBeNull();
    const s = await exp.snapshot({ grids: true, metrics: true });
    expect(s.info.base).toMatch(/learned/);
    exp.update!({ lr: 0.001, lambda: 0.1 });
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // about 0.2 at the base (its samples rarely reach the reward), about 1 after 10 updates (seen: 0.2 → 1.0)
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(rewards.slice(-5))).toBeGreaterThan(mean(rewards.slice(0, 3)) + 0.4);
  });

  it('a learned base forces the MLP correction even when the URL asks for logits', async () => {
    const exp = await implicitLab.create(params({ param: 'logits', trainSteps: 1 }), { seed: 4 });
    exp.step(1);
    exp.step(1);
    const s = await exp.snapshot({ grids: false, metrics: true });
    exp.dispose();
    expect(s.info.model).toMatch(/MLP/);
    expect(s.metrics.F_exact).toBeUndefined();
  });
});
