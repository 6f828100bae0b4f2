import { describe, expect, it } from 'vitest';
import { gmmConditionLinear } from './gmm';
import { gmmLogProbRef } from './gmm-reference';
import { LINE_MIX, MIX } from './gmm-fixtures';
import type { Mixture } from './types';

/** max |posterior(grid) − closed form(grid)| / max posterior, with the grid posterior normalized by brute force */
function gridMismatch(prior: Mixture, A: number[][], y: number[], sigma: number, post: Mixture): number {
  const lo = -7, n = 280, h = 14 / n;
  const bf: number[] = [];
  const cf: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const u = lo + (i + 0.5) * h, v = lo + (j + 0.5) * h;
    const r2 = A.reduce((s, row, k) => s + (y[k] - row[0] * u - row[1] * v) ** 2, 0);
    bf.push(Math.exp(gmmLogProbRef(u, v, prior, undefined, 0) - r2 / (2 * sigma * sigma)));
    cf.push(Math.exp(gmmLogProbRef(u, v, post, undefined, 0)));
  }
  const z = bf.reduce((s, v) => s + v, 0) * h * h;
  const top = Math.max(...cf);
  return Math.max(...bf.map((b, i) => Math.abs(b / z - cf[i]))) / top;
}

describe('gmmConditionLinear', () => {
  it('equals brute-force Bayes on a grid (scalar and 2D measurements)', () => {
    const cases: [number[][], number[], number][] = [
      [[[1, 0.5]], [0.8], 0.5],
      [[[1, 0], [0.3, 1]], [-1, 1.2], 0.7],
      [[[0, 1]], [-1.5], 0.3],
    ];
    for (const [A, y, s] of cases) {
      const post = gmmConditionLinear(MIX, A, y, s);
      expect(post).toHaveLength(MIX.length);
      expect(gridMismatch(MIX, A, y, s, post)).toBeLessThan(2e-3);
    }
  });

  it('with sigmaY = 0 puts every component on the constraint A x = y', () => {
    const A = [[1, -0.5]];
    const post = gmmConditionLinear(LINE_MIX, A, [0.4], 0);
    for (const c of post) {
      expect(A[0][0] * c.mean[0] + A[0][1] * c.mean[1]).toBeCloseTo(0.4, 10);
      // A Σ' Aᵀ = 0: no spread across the constraint
      const [sxx, sxy, syy] = c.cov;
      expect(sxx * A[0][0] ** 2 + 2 * sxy * A[0][0] * A[0][1] + syy * A[0][1] ** 2).toBeCloseTo(0, 10);
    }
    // the exact limit of small noise: weights and means converge to the sigmaY = 0 answer
    const near = gmmConditionLinear(LINE_MIX, A, [0.4], 1e-5);
    const norm = (m: Mixture) => { const t = m.reduce((s, c) => s + c.w, 0); return m.map((c) => c.w / t); };
    norm(near).forEach((w, k) => expect(w).toBeCloseTo(norm(post)[k], 6));
    near.forEach((c, k) => expect(c.mean[0]).toBeCloseTo(post[k].mean[0], 6));
  });

  it('with an invertible 2x2 A and sigmaY = 0 collapses to the point A⁻¹ y', () => {
    const post = gmmConditionLinear(MIX, [[2, 1], [0, 1]], [3, 1], 0);
    for (const c of post) {
      expect(c.mean[0]).toBeCloseTo(1, 8);
      expect(c.mean[1]).toBeCloseTo(1, 8);
      c.cov.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-9));
    }
  });

  it('throws clear errors for singular G, bad shapes and bad noise', () => {
    // the line (1,1)/√2 measured across itself at sigmaY = 0: A Σ Aᵀ = 0
    expect(() => gmmConditionLinear([{ w: 1, mean: [0, 0], cov: [0.5, 0.5, 0.5] }], [[1, -1]], [0], 0)).toThrow(/singular/);
    expect(() => gmmConditionLinear(MIX, [[1, 0, 0]], [0], 1)).toThrow(/1x2 or 2x2/);
    expect(() => gmmConditionLinear(MIX, [[1, 0]], [0, 1], 1)).toThrow(/y must hold 1/);
    expect(() => gmmConditionLinear(MIX, [[1, 0]], [0], -1)).toThrow(/sigmaY/);
  });
});
