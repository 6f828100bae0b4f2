// The base-score adapters: a ScoreFn (scalar level per call, like the learned ScoreNet) served at per-row
// levels by row groups must equal the per-row closed form, and backprop must pass through it (the queue's
// replay differentiates x0 through every base-score call).
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import type { ScoreFn } from '../types';
import { hexMixture } from './param-mixture';
import { learnedBase, mixtureBase, mixtureScore, MlpCorrectionModel } from './diffusion-models';
import { rowCoefs, stepCoefs } from './reverse-steps';

const base = hexMixture();
/** the exact mixture score behind the ScoreFn interface (one scalar level per call) */
const asScoreFn: ScoreFn = (x, lv) =>
  tf.tidy(() => {
    const n = x.shape[0];
    return mixtureScore(x, tf.tensor1d(Float32Array.from(base.logits)), base, tf.fill([n, 1], lv.a) as Tensor2D, tf.fill([n, 1], lv.s2) as Tensor2D);
  });

describe('diffusion base scores', () => {
  it('a scalar-level ScoreFn served by row groups equals the per-row closed form, gradients included', () => {
    const before = tf.memory().numTensors;
    const c = stepCoefs(6);
    const stages = [5, 2, 0]; // three queue slots at different stages, 7 rows each
    const rows = rowCoefs(c, stages, 7);
    expect(rows.groups.map((g) => g.a)).toEqual(stages.map((j) => c.a[j]));
    const x = tf.randomNormal([21, 2], 0, 3, 'float32', 5) as Tensor2D;
    const exact = mixtureBase(base);
    const grouped = learnedBase(asScoreFn);
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(exact(x, rows.a, rows.s2, rows.groups), grouped(x, rows.a, rows.s2, rows.groups)))).dataSync()[0]);
    expect(diff).toBeLessThan(1e-5);
    // d/dx of a scalar through both: identical
    const gdiff = tf.tidy(() => {
      const f = (fn: typeof exact) => tf.grad((z) => tf.sum(tf.square(fn(z as Tensor2D, rows.a, rows.s2, rows.groups))))(x);
      const ge = f(exact);
      return [tf.max(tf.abs(tf.sub(ge, f(grouped)))).dataSync()[0], tf.max(tf.abs(ge)).dataSync()[0]];
    });
    expect(gdiff[1]).toBeGreaterThan(1e-3);
    expect(gdiff[0]).toBeLessThan(1e-4 * gdiff[1] + 1e-6);
    expect(() => grouped(x, rows.a, rows.s2, [{ a: 1, s2: 0.1, n: 5 }])).toThrow(/cover 5 rows/);
    // the MLP correction over a grouped base starts exactly at the base (zero output layer)
    const m = new MlpCorrectionModel(grouped, 6, new Rng(1));
    const d0 = tf.tidy(() => tf.max(tf.abs(tf.sub(m.score(x, tf.tensor1d(m.theta0()), rows.a, rows.s2, rows.groups), exact(x, rows.a, rows.s2, rows.groups)))).dataSync()[0]);
    expect(d0).toBeLessThan(1e-5);
    tf.dispose([x, rows.a, rows.s2, rows.c1, rows.c2, rows.sig]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
