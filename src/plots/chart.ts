// Line chart of metric series over iterations (SVG). Several series share the axes; NaN and, on a
// log axis, non-positive values are gaps; series longer than MAX_CHART_POINTS are decimated with a
// min/max envelope so spikes survive. The legend sits below the plot, wrapped to the panel, and lists the
// series that have data, each with its latest value (or, for a sweep, its value at the current setting).
import { format, line, scaleLinear, scaleLog, select } from 'd3';
import { clearAxes, createGroup, drawAxes } from './axes';
import { decimateMinMax } from './decimate';
import type { Margin } from './scale';
import { plotRect, SvgChart } from './svg-chart';
import { chartDomains, hasData, layoutLegend, seriesStyle, usable, valueAt, wantsLogY, type ChartSeries, type LegendRow } from './chart-layout';

export { SERIES_COLORS, chartDomains, wantsLogY, type ChartSeries, type LegendRow } from './chart-layout';

export const CHART_MARGIN: Margin = { top: 10, right: 12, bottom: 22, left: 46 };

const DASH = '6 4';
const LEGEND_LINE_PX = 15;

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

/**
 * One row per series with its latest value. In an A/B comparison, one row per metric with both
 * values ("sliced W₂ A 0.12 · B 0.3") and a last row saying B is dashed: half the rows, so a chart
 * of six weights stays readable.
 */
export function legendRows(series: readonly (ChartSeries & { color: string; dash?: string | null })[], latest: (s: ChartSeries) => string): LegendRow[] {
  if (!series.some((s) => s.side === 'B')) return series.map((s) => ({ color: s.color, dash: s.dash ?? null, text: `${s.label} ${latest(s)}`.trimEnd() }));
  const rows = series.filter((s) => s.side !== 'B').map((a) => {
    const b = series.find((s) => s.side === 'B' && s.colorIndex === a.colorIndex && s.key === a.key);
    return { color: a.color, dash: a.dash ?? null, text: `${a.label}  A ${latest(a)} · B ${b ? latest(b) : '–'}` };
  });
  return [...rows, { color: 'currentColor', dash: '4 2', text: 'B dashed, A solid' }];
}

/** a curve with more points than this is drawn as a line only; one with this few always gets markers */
const MARKER_MAX = 40;
const FEW_POINTS = 3;

export interface ChartOptions {
  /** a log x axis (sweeps over T) */
  logX?: boolean;
  /** dots at every point of a few-point sweep (not on a long curve such as a ROC, where they hide the line) */
  markers?: boolean;
  /** false drops the values from the legend (they mean nothing for a ROC, whose last point is (1, 1)) */
  legendValues?: boolean;
}

export class ChartView extends SvgChart {
  private gLines: SVGGElement;
  private gMark: SVGGElement;
  private gLegend: SVGGElement;
  private last: readonly ChartSeries[] = [];
  /** a sweep's current setting: marked on the x axis, and the legend's values are read there */
  private current: { x: number; label: string } | undefined;
  /** the panel's own height (CSS), before the legend's lines are added below the plot */
  private baseHeight = 0;

  constructor(
    container: HTMLElement,
    ariaLabel = 'metric chart',
    private opts: ChartOptions = {},
  ) {
    super(container, ariaLabel);
    this.gMark = createGroup(this.svg, 'current');
    this.gLines = createGroup(this.svg, 'lines');
    this.gLegend = createGroup(this.svg, 'legend');
  }

  setAriaLabel(label: string): void {
    this.svg.setAttribute('aria-label', label);
  }

  /** Series come from the store at a low rate, so this draws at once (no frame coalescing). */
  render(series: readonly ChartSeries[], current?: { x: number; label: string }): void {
    this.last = series;
    this.current = current;
    this.draw();
  }

