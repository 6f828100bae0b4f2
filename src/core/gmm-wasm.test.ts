// The closed forms on the WASM backend (the browser's usual one). Kernel quirks differ per backend:
// WASM's float32 oneHot returned int32 bit patterns, which put every exact posterior sample at the origin.
import { describe, expect, it } from 'vitest';
import { runOnWasmBackend } from '../test/wasm-backend';
import { tf } from './tf';
import { Rng } from './rng';
import { gmmPosteriorSample, gmmScore, gmmTweedie } from './gmm';
import { HEXAGON } from './targets/mixtures';

runOnWasmBackend();

describe('GMM closed forms on WASM', () => {
  it('exact posterior samples average to the Tweedie mean', async () => {
    const level = { a: 0.6, s2: 0.64 };
    const x = tf.tensor2d(Array.from({ length: 4000 }, () => [2.4, 1.0]).flat(), [4000, 2]);
    const s = gmmPosteriorSample(x, HEXAGON, level, new Rng(3));
    const mean = tf.mean(s, 0).dataSync();
    const tw = gmmTweedie(tf.tensor2d([[2.4, 1.0]]), HEXAGON, level).dataSync();
    expect(Math.abs(mean[0] - tw[0])).toBeLessThan(0.08);
    expect(Math.abs(mean[1] - tw[1])).toBeLessThan(0.08);
    expect(Math.hypot(mean[0], mean[1])).toBeGreaterThan(1); // not collapsed at the origin
  });

  it('the score agrees with the CPU backend', async () => {
    const pts = [[0.3, -1.2], [4, 0.1], [-2, 3]];
    const w = gmmScore(tf.tensor2d(pts), HEXAGON, { a: 0.8, s2: 0.36 }).dataSync();
    await tf.setBackend('cpu');
    const c = gmmScore(tf.tensor2d(pts), HEXAGON, { a: 0.8, s2: 0.36 }).dataSync();
    await tf.setBackend('wasm');
    for (let i = 0; i < c.length; i++) expect(w[i]).toBeCloseTo(c[i], 4);
  });
});
