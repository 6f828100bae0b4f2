import { describe, expect, it } from 'vitest';
import { tf } from './tf';
import type { Tensor2D } from './tf';
import type { NoiseLevel } from './types';
import { Rng } from './rng';
import { gmmPosteriorCov, gmmPosteriorSample, gmmScore, gmmTweedie, gmmTweedieJacobian } from './gmm';
import { gmmLogProbRef } from './gmm-reference';
import { LINE_MIX, MIX } from './gmm-fixtures';

const LEVELS: NoiseLevel[] = [{ a: 0.8, s2: 0.36 }, { a: 1, s2: 0.5 }, { a: 0.3, s2: 0.91 }, { a: 0.995, s2: 0.01 }];
const PTS = [[-2, 0.5], [0, 0], [1.2, 1.9], [0.5, -1.5], [3, -3], [0.7, 0.7]];

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, rel = 0) {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i] - want[i]), `index ${i}: got ${got[i]}, want ${want[i]}`).toBeLessThanOrEqual(tol + rel * Math.abs(want[i]));
  }
}

/** E[x0 | x_t = x] and Cov by brute-force Bayes on a fine grid in float64 (prior × Gaussian likelihood) */
function bruteForcePosterior(x: number, y: number, level: NoiseLevel) {
  const lo = -7, hi = 7, n = 350, h = (hi - lo) / n;
  let z = 0, mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const u = lo + (i + 0.5) * h, v = lo + (j + 0.5) * h;
    const w = Math.exp(gmmLogProbRef(u, v, MIX) - ((x - level.a * u) ** 2 + (y - level.a * v) ** 2) / (2 * level.s2));
    z += w; mx += w * u; my += w * v; sxx += w * u * u; sxy += w * u * v; syy += w * v * v;
  }
  mx /= z; my /= z;
  return { mean: [mx, my], cov: [sxx / z - mx * mx, sxy / z - mx * my, sxy / z - mx * my, syy / z - my * my] };
}

describe('Tweedie and the posterior covariance', () => {
  it('equal brute-force Bayes on a grid', () => {
    const level = LEVELS[0];
    const pts = [[-1.5, 0.2], [0.4, 0.9]];
    const x = tf.tensor2d(pts);
    const m = gmmTweedie(x, MIX, level).arraySync() as number[][];
    const c = gmmPosteriorCov(x, MIX, level).arraySync() as number[][][];
    pts.forEach(([u, v], i) => {
      const bf = bruteForcePosterior(u, v, level);
      expectClose(m[i], bf.mean, 2e-4);
      expectClose(c[i].flat(), bf.cov, 2e-4);
    });
    x.dispose();
  });

  it('Tweedie equals (x + s2 · score) / a at every level, line component included', () => {
    for (const mix of [MIX, LINE_MIX]) {
      for (const level of LEVELS) {
        const x = tf.tensor2d(PTS);
        const t = gmmTweedie(x, mix, level);
        const viaScore = tf.tidy(() => tf.div(tf.add(x, tf.mul(gmmScore(x, mix, level), level.s2)), level.a));
        expectClose(t.dataSync(), viaScore.dataSync(), 2e-4, 1e-4);
        tf.dispose([x, t, viaScore]);
      }
    }
  });

  it('the Jacobian matches finite differences of Tweedie and (a/s2) Cov, and is I at the clean level', () => {
    for (const mix of [MIX, LINE_MIX]) {
      for (const level of LEVELS) {
        const x = tf.tensor2d(PTS);
        const J = gmmTweedieJacobian(x, mix, level);
        expect(J.shape).toEqual([PTS.length, 2, 2]);
        const h = 1e-2;
        // fd[n, i, d] = ∂x̂0_i/∂x_d
        const fd = tf.tidy(() => {
          const cols = [0, 1].map((d) => {
            const e = tf.tensor2d(PTS.map(() => (d === 0 ? [h, 0] : [0, h])));
            return tf.div(tf.sub(gmmTweedie(tf.add(x, e) as Tensor2D, mix, level), gmmTweedie(tf.sub(x, e) as Tensor2D, mix, level)), 2 * h);
          });
          return tf.stack(cols, 2);
        });
        expectClose(J.dataSync(), fd.dataSync(), 5e-3, 1e-2);
        const cov = gmmPosteriorCov(x, mix, level);
        const scaled = tf.mul(cov, level.a / level.s2);
        expectClose(J.dataSync(), scaled.dataSync(), 2e-3, 2e-3);
        tf.dispose([x, J, fd, cov, scaled]);
      }
    }
    const x = tf.tensor2d(PTS);
    const J0 = gmmTweedieJacobian(x, MIX, { a: 1, s2: 0 });
    expectClose(J0.dataSync(), PTS.flatMap(() => [1, 0, 0, 1]), 1e-5);
    tf.dispose([x, J0]);
  });
});

describe('gmmPosteriorSample', () => {
  it('has the closed-form posterior mean and covariance (Monte Carlo) and replays per seed', () => {
    const level = LEVELS[2];
    const reps = 12000;
    const pts = [[0, 0], [0.7, 0.7], [1, -0.5]];
    const x = tf.tensor2d(pts.flatMap((p) => Array.from({ length: reps }, () => p)));
    const s = gmmPosteriorSample(x, LINE_MIX, level, new Rng(3));
    const d = s.dataSync();
    const px = tf.tensor2d(pts);
    const m = gmmTweedie(px, LINE_MIX, level).dataSync();
    const c = gmmPosteriorCov(px, LINE_MIX, level).dataSync();
    pts.forEach((_, p) => {
      let mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0;
      for (let i = p * reps; i < (p + 1) * reps; i++) {
        const u = d[2 * i], v = d[2 * i + 1];
        mx += u; my += v; sxx += u * u; sxy += u * v; syy += v * v;
      }
      mx /= reps; my /= reps;
      // posterior variances here are O(1): standard errors ~0.01 (mean) and ~0.02 (covariance)
      expectClose([mx, my], [m[2 * p], m[2 * p + 1]], 0.04);
      expectClose([sxx / reps - mx * mx, sxy / reps - mx * my, syy / reps - my * my], [c[4 * p], c[4 * p + 1], c[4 * p + 3]], 0.06, 0.03);
    });
    const again = gmmPosteriorSample(x, LINE_MIX, level, new Rng(3));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d));
    tf.dispose([x, s, px, again]);
  });

  it('does not leak tensors', () => {
    const x = tf.tensor2d(PTS);
    const rng = new Rng(5);
    gmmPosteriorSample(x, MIX, LEVELS[0], rng).dispose(); // warm-up
    const before = tf.memory().numTensors;
    gmmPosteriorSample(x, LINE_MIX, LEVELS[1], rng).dispose();
    gmmTweedie(x, MIX, LEVELS[0]).dispose();
    gmmTweedieJacobian(x, MIX, LEVELS[0]).dispose();
    gmmPosteriorCov(x, MIX, LEVELS[0]).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
