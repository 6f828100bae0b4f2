import { describe, expect, it } from 'vitest';
import { abarAt, levelAt, makeSchedule } from './schedules';

describe('schedules', () => {
  it.each(['linear', 'cosine'] as const)('%s: abar is strictly decreasing in (0, 1] and consistent with beta', (kind) => {
    for (const T of [5, 100, 1000]) {
      const s = makeSchedule(kind, T);
      expect(s.beta).toHaveLength(T);
      let prev = 1;
      let prod = 1;
      for (let i = 0; i < T; i++) {
        expect(s.abar[i]).toBeGreaterThan(0);
        expect(s.abar[i]).toBeLessThan(prev);
        prev = s.abar[i];
        prod *= 1 - s.beta[i];
        expect(s.abar[i]).toBeCloseTo(prod, 5);
        expect(s.alpha[i]).toBeCloseTo(1 - s.beta[i], 7);
      }
    }
  });

  it('linear: the endpoint is the continuous VP-SDE value exp(−10.05) for every T', () => {
    for (const T of [5, 50, 1000]) {
      const s = makeSchedule('linear', T);
      expect(s.abar[T - 1] / Math.exp(-10.05)).toBeCloseTo(1, 3);
    }
  });

  it('cosine: betas are clipped at 0.999 and the last step reaches it', () => {
    const s = makeSchedule('cosine', 1000);
    expect(Math.max(...s.beta)).toBeLessThanOrEqual(0.999 + 1e-7);
    expect(s.beta[999]).toBeCloseTo(0.999, 6);
    expect(s.beta[0]).toBeLessThan(1e-3);
  });

  it('levels: t = 0 is clean, VP levels have a² + s2 = 1, bad T throws', () => {
    const s = makeSchedule('linear', 100);
    expect(levelAt(s, 0)).toEqual({ a: 1, s2: 0 });
    expect(abarAt(s, 0)).toBe(1);
    for (const t of [1, 37, 100]) {
      const l = levelAt(s, t);
      expect(l.a * l.a + l.s2).toBeCloseTo(1, 6);
      expect(l.a).toBeCloseTo(Math.sqrt(s.abar[t - 1]), 7);
    }
    expect(() => makeSchedule('linear', 0)).toThrow(/positive integer/);
    expect(() => makeSchedule('cosine', 2.5)).toThrow(/positive integer/);
  });
});
