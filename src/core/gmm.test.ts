import { describe, expect, it } from 'vitest';
import { tf } from './tf';
import type { Tensor1D, Tensor2D } from './tf';
import { CLEAN, type NoiseLevel } from './types';
import { Rng } from './rng';
import {
  gmmLogProb, gmmLogProbAndScore, gmmMarginal, gmmMoments, gmmResponsibilities, gmmSample, gmmScore,
} from './gmm';
import { gmmLogProbRef, gmmScoreRef } from './gmm-reference';
import { LINE_MIX, MIX } from './gmm-fixtures';
import { moments } from './samplers/test-gaussian';

const LEVELS: NoiseLevel[] = [CLEAN, { a: 0.8, s2: 0.36 }, { a: 1, s2: 0.5 }, { a: 0.3, s2: 0.91 }];

// points spread over the modes and the tails (a fixed list, so a failure names the same point every run)
const PTS = [[-2, 0.5], [0, 0], [1.2, 1.9], [0.5, -1.5], [3, -3], [-4, 2], [0.7, 0.7], [-1, -1]];
const xT = () => tf.tensor2d(PTS);

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, rel = 0) {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i] - want[i]), `index ${i}: got ${got[i]}, want ${want[i]}`).toBeLessThanOrEqual(tol + rel * Math.abs(want[i]));
  }
}

describe('gmmLogProb', () => {
  it.each([['full rank', MIX], ['with a line component', LINE_MIX]] as const)('matches the float64 reference (%s)', (_, mix) => {
    for (const level of LEVELS) {
      if (mix === LINE_MIX && level.s2 === 0) continue; // degenerate density: checked separately below
      const x = xT();
      const lp = gmmLogProb(x, mix, level);
      expectClose(lp.dataSync(), PTS.map(([a, b]) => gmmLogProbRef(a, b, mix, level)), 2e-5, 2e-6);
      tf.dispose([x, lp]);
    }
  });

  it('integrates to 1 on a grid, clean and noised', () => {
    const n = 240;
    const lo = -9, hi = 9, h = (hi - lo) / n;
    const g = new Float32Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      g[2 * (i * n + j)] = lo + (i + 0.5) * h;
      g[2 * (i * n + j) + 1] = lo + (j + 0.5) * h;
    }
    const x = tf.tensor2d(g, [n * n, 2]);
    for (const [mix, level] of [[MIX, CLEAN], [MIX, LEVELS[1]], [LINE_MIX, LEVELS[2]]] as const) {
      const mass = tf.tidy(() => tf.sum(tf.exp(gmmLogProb(x, mix, level))).dataSync()[0] * h * h);
      expect(mass).toBeCloseTo(1, 3);
    }
    x.dispose();
  });

  it('stays finite for a singular component at s2 = 0 (eigenvalue floor)', () => {
    const x = tf.tensor2d([[0.3, 0.3], [0.3, -0.3]]);
    const lp = gmmLogProb(x, LINE_MIX).dataSync();
    expect(Number.isFinite(lp[0]) && Number.isFinite(lp[1])).toBe(true);
    expectClose(lp, [gmmLogProbRef(0.3, 0.3, LINE_MIX), gmmLogProbRef(0.3, -0.3, LINE_MIX)], 1e-3, 1e-4);
    expect(lp[0]).toBeGreaterThan(lp[1] + 10); // the floored line is a narrow ridge
    x.dispose();
  });

  it('rejects bad input with clear errors', () => {
    const x = tf.tensor2d([[0, 0, 0]]);
    expect(() => gmmLogProb(x as Tensor2D, MIX)).toThrow(/\[N,2\]/);
    x.dispose();
    const y = tf.tensor2d([[0, 0]]);
    expect(() => gmmLogProb(y, [])).toThrow(/no components/);
    expect(() => gmmLogProb(y, [{ w: -1, mean: [0, 0], cov: [1, 0, 1] }])).toThrow(/weight/);
    expect(() => gmmLogProb(y, [{ w: 1, mean: [0, 0], cov: [1, 2, 1] }])).toThrow(/semi-definite/);
    expect(() => gmmLogProb(y, MIX, { a: 1, s2: -0.1 })).toThrow(/noise level/);
    y.dispose();
  });
});

