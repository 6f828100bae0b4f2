// The pure parts of a chart: series styles (colour, then dash and markers past the palette), the axis
// ranges (natural ranges for bounded quantities, a minimum span for the rest, so noise is not magnified
// into a trend) and the legend's rows, wrapped to the panel's width below the plot.

export interface ChartSeries {
  key: string;
  label: string;
  log?: boolean;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** an A/B comparison's side: B is drawn dashed, and the legend pairs each B series with its A twin */
  side?: 'A' | 'B';
  /** index into the series styles (default: the series' position), so B's line matches its A twin */
  colorIndex?: number;
  /** the axis always spans these bounds (a rate: [0, 1]; modes: [0, K]); null leaves that end to the data */
  range?: readonly [number | null, number | null];
  /** the y axis spans at least this much (linear axes; default 10% of the values' magnitude) */
  minSpan?: number;
}

/** Okabe-Ito (the first six) and two of Tol's muted set: distinguishable with the common colour-vision deficiencies */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#882255', '#999933'] as const;

/** series past the palette repeat its colours with a dash and markers, so no two series look alike */
const EXTRA_DASHES = ['2 2', '8 3 2 3'] as const;

export interface SeriesStyle {
  color: string;
  dash: string | null;
  markers: boolean;
}

export function seriesStyle(index: number): SeriesStyle {
  const n = SERIES_COLORS.length;
  const round = Math.floor(index / n);
  return { color: SERIES_COLORS[index % n], dash: round === 0 ? null : EXTRA_DASHES[(round - 1) % EXTRA_DASHES.length], markers: round > 0 };
}

export const usable = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);

/** true when a series has at least one value that can be drawn */
export function hasData(s: ChartSeries, log = false): boolean {
  for (let i = 0; i < Math.min(s.xs.length, s.ys.length); i++) if (usable(s.ys[i], log)) return true;
  return false;
}

/** The chart uses a log y axis only when every series with data asks for it. */
export function wantsLogY(series: readonly ChartSeries[]): boolean {
  const withData = series.filter((s) => s.ys.length > 0);
  return withData.length > 0 && withData.every((s) => s.log);
}

/** default minimum span of a linear axis, relative to the largest magnitude shown */
const MIN_REL_SPAN = 0.1;
/** a log axis spans at least this factor (one decade) */
const MIN_LOG_FACTOR = 10;

/**
 * Domains from the data, widened to the series' natural ranges and to a minimum span: a mean log-density
 * wandering on −7.02…−7.08 is drawn on about −6.7…−7.4, an acceptance of 0.98–1.0 on 0–1. A single point
 * gets a span around it. Null without data.
 */
export function chartDomains(series: readonly ChartSeries[], log: boolean): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let lo: number | null = null;
  let hi: number | null = null;
  let minSpan: number | null = null;
  for (const s of series) {
    const n = Math.min(s.xs.length, s.ys.length);
    let any = false;
    for (let i = 0; i < n; i++) {
      const y = s.ys[i];
      if (!usable(y, log)) continue;
      any = true;
      const x = s.xs[i];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (!any) continue;
    if (s.range?.[0] != null && (!log || s.range[0] > 0)) lo = lo === null ? s.range[0] : Math.min(lo, s.range[0]);
    if (s.range?.[1] != null) hi = hi === null ? s.range[1] : Math.max(hi, s.range[1]);
    if (s.minSpan !== undefined) minSpan = Math.max(minSpan ?? 0, s.minSpan);
  }
  if (!(x0 <= x1) || !(y0 <= y1)) return null;
  if (x0 === x1) {
    x0 -= 0.5;
    x1 += 0.5;
  }
  if (lo !== null) y0 = Math.min(y0, lo);
  if (hi !== null) y1 = Math.max(y1, hi);
  if (log) {
    if (y1 / y0 < MIN_LOG_FACTOR) {
      const mid = Math.sqrt(y0 * y1);
      const half = Math.sqrt(MIN_LOG_FACTOR);
      // a fixed bound stays where it is; the other end takes the rest of the decade
      if (lo !== null) y1 = Math.max(y1, y0 * MIN_LOG_FACTOR);
      else if (hi !== null) y0 = Math.min(y0, y1 / MIN_LOG_FACTOR);
      else [y0, y1] = [mid / half, mid * half];
    }
    return { x: [x0, x1], y: [y0, y1] };
  }
  const need = minSpan ?? (MIN_REL_SPAN * Math.max(Math.abs(y0), Math.abs(y1)) || 1);
  if (y1 - y0 < need) {
    if (lo !== null && hi === null) y1 = y0 + need;
    else if (hi !== null && lo === null) y0 = y1 - need;
    else if (lo === null && hi === null) {
      const mid = (y0 + y1) / 2;
      [y0, y1] = [mid - need / 2, mid + need / 2];
    }
  }
  // fixed bounds are drawn exactly; a free end gets a little air
  const pad = (y1 - y0) * 0.05;
  return { x: [x0, x1], y: [lo !== null ? y0 : y0 - pad, hi !== null ? y1 : y1 + pad] };
}

export interface LegendRow {
  color: string;
  dash: string | null;
  text: string;
}

export interface PlacedRow extends LegendRow {
  x: number;
  line: number;
}

/** approximate width of 11 px system-ui text: enough to wrap a legend without measuring the DOM */
const CHAR_PX = 6.3;
const SWATCH_PX = 22;
const GAP_PX = 14;

/**
 * Rows laid out left to right, wrapped at `width`; returns them with their line count. `textWidth`
 * measures a row's text (the page's font); without it, a per-character estimate.
 */
export function layoutLegend(rows: readonly LegendRow[], width: number, left = 0, textWidth?: (text: string) => number): { rows: PlacedRow[]; lines: number } {
  const out: PlacedRow[] = [];
  let x = left;
  let line = 0;
  for (const r of rows) {
    const w = SWATCH_PX + (textWidth ? textWidth(r.text) : r.text.length * CHAR_PX);
    if (x > left && x + w > left + width) {
      line++;
      x = left;
    }
    out.push({ ...r, x, line });
    x += w + GAP_PX;
  }
  return { rows: out, lines: rows.length ? line + 1 : 0 };
}

/** the value of a series at the x nearest `at` (a sweep's current setting), or its latest finite value */
export function valueAt(s: ChartSeries, at?: number): number | null {
  if (at !== undefined && Number.isFinite(at)) {
    let best = -1;
    let dist = Infinity;
    for (let i = 0; i < Math.min(s.xs.length, s.ys.length); i++) {
      if (!Number.isFinite(s.ys[i])) continue;
      const d = Math.abs(s.xs[i] - at);
      if (d < dist) {
        dist = d;
        best = i;
      }
    }
    return best < 0 ? null : s.ys[best];
  }
  for (let i = s.ys.length - 1; i >= 0; i--) if (Number.isFinite(s.ys[i])) return s.ys[i];
  return null;
}
