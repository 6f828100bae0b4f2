// Particles on canvas. One fillStyle and one fillRect per point is the fastest portable way to
// put 100k dots on a 2D canvas (no path building, no arcs); alpha falls with the count so dense
// regions still read as density rather than a solid blob.
import type { PlaneScale } from './scale';

export interface PointStyle {
  color: string;
  /** square side in CSS pixels; default by count */
  size?: number;
  /** 0..1; default by count */
  alpha?: number;
}

/** Bigger, opaque dots for a few hundred particles; small, translucent ones for 100k. */
export function pointStyleFor(n: number): { size: number; alpha: number } {
  if (n <= 500) return { size: 3, alpha: 0.9 };
  if (n <= 5000) return { size: 2, alpha: 0.7 };
  if (n <= 30000) return { size: 1.5, alpha: 0.45 };
  return { size: 1.5, alpha: 0.25 };
}

/**
 * Pixel positions of the points inside the plot rectangle, as [px0, py0, px1, py1, ...].
 * Points off the plot or non-finite (a diverging sampler) are dropped, and `count` says how many remain.
 */
export function projectPoints(xy: Float32Array, s: PlaneScale, out?: Float32Array): { px: Float32Array; count: number } {
  const n = xy.length >> 1;
  const px = out && out.length >= 2 * n ? out : new Float32Array(2 * n);
  const { left, top, width, height } = s.plot;
  const { xmin, ymax } = s.box;
  const k = s.k;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = left + (xy[2 * i] - xmin) * k;
    const y = top + (ymax - xy[2 * i + 1]) * k;
    // the comparisons are false for NaN, so non-finite points fall out here too
    if (x >= left && x <= left + width && y >= top && y <= top + height) {
      px[2 * m] = x;
      px[2 * m + 1] = y;
      m++;
    }
  }
  return { px, count: m };
}

let scratch = new Float32Array(0);

export function drawPoints(ctx: CanvasRenderingContext2D, xy: Float32Array, s: PlaneScale, style: PointStyle): void {
  const n = xy.length >> 1;
  if (n === 0) return;
  if (scratch.length < 2 * n) scratch = new Float32Array(2 * n);
  const { px, count } = projectPoints(xy, s, scratch);
  const auto = pointStyleFor(n);
  const size = style.size ?? auto.size;
  const h = size / 2;
  ctx.save();
  ctx.globalAlpha = style.alpha ?? auto.alpha;
  ctx.fillStyle = style.color;
  for (let i = 0; i < count; i++) ctx.fillRect(px[2 * i] - h, px[2 * i + 1] - h, size, size);
  ctx.restore();
}

/** Colours for the first and second points layer of a view; both read on viridis and on white. */
export const POINT_COLORS = ['#e8413a', '#ffffff'] as const;
/** second set on a plain (density off) background, where white would vanish */
export const POINT_COLORS_PLAIN = ['#d62f26', '#2b6cb0'] as const;
