import { describe, expect, it } from 'vitest';
import { etcBetas, makeVpTable, reverseVariance } from './schedule';

describe('ETC schedule (repo get_beta_schedule genli)', () => {
  it('starts at β_start, grows geometrically by (1 + k), then stays at k', () => {
    const T = 1000;
    const k = (3 * Math.log(T)) / T;
    const b = etcBetas(T);
    expect(b[0]).toBe(1e-4);
    expect(b[1]).toBeCloseTo(k * 1e-4 * (1 + k) ** 2, 15);
    expect(b[10] / b[9]).toBeCloseTo(1 + k, 12);
    // 1e-4 (1+k)^t reaches 1 at t = log(1e4)/log(1+k) ≈ 449 (METHODS.md §2.1)
    const tConst = Math.ceil(Math.log(1e4) / Math.log(1 + k));
    expect(tConst).toBeGreaterThan(440);
    expect(tConst).toBeLessThan(460);
    expect(b[tConst - 1]).toBeCloseTo(k, 12);
    expect(b[T - 1]).toBeCloseTo(k, 12);
    expect(b[tConst - 3]).toBeLessThan(k);
  });

  it('gives ᾱ_T near 0 for T = 1000 and a valid table for small T', () => {
    expect(makeVpTable('etc', 1000).abar[999]).toBeLessThan(1e-4);
    const t20 = makeVpTable('etc', 20);
    expect(t20.beta.every((v) => v > 0 && v < 1)).toBe(true);
    expect(makeVpTable('linear', 50).abar[49]).toBeLessThan(1e-3);
  });

  it('fixed-small is the DDPM posterior variance, fixed-large is β_t', () => {
    const tab = makeVpTable('etc', 100);
    const t = 40;
    const ab = tab.abar[t - 1];
    const abPrev = tab.abar[t - 2];
    expect(reverseVariance(tab, t, 'large')).toBe(tab.beta[t - 1]);
    expect(reverseVariance(tab, t, 'small')).toBeCloseTo((tab.beta[t - 1] * (1 - abPrev)) / (1 - ab), 15);
  });

  it('rejects bad T with a readable message', () => {
    expect(() => etcBetas(1)).toThrow(/T must be an integer >= 2/);
    expect(() => etcBetas(2.5)).toThrow(/integer/);
  });
});
