// Marginal histogram (`histogram` layer) in SVG: the particles' density as bars and the true
// marginal as a line. Frames arrive many times a second, so the y range has hysteresis: it grows
// at once but shrinks only when the data use less than 60 % of it, which keeps the bars from pumping.
import { line, scaleLinear, select } from 'd3';
import type { Layer } from '../protocol/snapshot';
import { createGroup, createPlotSvg, drawAxes } from './axes';
import type { Margin } from './scale';
import { plotRect } from './svg-chart';

export type HistogramLayer = Extract<Layer, { kind: 'histogram' }>;

export const HIST_MARGIN: Margin = { top: 8, right: 10, bottom: 22, left: 36 };
export const BAR_COLOR = '#5b8fc9';
export const REFERENCE_COLOR = '#1a1a1a';
/** the A/B comparison's B run: its histogram as a dashed outline over A's bars (dashed = B, as in the charts) */
export const B_OUTLINE_COLOR = '#d9480f';

/** The outline of a histogram as one step path (the B run's bars, drawn over A's). */
export function outlinePath(
  edges: ArrayLike<number>,
  density: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  for (let i = 0; i < density.length && i + 1 < edges.length; i++) {
    const v = Number.isFinite(density[i]) && density[i] > 0 ? density[i] : 0;
    const x0 = x(edges[i]).toFixed(1);
    const x1 = x(edges[i + 1]).toFixed(1);
    d += `${d ? 'L' : 'M'}${x0},${y(v).toFixed(1)}H${x1}`;
  }
  return d;
}

/** Largest finite value of the bars and the reference. */
export function histMax(layer: Pick<HistogramLayer, 'density' | 'reference'>): number {
  let m = 0;
  for (const v of layer.density) if (v > m && Number.isFinite(v)) m = v;
  if (layer.reference) for (const v of layer.reference) if (v > m && Number.isFinite(v)) m = v;
  return m;
}

/** Next top of the y axis: 10 % headroom over what is needed, kept while the need stays above 60 %. */
export function nextYMax(prev: number, needed: number): number {
  if (!(needed > 0)) return prev > 0 ? prev : 1;
  if (needed > prev || needed < 0.6 * prev) return needed * 1.1;
  return prev;
}

/** All bars as one path of closed rectangles (one DOM node however many bins). */
export function histogramPath(
  edges: ArrayLike<number>,
  density: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  const base = y(0);
  let d = '';
  for (let i = 0; i < density.length && i + 1 < edges.length; i++) {
    const v = density[i];
    if (!(v > 0) || !Number.isFinite(v)) continue;
    const x0 = x(edges[i]).toFixed(1);
    const x1 = x(edges[i + 1]).toFixed(1);
    d += `M${x0},${base.toFixed(1)}V${y(v).toFixed(1)}H${x1}V${base.toFixed(1)}Z`;
  }
  return d;
}

/** Bin centres paired with reference values, for the reference line. */
export function referencePoints(edges: ArrayLike<number>, ref: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < ref.length && i + 1 < edges.length; i++) out.push([(edges[i] + edges[i + 1]) / 2, ref[i]]);
  return out;
}

export class HistView {
  private svg: SVGSVGElement;
  private bars: SVGPathElement;
  private ref: SVGPathElement;
  private outlineB: SVGPathElement;
  private b: HistogramLayer | null = null;
  private gx: SVGGElement;
  private gy: SVGGElement;
  private yMax = 0;
  private last: { layer: HistogramLayer; domain?: [number, number] } | null = null;
  private observer: ResizeObserver;
  private size = { w: 0, h: 0 };
  private raf = 0;

  constructor(
    private container: HTMLElement,
    ariaLabel = 'marginal histogram',
  ) {
    container.classList.add('plot-hist');
    this.svg = createPlotSvg(ariaLabel);
    const g = createGroup(this.svg, 'marks');
    this.bars = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    this.bars.setAttribute('fill', BAR_COLOR);
    this.bars.setAttribute('fill-opacity', '0.75');
    this.ref = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    this.ref.setAttribute('fill', 'none');
    this.ref.setAttribute('stroke', REFERENCE_COLOR);
    this.ref.setAttribute('stroke-width', '1.5');
    this.outlineB = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    this.outlineB.setAttribute('fill', 'none');
    this.outlineB.setAttribute('stroke', B_OUTLINE_COLOR);
    this.outlineB.setAttribute('stroke-width', '1.5');
    this.outlineB.setAttribute('stroke-dasharray', '4 2');
    this.outlineB.setAttribute('data-testid', 'hist-b');
    g.append(this.bars, this.outlineB, this.ref);
    this.gx = createGroup(this.svg, 'axis axis-x');
    this.gy = createGroup(this.svg, 'axis axis-y');
    container.appendChild(this.svg);
    // the size comes from the observer: reading clientWidth in draw() forced a layout on every frame
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) this.size = { w: box.width, h: box.height };
      if (this.last) this.draw();
    });
    this.observer.observe(container);
  }

  /** `domain`: the x range to show (the plane's box along this axis); default the edges' range. */
  render(layer: HistogramLayer, domain?: [number, number]): void {
    this.last = { layer, domain };
    if (!this.raf) this.raf = requestAnimationFrame(() => this.draw());
  }

  /** the B run's histogram of the same layer (null: no comparison, the outline goes) */
  renderB(layer: HistogramLayer | null): void {
    this.b = layer;
    if (!layer) this.outlineB.setAttribute('d', '');
    if (this.last && !this.raf) this.raf = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.raf = 0;
    if (!this.last) return;
    const { layer, domain } = this.last;
    const w = this.size.w;
    const h = this.size.h || 120;
    if (w <= 0) return;
    const r = plotRect(w, h, HIST_MARGIN);
    const e = layer.edges;
    const dom = domain ?? [e[0], e[e.length - 1]];
    const x = scaleLinear().domain(dom).range([r.left, r.left + r.width]).clamp(true);
    this.yMax = nextYMax(this.yMax, Math.max(histMax(layer), this.b ? histMax(this.b) : 0));
    const y = scaleLinear().domain([0, this.yMax]).range([r.top + r.height, r.top]);
    select(this.svg).attr('width', w).attr('height', h);
    this.bars.setAttribute('d', histogramPath(e, layer.density, x, y));
    this.outlineB.setAttribute('d', this.b ? outlinePath(this.b.edges, this.b.density, x, y) : '');
    const pts = layer.reference ? referencePoints(e, layer.reference) : [];
    const path = line<[number, number]>()
      .defined((p) => Number.isFinite(p[1]))
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    this.ref.setAttribute('d', path(pts) ?? '');
    drawAxes(this.gx, this.gy, x, y, r, { yTicks: Math.max(2, Math.round(r.height / 30)), yFormat: '.2~g' });
  }

  dispose(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.observer.disconnect();
    this.svg.remove();
    this.container.classList.remove('plot-hist');
  }
}
