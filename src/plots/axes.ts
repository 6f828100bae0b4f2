// d3-axis for every plot, with one tick density rule so the plane, histograms and charts look alike.
// Axis colour comes from `currentColor`, set as an attribute on the root <svg> (survives export)
// and overridable from page CSS.
import { axisBottom, axisLeft, select, type AxisScale } from 'd3';

export const AXIS_COLOR = '#3a3a3a';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** About one tick per 70 px along x and 40 px along y, at least 2. */
export function tickCount(lengthPx: number, spacingPx: number): number {
  return Math.max(2, Math.round(lengthPx / spacingPx));
}

export interface AxisRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Create the root <svg> of a plot: accessible name, axis colour, no pointer events by default. */
export function createPlotSvg(ariaLabel: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  svg.setAttribute('color', AXIS_COLOR);
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  return svg;
}

export function createGroup(parent: Element, cls: string): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', cls);
  parent.appendChild(g);
  return g;
}

const drawnAxes = new WeakMap<SVGGElement, string>();

/** Empty two axis groups (and forget what they showed, so the next drawAxes draws them again). */
export function clearAxes(gx: SVGGElement, gy: SVGGElement): void {
  for (const g of [gx, gy]) {
    g.replaceChildren();
    drawnAxes.delete(g);
  }
}

export function drawAxes(
  gx: SVGGElement,
  gy: SVGGElement,
  x: AxisScale<number>,
  y: AxisScale<number>,
  r: AxisRect,
  opts: { xTicks?: number; yTicks?: number; yFormat?: string; yLog?: boolean; xLog?: boolean } = {},
): void {
  // d3-axis keys its ticks by pixel position, so redrawing an unchanged axis removes and re-creates every
  // tick: at frame rate that was the largest main-thread cost of the histograms. Skip unchanged axes.
  const key = JSON.stringify([x.domain(), x.range(), y.domain(), y.range(), r, opts]);
  if (drawnAxes.get(gx) === key && drawnAxes.get(gy) === key) return;
  drawnAxes.set(gx, key);
  drawnAxes.set(gy, key);
  const ax = axisBottom(x).tickSizeOuter(0);
  if (opts.xLog) ax.ticks(tickCount(r.width, 70), '~g');
  else ax.ticks(opts.xTicks ?? tickCount(r.width, 70));
  select(gx).attr('transform', `translate(0,${r.top + r.height})`).call(ax);
  const ay = axisLeft(y).tickSizeOuter(0);
  // log axes: d3 picks which of the many candidate ticks get a label from the count and format
  if (opts.yLog) ay.ticks(tickCount(r.height, 40), opts.yFormat ?? '.0e');
  else ay.ticks(opts.yTicks ?? tickCount(r.height, 40), opts.yFormat);
  select(gy).attr('transform', `translate(${r.left},0)`).call(ay);
}

/** A thin frame around the data rectangle. */
export function drawFrame(g: SVGGElement, r: AxisRect): void {
  select(g)
    .selectAll('rect.plot-frame')
    .data([r])
    .join('rect')
    .attr('class', 'plot-frame')
    .attr('x', (d) => d.left)
    .attr('y', (d) => d.top)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('fill', 'none')
    .attr('stroke', '#9a9a9a')
    .attr('stroke-width', 1);
}
