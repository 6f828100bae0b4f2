import { describe, expect, it } from 'vitest';
import type { Mixture } from '../types';
import { modesCovered } from './modes';

/** k copies of each (x, y) */
function pts(spec: [number, number, number][]): Float32Array {
  const out: number[] = [];
  for (const [x, y, k] of spec) for (let i = 0; i < k; i++) out.push(x, y);
  return Float32Array.from(out);
}

const MIX: Mixture = [
  { w: 1, mean: [-4, 0], cov: [1, 0, 1] },
  { w: 1, mean: [4, 0], cov: [1, 0, 1] },
  { w: 2, mean: [0, 4], cov: [0.5, 0.2, 0.5] },
];

describe('modesCovered', () => {
  it('counts modes that hold at least a quarter of their expected share', () => {
    expect(modesCovered(pts([[-4, 0, 100]]), MIX)).toEqual({ covered: 1, total: 3, shares: [1, 0, 0] });
    const all = modesCovered(pts([[-4.2, 0.3, 30], [3.5, -0.5, 30], [0.1, 4.2, 40]]), MIX);
    expect(all.covered).toBe(3);
    expect(all.shares[2]).toBeCloseTo(0.4, 12);
    // component 2 expects 1/2 of the points: 12% < 1/8 misses, 13% covers
    expect(modesCovered(pts([[-4, 0, 44], [4, 0, 44], [0, 4, 12]]), MIX).covered).toBe(2);
    expect(modesCovered(pts([[-4, 0, 44], [4, 0, 43], [0, 4, 13]]), MIX).covered).toBe(3);
    expect(modesCovered(pts([[-4, 0, 1]]), MIX, 0.5).covered).toBe(1);
  });

  it('assigns by responsibility, not by nearest mean', () => {
    const mix: Mixture = [
      { w: 1, mean: [0, 0], cov: [9, 0, 9] },
      { w: 1, mean: [2, 0], cov: [0.01, 0, 0.01] },
    ];
    // (1.5, 0) is nearer the narrow mean, but 25 of its standard deviations away from it
    expect(modesCovered(pts([[1.5, 0, 10]]), mix).shares).toEqual([1, 0]);
    expect(modesCovered(pts([[1.95, 0, 10]]), mix).shares).toEqual([0, 1]);
  });

  it('handles singular (line) components, empty sets and diverged points', () => {
    const line: Mixture = [
      { w: 1, mean: [0, 0], cov: [1, 1, 1] }, // the diagonal y = x
      { w: 1, mean: [0, 0], cov: [1, 0, 1] },
    ];
    expect(modesCovered(pts([[1, 1, 5]]), line).shares).toEqual([1, 0]);
    expect(modesCovered(pts([[1, -1, 5]]), line).shares).toEqual([0, 1]);
    expect(modesCovered(new Float32Array(0), MIX)).toEqual({ covered: 0, total: 3, shares: [0, 0, 0] });
    const nan = modesCovered(pts([[-4, 0, 1], [NaN, 0, 9]]), MIX);
    expect(nan.shares[0]).toBeCloseTo(0.1, 12);
    expect(() => modesCovered(pts([[0, 0, 1]]), [{ w: 0, mean: [0, 0], cov: [1, 0, 1] }])).toThrow(/weight/);
  });
});
