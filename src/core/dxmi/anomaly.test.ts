import { describe, expect, it } from 'vitest';
import { auroc, rocCurve } from './anomaly';
import { Rng } from '../rng';

describe('AUROC and ROC', () => {
  it('hand-made cases: separation, reversal, ties, a 2×2 count', () => {
    expect(auroc([3, 4, 5], [0, 1, 2])).toBe(1);
    expect(auroc([0, 1], [3, 4])).toBe(0);
    expect(auroc([1, 1], [1, 1])).toBe(0.5);
    // pairs (a > n): 0.2>0.1, 0.8>0.5, 0.8>0.1; 0.2<0.5 → 3/4
    expect(auroc([0.2, 0.8], [0.5, 0.1])).toBe(0.75);
    expect(() => auroc([], [1])).toThrow(/at least one/);
    expect(() => auroc([NaN], [1])).toThrow(/NaN/);
  });

  it('two unit Gaussians a distance δ apart give Φ(δ/√2)', () => {
    const rng = new Rng(4);
    const n = 4000;
    const a = Float64Array.from({ length: n }, () => 1 + rng.normal());
    const b = Float64Array.from({ length: n }, () => rng.normal());
    // Φ(1/√2) = 0.76025
    expect(Math.abs(auroc(a, b) - 0.76025)).toBeLessThan(0.015);
  });

  it('the ROC curve runs from (0,0) to (1,1) and its area is the AUROC', () => {
    const rng = new Rng(2);
    const a = Float64Array.from({ length: 50 }, () => 0.5 + rng.normal());
    const b = Float64Array.from({ length: 40 }, () => rng.normal());
    const { fpr, tpr } = rocCurve(a, b, 1000);
    expect([fpr[0], tpr[0], fpr[fpr.length - 1], tpr[tpr.length - 1]]).toEqual([0, 0, 1, 1]);
    let area = 0;
    for (let k = 1; k < fpr.length; k++) area += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
    expect(area).toBeCloseTo(auroc(a, b), 5);
  });
});
