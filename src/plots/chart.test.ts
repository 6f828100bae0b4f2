import { describe, expect, it } from 'vitest';
import { chartDomains, wantsLogY } from './chart';
import { SERIES_COLORS, layoutLegend, seriesStyle, valueAt } from './chart-layout';
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
    expect(d.y[0]).toBeLessThan(5);
    expect(d.y[1]).toBeGreaterThan(5);
    expect(chartDomains([S([NaN])], false)).toBeNull();
    const l = chartDomains([S([2], true)], true)!;
    expect(l.y[1] / l.y[0]).toBeCloseTo(10);
    expect(Math.sqrt(l.y[0] * l.y[1])).toBeCloseTo(2);
  });
  it('does not magnify noise: a linear axis spans at least 10% of the magnitude, a log axis a decade', () => {
    // mean log-density wandering on -7.02..-7.08: at least 0.7 tall
    const d = chartDomains([S([-7.02, -7.08, -7.05])], false)!;
    expect(d.y[1] - d.y[0]).toBeGreaterThanOrEqual(0.7);
    expect(d.y[0]).toBeLessThan(-7.08);
    expect(d.y[1]).toBeGreaterThan(-7.02);
    // a DSM loss falling 1.035 -> 0.955: one decade around it, not two
    const l = chartDomains([S([1.035, 0.99, 0.955], true)], true)!;
    expect(l.y[1] / l.y[0]).toBeCloseTo(10);
    // an explicit minimum span wins over the default
    const g = chartDomains([{ ...S([0.001, -0.002]), minSpan: 0.5 }], false)!;
    expect(g.y[1] - g.y[0]).toBeGreaterThanOrEqual(0.5);
  });
  it('bounded quantities get their natural range exactly: acceptance 0.98-1 on 0-1, modes on 0-K', () => {
    const a = chartDomains([{ ...S([0.98, 0.995, 1]), range: [0, 1] }], false)!;
    expect(a.y).toEqual([0, 1]);
    const m = chartDomains([{ ...S([3, 4, 4]), range: [0, 40] }], false)!;
    expect(m.y).toEqual([0, 40]);
    // a free upper end above a fixed lower bound
    const f = chartDomains([{ ...S([0.2, 0.3]), range: [0, null] }], false)!;
    expect(f.y[0]).toBe(0);
    expect(f.y[1]).toBeGreaterThan(0.3);
  });
});

describe('series styles and the legend', () => {
  it('eight distinct colours; past eight the colours repeat with a dash and markers', () => {
    expect(new Set(SERIES_COLORS).size).toBeGreaterThanOrEqual(8);
    const styles = Array.from({ length: 12 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.map((s) => `${s.color}|${s.dash}`)).size).toBe(12);
    expect(styles.slice(0, 8).every((s) => s.dash === null && !s.markers)).toBe(true);
    expect(styles.slice(8).every((s) => s.dash !== null && s.markers)).toBe(true);
  });
  it('wraps within the panel width, every row inside it', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ color: '#000', dash: null, text: `series number ${i} 0.123` }));
    const { rows: placed, lines } = layoutLegend(rows, 300, 46);
    expect(lines).toBeGreaterThan(1);
    for (const r of placed) expect(r.x + 22 + r.text.length * 6.3).toBeLessThanOrEqual(46 + 300 + 1e-9);
    expect(layoutLegend([], 300).lines).toBe(0);
  });
  it('reads a sweep at the current setting, not at its last x', () => {
    const s = { key: 'd', label: 'DDNM', xs: [50, 100, 200, 500, 2000], ys: [500, 450, 408, 420, 438] };
    expect(valueAt(s, 200)).toBe(408);
    expect(valueAt(s, 210)).toBe(408);
    expect(valueAt(s)).toBe(438);
  });
});
