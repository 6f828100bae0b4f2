import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { energyTvd } from './energy-tvd';

describe('energyTvd', () => {
  const rng = new Rng(1);
  const e = Float64Array.from({ length: 1000 }, () => rng.normal());

  it('is 0 for identical samples and 1 for disjoint ones', () => {
    expect(energyTvd(e, e)).toBe(0);
    expect(energyTvd(e, e.slice().reverse())).toBe(0);
    expect(energyTvd(e, e.map((v) => v + 100))).toBeCloseTo(1, 12);
    expect(energyTvd([1, 1, 1], [1, 1])).toBe(0); // zero-width range
  });

  it('measures partial overlap', () => {
    const a = Array.from({ length: 100 }, (_, i) => i / 100);
    const b = a.map((v) => v + 0.5);
    expect(energyTvd(a, b)).toBeCloseTo(0.5, 1);
    const r2 = new Rng(2);
    const f = Float64Array.from({ length: 20000 }, () => r2.normal());
    const g = Float64Array.from({ length: 20000 }, () => r2.normal());
    // same law: only histogram noise, well under 0.1 at 100 points per bin on average
    expect(energyTvd(f, g)).toBeLessThan(0.1);
  });

  it('counts non-finite energies as mass in an overflow bin and clamps to a given range', () => {
    expect(energyTvd([1, 2, Infinity], [1, 2, 3])).toBeCloseTo(1 / 3, 12);
    expect(energyTvd([NaN], [Infinity])).toBe(0);
    // outside the range: edge bins
    expect(energyTvd([-5, 0.5], [-1, 0.5], { range: [0, 1], bins: 10 })).toBe(0);
    expect(energyTvd([0.05], [0.95], { range: [0, 1], bins: 10 })).toBe(1);
    expect(() => energyTvd([], [1])).toThrow(/empty/);
    expect(() => energyTvd([1], [1], { bins: 0 })).toThrow(/bins/);
  });
});
