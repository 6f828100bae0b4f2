// A few trajectories (`paths` layer) as polylines whose older segments fade, so the direction of
// travel reads without arrowheads. Segments are grouped into a handful of alpha buckets and each
// bucket is stroked once: the cost is a few draw calls, not one per segment.
import type { Layer } from '../protocol/snapshot';
import type { PlaneScale } from './scale';

export type PathsLayer = Extract<Layer, { kind: 'paths' }>;

export const ALPHA_BUCKETS = 8;
const MIN_ALPHA = 0.12;

/** Bucket of segment k (from point k to k + 1) of a path of `length` points; the newest is the last bucket. */
export function segmentBucket(k: number, length: number, buckets = ALPHA_BUCKETS): number {
  const nseg = length - 1;
  if (nseg <= 1) return buckets - 1;
  return Math.min(buckets - 1, Math.floor((k / nseg) * buckets));
}

/** Opacity of a bucket: from MIN_ALPHA for the oldest to 1 for the newest. */
export function bucketAlpha(b: number, buckets = ALPHA_BUCKETS): number {
  return buckets <= 1 ? 1 : MIN_ALPHA + ((1 - MIN_ALPHA) * b) / (buckets - 1);
}

/**
 * Segments in pixels, [x0, y0, x1, y1, ...], one array per alpha bucket. A segment with a
 * non-finite end is skipped, which leaves a gap rather than a line to infinity.
 */
export function pathSegments(layer: PathsLayer, s: PlaneScale, buckets = ALPHA_BUCKETS): Float32Array[] {
  const { xy, nPaths, length } = layer;
  const lists: number[][] = Array.from({ length: buckets }, () => []);
  for (let p = 0; p < nPaths; p++) {
    const base = p * length;
    for (let k = 0; k + 1 < length; k++) {
      const a = 2 * (base + k);
      const x0 = xy[a];
      const y0 = xy[a + 1];
      const x1 = xy[a + 2];
      const y1 = xy[a + 3];
      if (!Number.isFinite(x0 + y0 + x1 + y1)) continue;
      const [px0, py0] = s.toPixel(x0, y0);
      const [px1, py1] = s.toPixel(x1, y1);
      lists[segmentBucket(k, length, buckets)].push(px0, py0, px1, py1);
    }
  }
  return lists.map((l) => Float32Array.from(l));
}

export function drawPaths(ctx: CanvasRenderingContext2D, layer: PathsLayer, s: PlaneScale, color: string): void {
  if (layer.nPaths === 0 || layer.length === 0) return;
  const buckets = pathSegments(layer, s);
  ctx.save();
  ctx.beginPath();
  ctx.rect(s.plot.left, s.plot.top, s.plot.width, s.plot.height);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.4;
  ctx.lineCap = 'round';
  buckets.forEach((seg, b) => {
    if (seg.length === 0) return;
    ctx.globalAlpha = bucketAlpha(b, buckets.length);
    ctx.beginPath();
    for (let i = 0; i < seg.length; i += 4) {
      ctx.moveTo(seg[i], seg[i + 1]);
      ctx.lineTo(seg[i + 2], seg[i + 3]);
    }
    ctx.stroke();
  });
  // a dot at each path's newest point says where the walker is now
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  for (let p = 0; p < layer.nPaths; p++) {
    const a = 2 * (p * layer.length + layer.length - 1);
    const x = layer.xy[a];
    const y = layer.xy[a + 1];
    if (!Number.isFinite(x + y)) continue;
    const [px, py] = s.toPixel(x, y);
    ctx.beginPath();
    ctx.arc(px, py, 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}

/** violet: pink (the earlier choice) merges with viridis's teal for deutan and protan viewers */
export const PATH_COLOR = '#d400ff';
export const PATH_COLOR_PLAIN = '#b0287a';
