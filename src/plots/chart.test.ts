import { describe, expect, it } from 'vitest';
import { chartDomains, wantsLogY } from './chart';
import { decimateMinMax } from './decimate';

describe('decimateMinMax', () => {
  it('leaves short series alone', () => {
    expect(decimateMinMax([1, 2], [3, 4])).toEqual({ xs: [1, 2], ys: [3, 4] });
  });
  it('keeps at most maxPoints, the extremes, order and the last point', () => {
    const n = 10_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((i) => Math.sin(i / 50) + (i === 4321 ? 100 : 0) + (i === 777 ? -100 : 0));
    const d = decimateMinMax(xs, ys, 500);
    expect(d.xs.length).toBeLessThanOrEqual(500);
    expect(d.ys).toContain(ys[4321]);
    expect(d.ys).toContain(ys[777]);
    expect(d.xs[d.xs.length - 1]).toBe(n - 1);
    expect(d.xs.every((x, i) => i === 0 || x > d.xs[i - 1])).toBe(true);
  });
  it('keeps NaN gaps', () => {
    const n = 3000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((i) => (i >= 1000 && i < 1100 ? NaN : i));
    const d = decimateMinMax(xs, ys, 500);
    expect(d.xs.length).toBeLessThanOrEqual(500);
    expect(d.ys.some(Number.isNaN)).toBe(true);
  });
});

describe('chart domains', () => {
  const S = (ys: number[], log = false) => ({ key: 'k', label: 'k', log, xs: ys.map((_, i) => i * 10), ys });
  it('log axis only when every series with data asks for it', () => {
    expect(wantsLogY([S([1], true), S([], false)])).toBe(true);
    expect(wantsLogY([S([1], true), S([1], false)])).toBe(false);
    expect(wantsLogY([])).toBe(false);
  });
  it('covers all series, skipping NaN (and non-positive values on a log axis)', () => {
    const d = chartDomains([S([1, NaN, 3]), S([-1, 2])], false)!;
    expect(d.x).toEqual([0, 20]);
    expect(d.y[0]).toBeLessThan(-1);
    expect(d.y[1]).toBeGreaterThan(3);
    const l = chartDomains([S([0, 1e-3, 10], true)], true)!;
    expect(l.y).toEqual([1e-3, 10]);
    expect(l.x).toEqual([10, 20]);
  });
  it('widens degenerate ranges and returns null without data', () => {
    const d = chartDomains([S([5])], false)!;
    expect(d.x[1]).toBeGreaterThan(d.x[0]);
    expect(d.y[1]).toBeGreaterThan(d.y[0]);
    expect(chartDomains([S([NaN])], false)).toBeNull();
    expect(chartDomains([S([2], true)], true)!.y).toEqual([1, 4]);
  });
});
