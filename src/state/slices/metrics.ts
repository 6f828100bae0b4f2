// Low-rate metric series for the charts. Each series keeps at most MAX_POINTS points: when full it
// drops every other point and doubles its stride, so the whole run stays visible at an even density
// (a ring buffer would forget the start, which is where samplers differ most).
import type { StateCreator } from 'zustand/vanilla';
import type { TraceRow } from '../../protocol/snapshot';
import type { AppState } from '../store';

export const MAX_POINTS = 2000;

export interface Series {
  xs: number[];
  ys: number[];
  /** keep one offered point in `stride` */
  stride: number;
  /** points offered since the last kept one */
  skipped: number;
}

export interface MetricsSlice {
  series: Record<string, Series>;
  appendMetrics(x: number, values: Record<string, number>): void;
  /** many points at once (a batch of trace rows and frames' metrics): one store update, one copy per series */
  appendRows(rows: readonly TraceRow[]): void;
  clearMetrics(): void;
}

export const emptySeries = (): Series => ({ xs: [], ys: [], stride: 1, skipped: 0 });

/** Pure: the series after offering one point (new arrays, so React selectors see the change). */
export function appendPoint(s: Series, x: number, y: number, max = MAX_POINTS): Series {
  // a non-finite value has no place on a chart; divergence is reported by the run status instead
  if (!Number.isFinite(x) || !Number.isFinite(y)) return s;
  if (s.skipped + 1 < s.stride) return { ...s, skipped: s.skipped + 1 };
  let xs = [...s.xs, x];
  let ys = [...s.ys, y];
  let stride = s.stride;
  if (xs.length > max) {
    // keep even indices; the newest point survives when the length is odd, else keep it explicitly
    const keep = (_: number, i: number) => i % 2 === 0 || i === xs.length - 1;
    xs = xs.filter(keep);
    ys = ys.filter(keep);
    stride *= 2;
  }
  return { xs, ys, stride, skipped: 0 };
}

/** Pure: append one frame's metrics to every named series. */
export function appendAll(series: Record<string, Series>, x: number, values: Record<string, number>, max = MAX_POINTS): Record<string, Series> {
  const out = { ...series };
  for (const [key, y] of Object.entries(values)) out[key] = appendPoint(out[key] ?? emptySeries(), x, y, max);
  return out;
}

/** Pure: the series after offering many points in order (the same result as offering them one by one). */
export function appendPoints(s: Series, xs: readonly number[], ys: readonly number[], max = MAX_POINTS): Series {
  let outX = s.xs.slice();
  let outY = s.ys.slice();
  let { stride, skipped } = s;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (skipped + 1 < stride) {
      skipped++;
      continue;
    }
    outX.push(x);
    outY.push(y);
    skipped = 0;
    if (outX.length > max) {
      const keep = (_: number, j: number) => j % 2 === 0 || j === outX.length - 1;
      outX = outX.filter(keep);
      outY = outY.filter(keep);
      stride *= 2;
    }
  }
  return { xs: outX, ys: outY, stride, skipped };
}

/** Pure: append rows (each an x and the values at it) to every named series. */
export function appendRowsTo(series: Record<string, Series>, rows: readonly TraceRow[], max = MAX_POINTS): Record<string, Series> {
  const byKey = new Map<string, { xs: number[]; ys: number[] }>();
  for (const r of rows) {
    for (const [k, y] of Object.entries(r.m)) {
      let b = byKey.get(k);
      if (!b) byKey.set(k, (b = { xs: [], ys: [] }));
      b.xs.push(r.x);
      b.ys.push(y);
    }
  }
  if (!byKey.size) return series;
  const out = { ...series };
  for (const [k, b] of byKey) out[k] = appendPoints(out[k] ?? emptySeries(), b.xs, b.ys, max);
  return out;
}

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  series: {},
  appendMetrics: (x, values) => set((s) => ({ series: appendAll(s.series, x, values) })),
  appendRows: (rows) => set((s) => ({ series: appendRowsTo(s.series, rows) })),
  clearMetrics: () => set({ series: {} }),
});
