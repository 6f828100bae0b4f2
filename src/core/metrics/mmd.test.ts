import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { medianDistance, mmd2 } from './mmd';
import { gaussPoints, shifted } from './test-points';

describe('mmd2', () => {
  const a = gaussPoints(600, new Rng(1));
  const b = gaussPoints(600, new Rng(2));

  it('is about 0 for two samples of one law and clearly positive for different laws', () => {
    const same = mmd2(a, b, new Rng(5));
    expect(Math.abs(same)).toBeLessThan(0.005);
    const moved = mmd2(a, shifted(b, 1, 0), new Rng(5));
    expect(moved).toBeGreaterThan(0.03);
    const wider = mmd2(a, gaussPoints(600, new Rng(3), [0, 0], 2, 2), new Rng(5));
    expect(wider).toBeGreaterThan(0.03);
    // a missing mode: half the mass of b moved far away
    const bimodal = b.map((v, i) => (i < b.length / 2 && i % 2 === 0 ? v + 8 : v));
    expect(mmd2(a, bimodal, new Rng(5))).toBeGreaterThan(moved);
  });

  it('biased form is exactly 0 on identical sets and >= 0; both forms are symmetric', () => {
    expect(mmd2(a, a, new Rng(1), { unbiased: false })).toBeCloseTo(0, 12);
    expect(mmd2(a, b, new Rng(1), { unbiased: false })).toBeGreaterThanOrEqual(0);
    expect(mmd2(a, b, new Rng(1), { scale: 1 })).toBeCloseTo(mmd2(b, a, new Rng(1), { scale: 1 }), 12);
  });

  it('is invariant to a common scaling when the bandwidth is the median distance', () => {
    const c = shifted(b, 0.5, 0);
    const s = (v: Float32Array) => v.map((t) => 10 * t);
    expect(mmd2(s(a), s(c), new Rng(9))).toBeCloseTo(mmd2(a, c, new Rng(9)), 4);
  });

  it('subsamples large sets (bounded cost) and stays seeded', () => {
    const big = gaussPoints(3000, new Rng(7));
    const t0 = performance.now();
    const v1 = mmd2(big, a, new Rng(4), { maxPoints: 500 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(mmd2(big, a, new Rng(4), { maxPoints: 500 })).toBe(v1);
    expect(Math.abs(v1)).toBeLessThan(0.01);
  });

  it('median distance of a standard 2D normal is near its theoretical value', () => {
    // |x - y| for x, y ~ N(0, I2) is Rayleigh with scale sqrt(2): median sqrt(2) sqrt(2 ln 2) = 2 sqrt(ln 2)
    expect(Math.abs(medianDistance(gaussPoints(400, new Rng(3)), new Rng(1)) - 2 * Math.sqrt(Math.LN2))).toBeLessThan(0.1);
  });

  it('the default bandwidths (one exp and squarings) give what five explicit exps give', () => {
    const rng = new Rng(4);
    const a = Float32Array.from({ length: 600 }, () => rng.normal() * 3);
    const b = Float32Array.from({ length: 600 }, () => rng.normal() * 2 + 1);
    for (const unbiased of [true, false]) {
      const fast = mmd2(a, b, new Rng(9), { unbiased });
      // the same multipliers as a new array: the general path, one exp per bandwidth
      const slow = mmd2(a, b, new Rng(9), { unbiased, multipliers: [0.25, 0.5, 1, 2, 4] });
      expect(Math.abs(fast - slow)).toBeLessThan(1e-12 * Math.max(1, Math.abs(slow)));
    }
  });

  it('rejects bad options', () => {
    expect(() => mmd2(a, b, new Rng(1), { scale: -1 })).toThrow(/scale/);
    expect(() => mmd2(a, b, new Rng(1), { multipliers: [] })).toThrow(/multipliers/);
    expect(() => mmd2(Float32Array.of(0, 0), b)).toThrow(/at least 2/);
  });
});