  protected draw(): void {
    const w = this.container.clientWidth;
    if (w <= 0) return;
    if (!this.baseHeight) this.baseHeight = this.container.clientHeight || 180;
    const log = wantsLogY(this.last);
    const logX = Boolean(this.opts.logX);
    // on a log x axis, points at x <= 0 cannot be placed: drop them before ranging
    const series = logX ? this.last.map((s) => positiveX(s)) : this.last;
    const styled = series.map((s, i) => ({ s, ...seriesStyle(s.colorIndex ?? i) }));
    // the legend lists what has data (a mode's series only), below the plot, wrapped to the panel
    const fmt = format('.3~g');
    const at = this.current?.x;
    const value = (s: ChartSeries) => {
      const v = valueAt(s, at);
      return v === null ? '–' : fmt(v);
    };
    const shown = styled.filter((d) => hasData(d.s, log));
    const rows = legendRows(shown.map((d) => ({ ...d.s, color: d.color, dash: d.s.side === 'B' ? DASH : d.dash })), this.opts.legendValues === false ? () => '' : value);
    const m = CHART_MARGIN;
    const legend = layoutLegend(rows, Math.max(w - m.left - m.right, 60), m.left, legendTextWidth(this.svg));
    const legendH = legend.lines ? legend.lines * LEGEND_LINE_PX + 6 : 0;
    const h = this.baseHeight + legendH;
    if (this.container.style.height !== `${h}px`) this.container.style.height = `${h}px`;
    select(this.svg).attr('width', w).attr('height', h);
    const r = plotRect(w, this.baseHeight, m);
    const dom = chartDomains(series, log);
    if (!dom) {
      select(this.gLines).selectAll('*').remove();
      select(this.gLegend).selectAll('*').remove();
      select(this.gMark).selectAll('*').remove();
      clearAxes(this.gx, this.gy);
      return;
    }
    const x = (logX ? scaleLog() : scaleLinear()).domain(dom.x).range([r.left, r.left + r.width]);
    const y = (log ? scaleLog() : scaleLinear()).domain(dom.y).range([r.top + r.height, r.top]);
    // a fixed natural range (0–1) keeps its ends; a free one gets round ticks
    if (!series.some((s) => s.range)) y.nice();
    drawAxes(this.gx, this.gy, x, y, r, { yLog: log, yFormat: log ? '.0e' : '.3~g', xLog: logX });

    const data = styled.map((d) => {
      const dec = decimateMinMax(d.s.xs, d.s.ys);
      return { ...d, pts: dec.xs.map((xv, k) => [xv, dec.ys[k]] as [number, number]) };
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
      .attr('stroke-dasharray', (d) => (d.s.side === 'B' ? DASH : d.dash))
      .attr('stroke-linejoin', 'round')
      .attr('d', (d) => path(d.pts) ?? '');
    // markers: on a few-point sweep, on series past the palette (their second cue), and on any series
    // with so few points that a line would not show (a chart with one point draws it)
    const dots = data.flatMap((d) => {
      const pts = d.pts.filter((p) => usable(p[1], log));
      const want = pts.length <= FEW_POINTS || ((this.opts.markers || d.markers) && pts.length <= MARKER_MAX);
      return want ? pts.map((p) => ({ p, color: d.color })) : [];
    });
    select(this.gLines)
      .selectAll('circle')
      .data(dots)
      .join('circle')
      .attr('r', 2.5)
      .attr('fill', (d) => d.color)
      .attr('cx', (d) => x(d.p[0]))
      .attr('cy', (d) => y(d.p[1]));

    // the current setting of a sweep: a vertical rule at it, labelled
    const cur = this.current && Number.isFinite(this.current.x) && (!logX || this.current.x > 0) && this.current.x >= dom.x[0] && this.current.x <= dom.x[1] ? [this.current] : [];
    const mark = select(this.gMark).selectAll<SVGGElement, { x: number; label: string }>('g').data(cur).join((enter) => {
      const g = enter.append('g');
      g.append('line').attr('stroke', 'currentColor').attr('stroke-dasharray', '3 3').attr('opacity', 0.6);
      g.append('text').attr('font-size', 10).attr('fill', 'currentColor').attr('text-anchor', 'middle');
      return g;
    });
    mark.select('line').attr('x1', (d) => x(d.x)).attr('x2', (d) => x(d.x)).attr('y1', r.top).attr('y2', r.top + r.height);
    mark.select('text').attr('x', (d) => x(d.x)).attr('y', r.top + 9).text((d) => d.label);

    const top = this.baseHeight + 2;
    const g = select(this.gLegend)
      .attr('font-size', 11)
      .selectAll<SVGGElement, (typeof legend.rows)[number]>('g.row')
      .data(legend.rows)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'row');
        e.append('line').attr('x1', 2).attr('x2', 18).attr('y1', 6.5).attr('y2', 6.5).attr('stroke-width', 3);
        e.append('text').attr('x', 22).attr('y', 10).attr('fill', 'currentColor');
        return e;
      })
      .attr('transform', (d) => `translate(${d.x},${top + d.line * LEGEND_LINE_PX})`);
    g.select('line').attr('stroke', (d) => d.color).attr('stroke-dasharray', (d) => d.dash);
    g.select('text').text((d) => d.text);
  }

  dispose(): void {
    super.dispose();
    this.container.style.height = '';
    this.container.classList.remove('plot-chart');
  }
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
/**
 * the legend's text measured in the font it is drawn in: a per-character estimate let long
 * labels ("W₂ to posterior, exact (final) 0.31") run past the panel's edge
 */
function legendTextWidth(svg: SVGSVGElement): ((text: string) => number) | undefined {
  if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  if (!ctx || typeof getComputedStyle === 'undefined') return undefined;
  // presenter mode's CSS enlarges every SVG text past the 11 px attribute: read a drawn row's size when there is one
  const row = svg.querySelector('g.legend text');
  const size = row ? getComputedStyle(row).fontSize : '11px';
  ctx.font = `${size} ${getComputedStyle(svg).fontFamily || 'sans-serif'}`;
  return (text) => ctx.measureText(text).width;
}
