// Bar chart of one `bars` layer (e.g. mixture weights), with an optional reference tick per bar.
import { max, scaleBand, scaleLinear, select } from 'd3';
import { createGroup, drawAxes } from './axes';
import { CHART_MARGIN, SERIES_COLORS } from './chart';
import { plotRect, SvgChart } from './svg-chart';

export interface BarsLayer {
  labels: string[];
  values: Float32Array;
  reference?: Float32Array;
}

/** the y range: at least [0, 1] for weights, grown to the largest value or reference */
export function barsMax(l: BarsLayer): number {
  const m = Math.max(max(l.values) ?? 0, l.reference ? (max(l.reference) ?? 0) : 0);
  return m <= 1 && m >= 0 ? 1 : m * 1.05;
}

export class BarsView extends SvgChart {
  private gBars: SVGGElement;
  private last: BarsLayer | null = null;

  constructor(container: HTMLElement, ariaLabel = 'bar chart') {
    super(container, ariaLabel);
    this.gBars = createGroup(this.svg, 'bars');
  }

  render(layer: BarsLayer): void {
    this.last = layer;
    this.draw();
  }

  protected draw(): void {
    const l = this.last;
    const w = this.container.clientWidth;
    const h = this.container.clientHeight || 180;
    if (!l || w <= 0) return;
    select(this.svg).attr('width', w).attr('height', h);
    const r = plotRect(w, h, CHART_MARGIN);
    const x = scaleBand<string>().domain(l.labels).range([r.left, r.left + r.width]).padding(0.2);
    const y = scaleLinear().domain([0, barsMax(l)]).range([r.top + r.height, r.top]).nice();
    drawAxes(this.gx, this.gy, x as unknown as Parameters<typeof drawAxes>[2], y, r, { yFormat: '.2~g' });
    const rows = l.labels.map((label, i) => ({ label, v: l.values[i], ref: l.reference?.[i] }));
    select(this.gBars)
      .selectAll('rect')
      .data(rows)
      .join('rect')
      .attr('x', (d) => x(d.label) ?? 0)
      .attr('width', x.bandwidth())
      .attr('y', (d) => y(Math.max(0, d.v)))
      .attr('height', (d) => Math.max(0, y(0) - y(Math.max(0, d.v))))
      .attr('fill', SERIES_COLORS[0]);
    select(this.gBars)
      .selectAll('line')
      .data(rows.filter((d) => d.ref !== undefined && Number.isFinite(d.ref)))
      .join('line')
      .attr('x1', (d) => (x(d.label) ?? 0) - 2)
      .attr('x2', (d) => (x(d.label) ?? 0) + x.bandwidth() + 2)
      .attr('y1', (d) => y(d.ref!))
      .attr('y2', (d) => y(d.ref!))
      .attr('stroke', SERIES_COLORS[1])
      .attr('stroke-width', 2.5);
  }
}
