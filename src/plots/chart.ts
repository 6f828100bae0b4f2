// Line chart of metric series over iterations (SVG). Several series share the axes; NaN and, on a
// log axis, non-positive values are gaps; series longer than MAX_CHART_POINTS are decimated with a
// min/max envelope so spikes survive. The legend shows each series' latest value.
import { format, line, scaleLinear, scaleLog, select } from 'd3';
import { clearAxes, createGroup, createPlotSvg, drawAxes } from './axes';
import { decimateMinMax } from './decimate';
import type { Margin } from './scale';

export interface ChartSeries {
  key: string;
  label: string;
  log?: boolean;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** an A/B comparison's side: B is drawn dashed, and the legend pairs each B series with its A twin */
  side?: 'A' | 'B';
  /** index into SERIES_COLORS (default: the series' position), so B's line matches its A twin */
  colorIndex?: number;
}

export const CHART_MARGIN: Margin = { top: 10, right: 12, bottom: 22, left: 46 };
/** Okabe-Ito: distinguishable with the common colour-vision deficiencies */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

const DASH = '6 4';
const usable = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);

/** The chart uses a log y axis only when every series with data asks for it. */
export function wantsLogY(series: readonly ChartSeries[]): boolean {
  const withData = series.filter((s) => s.ys.length > 0);
  return withData.length > 0 && withData.every((s) => s.log);
}

/** Auto-ranged domains. Degenerate ranges (one point, a constant) are widened so scales stay finite. */
export function chartDomains(series: readonly ChartSeries[], log: boolean): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    const n = Math.min(s.xs.length, s.ys.length);
    for (let i = 0; i < n; i++) {
      const y = s.ys[i];
      if (!usable(y, log)) continue;
      const x = s.xs[i];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (!(x0 <= x1) || !(y0 <= y1)) return null;
  if (x0 === x1) x1 = x0 + 1;
  if (log) {
    if (y0 === y1) return { x: [x0, x1], y: [y0 / 2, y1 * 2] };
    return { x: [x0, x1], y: [y0, y1] };
  }
  if (y0 === y1) {
    const d = Math.abs(y0) * 0.1 || 1;
    return { x: [x0, x1], y: [y0 - d, y1 + d] };
  }
  const pad = (y1 - y0) * 0.05;
  return { x: [x0, x1], y: [y0 - pad, y1 + pad] };
}

function positiveX(s: ChartSeries): ChartSeries {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(s.xs.length, s.ys.length); i++) {
    if (s.xs[i] > 0) {
      xs.push(s.xs[i]);
      ys.push(s.ys[i]);
    }
  }
  return { ...s, xs, ys };
}

export interface LegendRow {
  color: string;
  dashed: boolean;
  text: string;
}

/**
 * One row per series with its latest value. In an A/B comparison, one row per metric with both
 * values ("sliced W₂ A 0.12 · B 0.3") and a last row saying B is dashed: half the rows, so a chart
 * of six weights stays readable.
 */
export function legendRows(series: readonly (ChartSeries & { color: string })[], latest: (s: ChartSeries) => string): LegendRow[] {
  if (!series.some((s) => s.side === 'B')) return series.map((s) => ({ color: s.color, dashed: false, text: `${s.label} ${latest(s)}`.trimEnd() }));
  const rows = series.filter((s) => s.side !== 'B').map((a) => {
    const b = series.find((s) => s.side === 'B' && s.colorIndex === a.colorIndex && s.key === a.key);
    return { color: a.color, dashed: false, text: `${a.label}  A ${latest(a)} · B ${b ? latest(b) : '–'}` };
  });
  return [...rows, { color: 'currentColor', dashed: true, text: 'B dashed, A solid' }];
}

/** a curve with more points than this is drawn as a line only */
const MARKER_MAX = 40;

export class ChartView {
  private svg: SVGSVGElement;
  private gLines: SVGGElement;
  private gLegend: SVGGElement;
  private gx: SVGGElement;
  private gy: SVGGElement;
  private last: readonly ChartSeries[] = [];
  private observer: ResizeObserver;

  constructor(
    private container: HTMLElement,
    ariaLabel = 'metric chart',
    /** logX: a log x axis (sweeps over T); markers: dots at every point of a few-point sweep (not on a
     *  long curve such as a ROC, where they hide the line); legend: its corner; legendValues: false drops
     *  the latest value from the legend (it means nothing for a curve like a ROC, whose last point is (1, 1)) */
    private opts: { logX?: boolean; markers?: boolean; legend?: 'top-right' | 'bottom-right'; legendValues?: boolean } = {},
  ) {
    container.classList.add('plot-chart');
    this.svg = createPlotSvg(ariaLabel);
    this.gx = createGroup(this.svg, 'axis axis-x');
    this.gy = createGroup(this.svg, 'axis axis-y');
    this.gLines = createGroup(this.svg, 'lines');
    this.gLegend = createGroup(this.svg, 'legend');
    container.appendChild(this.svg);
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(container);
  }

