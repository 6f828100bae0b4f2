// The kernels' exp for non-positive arguments against Math.exp: what the fused mixture score relies on.
import { describe, expect, it } from 'vitest';
import { expNonPositive } from './gmm-kernel-js';

describe('expNonPositive', () => {
  it('matches Math.exp to 2e-8 relative over [-44, 0] (the range the kernels use)', () => {
    let worst = 0;
    for (let i = 0; i <= 200000; i++) {
      const x = (-44 * i) / 200000;
      worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(2e-8);
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
  });
  it('is 0 below -44 and at -Infinity (the first component of the online log-sum-exp); NaN stays NaN', () => {
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(-44.5)).toBe(0);
    expect(expNonPositive(-44) / Math.exp(-44)).toBeCloseTo(1, 7);
    expect(expNonPositive(-1e9)).toBe(0);
    expect(expNonPositive(NaN)).toBeNaN();
  });
});
