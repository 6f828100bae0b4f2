// The one world <-> pixel module. Every plot layer maps coordinates through a PlaneScale so the
// heatmap, contours, arrows, particles and handles can never drift apart by a rounding convention.
// Pixels are CSS pixels (device-pixel scaling is applied once, on the canvas context).
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Box } from '../core/types';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** room for the d3 axes: ticks and labels at the bottom and on the left */
export const PLANE_MARGIN: Margin = { top: 8, right: 10, bottom: 24, left: 34 };

export interface PlaneScale {
  /** world x -> pixel x */
  x: ScaleLinear<number, number>;
  /** world y -> pixel y (y up: ymax at the top) */
  y: ScaleLinear<number, number>;
  /** the whole element, CSS pixels */
  width: number;
  height: number;
  /** the pixel rectangle that shows exactly `box` */
  plot: { left: number; top: number; width: number; height: number };
  box: Box;
  /** pixels per world unit, equal on both axes */
  k: number;
  toPixel(wx: number, wy: number): [number, number];
  toWorld(px: number, py: number): [number, number];
}

/**
 * Equal aspect: one world unit is the same number of pixels on both axes, so circles stay circles and
 * covariance ellipses keep their true shape. The box is centred in what is left after the margins;
 * the spare room goes to the longer side's gutters rather than stretching the data.
 */
export function planeScale(box: Box, width: number, height: number, margin: Margin = PLANE_MARGIN): PlaneScale {
  const bw = Math.max(box.xmax - box.xmin, 1e-12);
  const bh = Math.max(box.ymax - box.ymin, 1e-12);
  const availW = Math.max(width - margin.left - margin.right, 1);
  const availH = Math.max(height - margin.top - margin.bottom, 1);
  const k = Math.min(availW / bw, availH / bh);
  const pw = bw * k;
  const ph = bh * k;
  const left = margin.left + (availW - pw) / 2;
  const top = margin.top + (availH - ph) / 2;
  const x = scaleLinear().domain([box.xmin, box.xmax]).range([left, left + pw]);
  const y = scaleLinear().domain([box.ymin, box.ymax]).range([top + ph, top]);
  return {
    x,
    y,
    width,
    height,
    plot: { left, top, width: pw, height: ph },
    box,
    k,
    toPixel: (wx, wy) => [left + (wx - box.xmin) * k, top + (box.ymax - wy) * k],
    toWorld: (px, py) => [box.xmin + (px - left) / k, box.ymax - (py - top) / k],
  };
}

/** Two boxes equal to the last bit: decides whether the grid layers need a repaint. */
export function sameBox(a: Box | null | undefined, b: Box | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.xmin === b.xmin && a.xmax === b.xmax && a.ymin === b.ymin && a.ymax === b.ymax;
}

/** Whether a pixel lies on the plotted box (with `pad` pixels of slack for grabbing at the edge). */
export function inPlot(s: PlaneScale, px: number, py: number, pad = 0): boolean {
  const p = s.plot;
  return px >= p.left - pad && px <= p.left + p.width + pad && py >= p.top - pad && py <= p.top + p.height + pad;
}

/**
 * Size a canvas for the device pixel ratio and return a context whose unit is the CSS pixel,
 * so every draw call works in the same coordinates as the PlaneScale.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): CanvasRenderingContext2D {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** A pointer event's position in the element's CSS pixels (the PlaneScale's pixel space). */
export function eventPoint(ev: { clientX: number; clientY: number }, el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [ev.clientX - r.left, ev.clientY - r.top];
}

/** Keep a world point on the box: a handle dragged off the plane stays grabbable. */
export function clampToBox(p: [number, number], b: Box): [number, number] {
  return [Math.min(Math.max(p[0], b.xmin), b.xmax), Math.min(Math.max(p[1], b.ymin), b.ymax)];
}
