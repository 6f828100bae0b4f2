// Particles on canvas. A few thousand dots are one fillRect each (one fillStyle, no paths, no
// arcs); beyond that the dots are splatted into a device-pixel alpha buffer and blitted once,
// which keeps 100k particles within a frame's budget. Alpha falls with the count so dense
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

/** above this many points, splatting into a pixel buffer beats one fillRect call per point */
export const SPLAT_THRESHOLD = 4000;

/**
 * Alpha coverage of `count` squares of `size` device pixels into a w x h buffer, composited
 * "source over" with opacity `alpha`. All dots of a layer share one colour, so only the alpha
 * channel accumulates (a' = a + alpha (1 - a)) and the colour is filled in once at the end.
 */
export function splatAlpha(
  px: Float32Array,
  count: number,
  dpr: number,
  size: number,
  alpha: number,
  w: number,
  h: number,
  out: Float32Array,
): Float32Array {
  out.fill(0, 0, w * h);
  const side = Math.max(1, Math.round(size * dpr));
  const half = side / 2;
  const keep = 1 - alpha;
  for (let i = 0; i < count; i++) {
    const left = Math.round(px[2 * i] * dpr - half);
    const top = Math.round(px[2 * i + 1] * dpr - half);
    const x0 = Math.max(0, left);
    const y0 = Math.max(0, top);
    const x1 = Math.min(w, left + side);
    const y1 = Math.min(h, top + side);
    for (let y = y0; y < y1; y++) {
      const row = y * w;
      for (let x = x0; x < x1; x++) out[row + x] = alpha + out[row + x] * keep;
    }
  }
  return out;
}

let scratch = new Float32Array(0);
let cover = new Float32Array(0);
let splatCanvas: HTMLCanvasElement | null = null;

function parseColor(css: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(css);
  if (!m) return [0, 0, 0];
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** ctx must carry the dpr transform (fitCanvas); `dpr` sizes the splat buffer to device pixels. */
export function drawPoints(ctx: CanvasRenderingContext2D, xy: Float32Array, s: PlaneScale, style: PointStyle, dpr = 1): void {
  const n = xy.length >> 1;
  if (n === 0) return;
  if (scratch.length < 2 * n) scratch = new Float32Array(2 * n);
  const { px, count } = projectPoints(xy, s, scratch);
  const auto = pointStyleFor(n);
  const size = style.size ?? auto.size;
  const alpha = style.alpha ?? auto.alpha;
  if (count > SPLAT_THRESHOLD && /^#[0-9a-f]{6}$/i.test(style.color)) {
    splatPoints(ctx, px, count, s, dpr, size, alpha, parseColor(style.color));
    return;
  }
  const h = size / 2;
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.fillStyle = style.color;
  for (let i = 0; i < count; i++) ctx.fillRect(px[2 * i] - h, px[2 * i + 1] - h, size, size);
  ctx.restore();
}

function splatPoints(
  ctx: CanvasRenderingContext2D,
  px: Float32Array,
  count: number,
  s: PlaneScale,
  dpr: number,
  size: number,
  alpha: number,
  [r, g, b]: [number, number, number],
): void {
  const w = Math.max(1, Math.round(s.width * dpr));
  const h = Math.max(1, Math.round(s.height * dpr));
  if (cover.length < w * h) cover = new Float32Array(w * h);
  splatAlpha(px, count, dpr, size, alpha, w, h, cover);
  splatCanvas ??= document.createElement('canvas');
  if (splatCanvas.width !== w) splatCanvas.width = w;
  if (splatCanvas.height !== h) splatCanvas.height = h;
  const sctx = splatCanvas.getContext('2d');
  if (!sctx) return;
  const img = sctx.createImageData(w, h);
  const d = img.data;
  for (let i = 0, o = 0; i < w * h; i++, o += 4) {
    const a = cover[i];
    if (a === 0) continue;
    d[o] = r;
    d[o + 1] = g;
    d[o + 2] = b;
    d[o + 3] = a * 255;
  }
  sctx.putImageData(img, 0, 0);
  // drawImage composites "over" what is already on the overlay (other point sets)
  ctx.drawImage(splatCanvas, 0, 0, s.width, s.height);
}

/**
 * Colours for the first and second points layer of a view; both read on viridis and on white. The
 * red is deep enough to stay apart from viridis's greens for red-green colour-blind viewers
 * (palette-cvd.test.ts checks every overlay colour against the map under simulated CVD).
 */
export const POINT_COLORS = ['#cc0000', '#ffffff'] as const;
/** second set on a plain (density off) background, where white would vanish */
export const POINT_COLORS_PLAIN = ['#d62f26', '#2b6cb0'] as const;
