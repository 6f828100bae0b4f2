// Low-rate metric series for the charts. Each series keeps at most MAX_POINTS points: when full it
// drops every other point and doubles its stride, so the whole run stays visible at an even density
// (a ring buffer would forget the start, which is where samplers differ most).
import type { StateCreator } from 'zustand/vanilla';
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

export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set) => ({
  series: {},
  appendMetrics: (x, values) => set((s) => ({ series: appendAll(s.series, x, values) })),
  clearMetrics: () => set({ series: {} }),
});
