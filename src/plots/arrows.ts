// Vector-field arrows (`vectorGrid`) on canvas. Scores blow up in the tails and near the noise-free
// limit, so lengths are normalised by a robust maximum (the 90th percentile of |v|) and capped: the
// bulk of the field stays readable and the few huge arrows do not cover the plot. The exact and the
// learned field share one normalisation, so their lengths can be compared arrow by arrow.
import { quantileSorted } from 'd3';
import type { Layer } from '../protocol/snapshot';
import type { PlaneScale } from './scale';

export type VectorGrid = Extract<Layer, { kind: 'vectorGrid' }>;

/** arrows closer than this many CSS pixels are thinned by taking every k-th cell */
export const MIN_ARROW_SPACING = 14;

/** 90th percentile of the finite magnitudes over all the given fields (1 when there are none). */
export function robustMax(grids: readonly Pick<VectorGrid, 'u' | 'v'>[], q = 0.9): number {
  const mags: number[] = [];
  for (const g of grids) {
    for (let i = 0; i < g.u.length; i++) {
      const m = Math.hypot(g.u[i], g.v[i]);
      if (Number.isFinite(m)) mags.push(m);
    }
  }
  if (mags.length === 0) return 1;
  mags.sort((a, b) => a - b);
  const r = quantileSorted(mags, q) ?? 0;
  return r > 0 ? r : mags[mags.length - 1] || 1;
}

/** Every how many cells to draw an arrow so that arrows are at least MIN_ARROW_SPACING apart. */
export function arrowStride(cellPx: number): number {
  return cellPx >= MIN_ARROW_SPACING ? 1 : Math.ceil(MIN_ARROW_SPACING / Math.max(cellPx, 1e-6));
}

/**
 * Arrow shafts in pixels as [x0, y0, x1, y1, ...] (tail at the cell centre, tip along the field).
 * The longest arrow is 0.85 of the drawn spacing; world v points up, so the pixel dy is negated.
 */
export function arrowSegments(grid: VectorGrid, s: PlaneScale, scaleRef: number): Float32Array {
  const { nx, ny, box, u, v } = grid;
  const dx = (box.xmax - box.xmin) / nx;
  const dy = (box.ymax - box.ymin) / ny;
  const cellPx = Math.min(dx, dy) * s.k;
  const stride = arrowStride(cellPx);
  const maxLen = 0.85 * cellPx * stride;
  const off = Math.floor((stride - 1) / 2);
  const out: number[] = [];
  for (let j = off; j < ny; j += stride) {
    for (let i = off; i < nx; i += stride) {
      const idx = j * nx + i;
      const a = u[idx];
      const b = v[idx];
      const m = Math.hypot(a, b);
      if (!(m > 0) || !Number.isFinite(m)) continue;
      const len = maxLen * Math.min(m / scaleRef, 1);
      const [x0, y0] = s.toPixel(box.xmin + (i + 0.5) * dx, box.ymin + (j + 0.5) * dy);
      out.push(x0, y0, x0 + (a / m) * len, y0 - (b / m) * len);
    }
  }
  return Float32Array.from(out);
}

/** Shafts and heads in one path and one stroke: thousands of arrows cost one draw call. */
export function drawArrows(ctx: CanvasRenderingContext2D, seg: Float32Array, color: string, width = 1.1): void {
  if (seg.length === 0) return;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (let k = 0; k < seg.length; k += 4) {
    const x0 = seg[k];
    const y0 = seg[k + 1];
    const x1 = seg[k + 2];
    const y1 = seg[k + 3];
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len < 0.5) continue;
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    // head: two strokes at +-28 degrees back from the tip, a third of the shaft, at most 4 px
    const h = Math.min(4, len / 3);
    const ux = (x1 - x0) / len;
    const uy = (y1 - y0) / len;
    const c = Math.cos(0.49);
    const sn = Math.sin(0.49);
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - h * (ux * c - uy * sn), y1 - h * (uy * c + ux * sn));
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - h * (ux * c + uy * sn), y1 - h * (uy * c - ux * sn));
  }
  ctx.stroke();
  ctx.restore();
}

/** First vector layer of a view (usually the exact field) and second (the learned one). */
/** cyan, not orange: orange and viridis's yellow-green look alike to red-green colour-blind viewers */
export const ARROW_COLORS = ['#f4f4f4', '#00ffff'] as const;
export const ARROW_COLORS_PLAIN = ['#333333', '#e07000'] as const;