  setAriaLabel(label: string): void {
    this.svg.setAttribute('aria-label', label);
  }

  /** Series come from the store at a low rate, so this draws at once (no frame coalescing). */
  render(series: readonly ChartSeries[]): void {
    this.last = series;
    this.draw();
  }

  private draw(): void {
    const w = this.container.clientWidth;
    const h = this.container.clientHeight || 180;
    if (w <= 0) return;
    select(this.svg).attr('width', w).attr('height', h);
    const m = CHART_MARGIN;
    const r = { left: m.left, top: m.top, width: Math.max(w - m.left - m.right, 1), height: Math.max(h - m.top - m.bottom, 1) };
    const log = wantsLogY(this.last);
    const logX = Boolean(this.opts.logX);
    // on a log x axis, points at x <= 0 cannot be placed: drop them before ranging
    const series = logX ? this.last.map((s) => positiveX(s)) : this.last;
    const dom = chartDomains(series, log);
    if (!dom) {
      select(this.gLines).selectAll('*').remove();
      select(this.gLegend).selectAll('*').remove();
      clearAxes(this.gx, this.gy);
      return;
    }
    const x = (logX ? scaleLog() : scaleLinear()).domain(dom.x).range([r.left, r.left + r.width]);
    const y = (log ? scaleLog() : scaleLinear()).domain(dom.y).range([r.top + r.height, r.top]).nice();
    drawAxes(this.gx, this.gy, x, y, r, { yLog: log, yFormat: log ? '.0e' : '.3~g', xLog: logX });

    const data = series.map((s, i) => {
      const d = decimateMinMax(s.xs, s.ys);
      return { s, color: SERIES_COLORS[(s.colorIndex ?? i) % SERIES_COLORS.length], pts: d.xs.map((xv, k) => [xv, d.ys[k]] as [number, number]) };
    });
    const path = line<[number, number]>()
      .defined((p) => usable(p[1], log))
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    select(this.gLines)
      .selectAll('path')
      .data(data)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', (d) => (d.s.side === 'B' ? DASH : null))
      .attr('stroke-linejoin', 'round')
      .attr('d', (d) => path(d.pts) ?? '');
    const dots = this.opts.markers ? data.flatMap((d) => (d.pts.length > MARKER_MAX ? [] : d.pts.filter((p) => usable(p[1], log)).map((p) => ({ p, color: d.color })))) : [];
    select(this.gLines)
      .selectAll('circle')
      .data(dots)
      .join('circle')
      .attr('r', 2.5)
      .attr('fill', (d) => d.color)
      .attr('cx', (d) => x(d.p[0]))
      .attr('cy', (d) => y(d.p[1]));

    // legend: swatch, label and latest finite value, top-right inside the plot
    const fmt = format('.3~g');
    const latest = (s: ChartSeries) => {
      for (let i = s.ys.length - 1; i >= 0; i--) if (Number.isFinite(s.ys[i])) return fmt(s.ys[i]);
      return '–';
    };
    const legend = legendRows(data.map((d) => ({ ...d.s, color: d.color })), this.opts.legendValues === false ? () => '' : latest);
    const top = this.opts.legend === 'bottom-right' ? r.top + r.height - 6 - 15 * legend.length : r.top + 4;
    const rows = select(this.gLegend)
      .attr('transform', `translate(${r.left + r.width - 18},${top})`)
      .attr('font-size', 11)
      .attr('text-anchor', 'end')
      .selectAll<SVGGElement, LegendRow>('g.row')
      .data(legend)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'row');
        g.append('line').attr('x1', 2).attr('x2', 16).attr('y1', 6.5).attr('y2', 6.5).attr('stroke-width', 3);
        g.append('text').attr('y', 10).attr('fill', 'currentColor').attr('paint-order', 'stroke').attr('stroke', '#ffffff').attr('stroke-width', 3);
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${i * 15})`);
    rows.select('line').attr('stroke', (d) => d.color).attr('stroke-dasharray', (d) => (d.dashed ? '4 2' : null));
    rows.select('text').text((d) => d.text);
  }

  dispose(): void {
    this.observer.disconnect();
    this.svg.remove();
    this.container.classList.remove('plot-chart');
  }
}
