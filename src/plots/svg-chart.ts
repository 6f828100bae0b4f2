// What the bar chart (bars.ts) and the line chart (chart.ts) share: their <svg> in a container classed
// `plot-chart`, its x and y axis groups first (so the marks the subclass adds draw over them), and a
// redraw whenever the container is resized. The subclass draws; dispose() removes the svg.
import { createGroup, createPlotSvg, type AxisRect } from './axes';
import type { Margin } from './scale';

/** the plotting rectangle of a w x h plot inside its margins, at least 1 px each way */
export function plotRect(w: number, h: number, m: Margin): AxisRect {
  return { left: m.left, top: m.top, width: Math.max(w - m.left - m.right, 1), height: Math.max(h - m.top - m.bottom, 1) };
}

export abstract class SvgChart {
  protected readonly svg: SVGSVGElement;
  protected readonly gx: SVGGElement;
  protected readonly gy: SVGGElement;
  private readonly observer: ResizeObserver;

  constructor(
    protected readonly container: HTMLElement,
    ariaLabel: string,
  ) {
    container.classList.add('plot-chart');
    this.svg = createPlotSvg(ariaLabel);
    this.gx = createGroup(this.svg, 'axis axis-x');
    this.gy = createGroup(this.svg, 'axis axis-y');
    container.appendChild(this.svg);
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(container);
  }

  /** draws the last data at the container's current size (called on every resize) */
  protected abstract draw(): void;

  dispose(): void {
    this.observer.disconnect();
    this.svg.remove();
  }
}
