import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

function moments(draw: () => number, n: number) {
  let s = 0, s2 = 0, s3 = 0, s4 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v; s2 += v * v; s3 += v ** 3; s4 += v ** 4;
  }
  const m = s / n;
  return { mean: m, variance: s2 / n - m * m, m3: s3 / n, m4: s4 / n };
}

describe('Rng', () => {
  it('uniform is in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(1);
    let lo = 1, hi = 0;
    const m = moments(() => { const u = r.uniform(); lo = Math.min(lo, u); hi = Math.max(hi, u); return u; }, 200000);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    // standard errors: 0.29/√n ≈ 6.5e-4 for the mean, ~2e-4 for the variance
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(3e-3);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(1e-3);
  });

  it('normal has moments 0, 1, 0, 3', () => {
    const r = new Rng(2);
    const m = moments(() => r.normal(), 200000);
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.015);
    expect(Math.abs(m.m3)).toBeLessThan(0.03);
    expect(Math.abs(m.m4 - 3)).toBeLessThan(0.08);
  });

  it('int(n) covers 0..n-1 evenly', () => {
    const r = new Rng(3);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[r.int(7)]++;
    counts.forEach((c) => expect(Math.abs(c - 10000)).toBeLessThan(400)); // ~4 standard errors
  });

  it('replays exactly per seed, differs across seeds, and seeds are 31-bit integers', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const xa = Array.from({ length: 50 }, () => a.normal());
    const xb = Array.from({ length: 50 }, () => b.normal());
    const xc = Array.from({ length: 50 }, () => c.normal());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const s = r.seed();
      expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    }
  });

  it('split streams are reproducible and uncorrelated with the parent and each other', () => {
    const p = new Rng(5);
    const c1 = p.split(), c2 = p.split();
    const again = new Rng(5);
    expect(again.split().uniform()).toBe(c1.uniform());
    const n = 50000;
    const corr = (f: () => number, g: () => number) => {
      let sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const x = f(), y = g();
        sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
      }
      return (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    };
    // |ρ| of independent streams is ~1/√n = 0.0045
    expect(Math.abs(corr(() => c1.normal(), () => c2.normal()))).toBeLessThan(0.02);
    expect(Math.abs(corr(() => p.normal(), () => c1.normal()))).toBeLessThan(0.02);
  });
});
