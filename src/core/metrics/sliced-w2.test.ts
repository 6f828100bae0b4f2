import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { slicedW2, w2Squared1d } from './sliced-w2';
import { w2Exact } from './w2-exact';
import { gaussPoints, shifted } from './test-points';

describe('w2Squared1d', () => {
  it('integrates the quantile functions exactly for unequal sizes', () => {
    // quantiles of {0,1} and {0,0.5,1} differ by 0.5 on [1/3, 2/3): W2^2 = (1/3)(0.25)
    expect(w2Squared1d([0, 1], [0, 0.5, 1])).toBeCloseTo(1 / 12, 12);
    expect(w2Squared1d([0, 1, 2], [0, 0, 1, 1, 2, 2])).toBe(0);
    expect(w2Squared1d([0, 2], [1])).toBeCloseTo(1, 12);
    expect(() => w2Squared1d([], [1])).toThrow(/empty/);
  });
});

describe('slicedW2', () => {
  const a = gaussPoints(500, new Rng(1), [1, -2], 2, 0.5);

  it('is 0 between a set and itself or its duplicate', () => {
    expect(slicedW2(a, a, new Rng(3))).toBe(0);
    const twice = new Float32Array(a.length * 2);
    twice.set(a);
    twice.set(a, a.length);
    expect(slicedW2(a, twice, new Rng(3))).toBe(0);
  });

  it('gives |d|/sqrt(2) for a pure shift by (d, 0), whatever the seed and nProj', () => {
    // mean over directions of (d cos theta)^2 = d^2/2; the equally spaced comb averages it exactly
    for (const [d, seed, nProj] of [[3, 1, 64], [-0.7, 2, 8], [10, 5, 3]]) {
      expect(slicedW2(a, shifted(a, d, 0), new Rng(seed), nProj)).toBeCloseTo(Math.abs(d) / Math.SQRT2, 4);
    }
  });

  it('scales linearly with the point sets and is never above the exact W2', () => {
    const b = gaussPoints(200, new Rng(2), [0, 0], 1, 1);
    const a200 = a.subarray(0, 400);
    const base = slicedW2(a200, b, new Rng(7));
    expect(slicedW2(a200.map((v) => 3 * v), b.map((v) => 3 * v), new Rng(7))).toBeCloseTo(3 * base, 4);
    // every 1D projection is a contraction, so SW2 <= W2
    expect(base).toBeLessThanOrEqual(w2Exact(a200, b) + 1e-9);
    expect(base).toBeGreaterThan(0.3 * w2Exact(a200, b));
  });

  it('matches the closed form between two centred isotropic Gaussians', () => {
    // N(0, I) vs N(0, s^2 I): every projection is N(0,1) vs N(0,s^2), whose W2 is |s - 1|
    const x = gaussPoints(3000, new Rng(11));
    const y = gaussPoints(2000, new Rng(12), [0, 0], 2, 2);
    expect(slicedW2(x, y, new Rng(1))).toBeCloseTo(1, 1);
  });

  it('rejects malformed input', () => {
    expect(() => slicedW2(new Float32Array(3), a, new Rng(1))).toThrow(/odd length/);
    expect(() => slicedW2(new Float32Array(0), a, new Rng(1))).toThrow(/empty/);
    expect(() => slicedW2(a, a, new Rng(1), 0)).toThrow(/nProj/);
  });
});