describe('gmmScore', () => {
  it('matches finite differences of the float64 reference at every level, line component included', () => {
    for (const level of LEVELS) {
      const mix = level.s2 > 0 ? LINE_MIX : MIX;
      const x = xT();
      const s = gmmScore(x, mix, level);
      expectClose(s.dataSync(), PTS.flatMap(([a, b]) => gmmScoreRef(a, b, mix, level)), 2e-4, 1e-4);
      tf.dispose([x, s]);
    }
  });

  it('matches tf.grad and finite differences of gmmLogProb (float32)', () => {
    for (const level of LEVELS) {
      const mix = level.s2 > 0 ? LINE_MIX : MIX;
      const x = xT();
      const s = gmmScore(x, mix, level);
      const g = tf.grad((z) => tf.sum(gmmLogProb(z as Tensor2D, mix, level)))(x);
      expectClose(s.dataSync(), g.dataSync(), 1e-4, 1e-4);
      const h = 1e-2;
      const fd = tf.tidy(() => {
        const cols = [0, 1].map((d) => {
          const e = tf.tensor2d(PTS.map(() => (d === 0 ? [h, 0] : [0, h])));
          const diff: Tensor1D = tf.sub(gmmLogProb(tf.add(x, e) as Tensor2D, mix, level), gmmLogProb(tf.sub(x, e) as Tensor2D, mix, level));
          return tf.div(diff, 2 * h);
        });
        return tf.stack(cols, 1);
      });
      // float32 differences of values ~10 over 2h = 0.02: about 1e-4 rounding, plus O(h²) truncation
      expectClose(s.dataSync(), fd.dataSync(), 5e-3, 1e-2);
      tf.dispose([x, s, g, fd]);
    }
  });

  it('agrees with gmmLogProbAndScore and responsibilities sum to one', () => {
    const x = xT();
    const { logp, score } = gmmLogProbAndScore(x, MIX, LEVELS[1]);
    const lp = gmmLogProb(x, MIX, LEVELS[1]);
    const s = gmmScore(x, MIX, LEVELS[1]);
    expectClose(logp.dataSync(), lp.dataSync(), 1e-6);
    expectClose(score.dataSync(), s.dataSync(), 1e-6);
    const r = gmmResponsibilities(x, MIX, LEVELS[1]);
    expect(r.shape).toEqual([PTS.length, MIX.length]);
    const rs = tf.sum(r, 1);
    expectClose(rs.dataSync(), PTS.map(() => 1), 1e-5);
    tf.dispose([x, logp, score, lp, s, r, rs]);
  });

  it('does not leak tensors', () => {
    const x = xT();
    gmmScore(x, MIX, LEVELS[1]).dispose(); // warm-up
    const before = tf.memory().numTensors;
    gmmScore(x, LINE_MIX, LEVELS[2]).dispose();
    gmmLogProb(x, MIX).dispose();
    gmmResponsibilities(x, MIX).dispose();
    const b = gmmLogProbAndScore(x, MIX);
    tf.dispose([b.logp, b.score]);
    gmmSample(10, MIX, new Rng(1)).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});

describe('gmmSample, gmmMarginal, gmmMoments', () => {
  it('sample moments match the closed form, and a seed replays', () => {
    const n = 40000;
    const s = gmmSample(n, MIX, new Rng(7));
    const d = s.dataSync();
    const { mean, cov } = gmmMoments(MIX);
    const got = moments(s);
    // standard errors are about sqrt(var/n) ~ 0.01 for the means, ~0.02 for the covariances
    expectClose(got.mean, mean, 0.04);
    expectClose(got.cov, cov, 0.08);
    const again = gmmSample(n, MIX, new Rng(7));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d));
    const other = gmmSample(4, MIX, new Rng(8));
    expect(Array.from(other.dataSync())).not.toEqual(Array.from(d.slice(0, 8)));
    tf.dispose([s, again, other]);
  });

  it('marginals integrate to one and equal the integral of the 2D density over the other axis', () => {
    const n = 1200, lo = -10, h = 20 / n;
    const xs = Float32Array.from({ length: n }, (_, i) => lo + (i + 0.5) * h);
    for (const axis of [0, 1] as const) {
      for (const level of [CLEAN, LEVELS[1]]) {
        const m = gmmMarginal(MIX, axis, xs, level);
        expect(m.reduce((s, v) => s + v, 0) * h).toBeCloseTo(1, 4);
        for (const at of [-2, 0.4, 1.7]) {
          let integral = 0;
          for (const t of xs) integral += Math.exp(axis === 0 ? gmmLogProbRef(at, t, MIX, level) : gmmLogProbRef(t, at, MIX, level)) * h;
          expect(gmmMarginal(MIX, axis, Float32Array.of(at), level)[0]).toBeCloseTo(integral, 5);
        }
      }
    }
  });
});
