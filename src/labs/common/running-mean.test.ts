import { describe, expect, it } from 'vitest';
import { RunningMean } from './running-mean';

describe('RunningMean', () => {
  it('is the plain value at first (bias-corrected) and the mean of a constant', () => {
    const r = new RunningMean(100);
    expect(Number.isNaN(r.value)).toBe(true);
    expect(r.add(2)).toBeCloseTo(2, 12);
    for (let i = 0; i < 50; i++) r.add(2);
    expect(r.value).toBeCloseTo(2, 12);
  });

  it('follows a falling noisy loss with far less spread than the values', () => {
    const r = new RunningMean(100);
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.4;
    const means: number[] = [];
    for (let i = 0; i < 2000; i++) means.push(r.add(1 - 0.2 * (i / 2000) + noise()));
    // the trend (1.0 -> 0.8) shows: the mean at the end is within 0.03 of the true 0.8 (+ lag of ~100 steps)
    expect(means[1999]).toBeGreaterThan(0.78);
    expect(means[1999]).toBeLessThan(0.83);
    // and it falls: the last quarter's running mean is below the second quarter's everywhere
    expect(Math.max(...means.slice(1500))).toBeLessThan(Math.min(...means.slice(500, 1000)));
  });

  it('skips non-finite values', () => {
    const r = new RunningMean(10);
    r.add(1);
    r.add(NaN);
    r.add(Infinity);
    expect(r.value).toBeCloseTo(1, 12);
  });
});
