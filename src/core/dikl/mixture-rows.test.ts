// Per-row mixture closed forms against gmm.ts at a shared level, and the mixed score identity with
// exact posterior samples against the exact noised score (in expectation).
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmPosteriorCov, gmmScore, gmmTweedie } from '../gmm';
import { MIX, LINE_MIX } from '../gmm-fixtures';
import { mixtureRowPosteriorSample, mixtureRowScore, mixtureRowTweedie } from './mixture-rows';
import { diklSchedule } from './schedule';

const PTS = [[-2, 0.5], [0, 0], [1.2, 1.9], [0.5, -1.5], [3, -3]];
const LEVELS = [{ a: 0.8, s2: 0.36 }, { a: 0.995, s2: 0.01 }, { a: 0.3, s2: 0.91 }, { a: 1, s2: 0 }];

const col = (v: number, n: number) => tf.fill([n, 1], v) as Tensor2D;

function close(got: ArrayLike<number>, want: ArrayLike<number>, tol: number) {
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]), `index ${i}: ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i])));
}

describe('DiKL schedule', () => {
  it('matches the MoG-40 levels derived from the official config (T=30, β 1e-4 → 0.7)', () => {
    const s = diklSchedule(30, 1e-4, 0.7);
    expect(s.a[1]).toBeCloseTo(0.988, 3);
    expect(s.s[1]).toBeCloseTo(0.156, 3);
    expect(s.a[5]).toBeCloseTo(0.827, 3);
    expect(s.a[10]).toBeCloseTo(0.483, 2);
    expect(s.a[29] / 6.6e-4).toBeCloseTo(1, 1);
    for (let t = 0; t < 30; t++) expect(s.a[t] ** 2 + s.s[t] ** 2).toBeCloseTo(1, 12);
  });
});

describe('mixture closed forms with a level per row', () => {
  it('equal gmmScore and gmmTweedie at each level, including a line component', () => {
    for (const mix of [MIX, LINE_MIX]) {
      for (const lv of LEVELS) {
        if (mix === LINE_MIX && lv.s2 === 0) continue; // singular at s2 = 0: the two codes floor differently
        tf.tidy(() => {
          const x = tf.tensor2d(PTS);
          const n = PTS.length;
          close(mixtureRowScore(x, mix, col(lv.a, n), col(lv.s2, n)).dataSync(), gmmScore(x, mix, lv).dataSync(), 2e-3);
          close(mixtureRowTweedie(x, mix, col(lv.a, n), col(lv.s2, n)).dataSync(), gmmTweedie(x, mix, lv).dataSync(), 2e-3);
        });
      }
    }
  });

  it('uses each row’s own level', () => {
    tf.tidy(() => {
      const x = tf.tensor2d([PTS[0], PTS[2]]);
      const got = mixtureRowScore(x, MIX, tf.tensor2d([[LEVELS[0].a], [LEVELS[2].a]]), tf.tensor2d([[LEVELS[0].s2], [LEVELS[2].s2]])).arraySync() as number[][];
      close(got[0], (gmmScore(tf.tensor2d([PTS[0]]), MIX, LEVELS[0]).arraySync() as number[][])[0], 2e-3);
      close(got[1], (gmmScore(tf.tensor2d([PTS[2]]), MIX, LEVELS[2]).arraySync() as number[][])[0], 2e-3);
    });
  });

  it('posterior samples have the exact posterior mean and covariance', () => {
    const M = 4000;
    const lv = LEVELS[0];
    const rng = new Rng(4);
    tf.tidy(() => {
      const pt = [0.4, 0.9];
      const x = tf.tile(tf.tensor2d([pt]), [M, 1]) as Tensor2D;
      const s = mixtureRowPosteriorSample(x, MIX, col(lv.a, M), col(lv.s2, M), rng);
      const mean = tf.mean(s, 0).dataSync();
      const d = tf.sub(s, mean);
      const cov = tf.div(tf.matMul(d, d, true, false), M).dataSync();
      close(mean, gmmTweedie(tf.tensor2d([pt]), MIX, lv).dataSync(), 0.05);
      close(cov, gmmPosteriorCov(tf.tensor2d([pt]), MIX, lv).dataSync(), 0.08);
    });
  });

  it('the mixed score identity a(x0 + ∇log p(x0)) − x_t with exact posterior samples averages to the exact noised score', () => {
    const M = 4000;
    const rng = new Rng(9);
    for (const lv of [LEVELS[0], LEVELS[2]]) {
      tf.tidy(() => {
        const pt = [1.2, -0.4];
        const x = tf.tile(tf.tensor2d([pt]), [M, 1]) as Tensor2D;
        const x0 = mixtureRowPosteriorSample(x, MIX, col(lv.a, M), col(lv.s2, M), rng);
        const msi = tf.sub(tf.mul(lv.a, tf.add(x0, gmmScore(x0, MIX))), x);
        const est = tf.mean(msi, 0).dataSync();
        // Monte Carlo standard error of the mean, per coordinate
        const se = tf.div(tf.sqrt(tf.mean(tf.square(tf.sub(msi, est)), 0)), Math.sqrt(M)).dataSync();
        const exact = gmmScore(tf.tensor2d([pt]), MIX, lv).dataSync();
        for (let k = 0; k < 2; k++) expect(Math.abs(est[k] - exact[k])).toBeLessThan(4 * se[k] + 1e-3);
      });
    }
  });
});
