// Geometry of the canvas marks: particles, arrows and paths.
import { describe, expect, it } from 'vitest';
import { arrowSegments, arrowStride, robustMax, type VectorGrid } from './arrows';
import { bucketAlpha, pathSegments, segmentBucket, type PathsLayer } from './paths';
import { pointStyleFor, projectPoints, splatAlpha } from './points';
import { planeScale } from './scale';

const box = { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };
const s = planeScale(box, 200, 200, { top: 0, right: 0, bottom: 0, left: 0 });

describe('points', () => {
  it('projects to pixels and drops off-plot and non-finite points', () => {
    const xy = new Float32Array([0, 0, 1, 1, 5, 0, NaN, 0, -1, -1]);
    const { px, count } = projectPoints(xy, s);
    expect(count).toBe(3);
    expect(Array.from(px.slice(0, 6))).toEqual([100, 100, 200, 0, 0, 200]);
  });
  it('smaller, fainter dots as the count grows', () => {
    const few = pointStyleFor(100);
    const many = pointStyleFor(100_000);
    expect(many.size).toBeLessThan(few.size);
    expect(many.alpha).toBeLessThan(few.alpha);
    expect(many.size).toBeGreaterThanOrEqual(1.5);
  });
});

describe('splatAlpha', () => {
  it('composites overlapping dots like source-over with the given alpha', () => {
    const px = new Float32Array([1.5, 1.5, 1.5, 1.5, 3.5, 0.5]);
    const out = splatAlpha(px, 3, 1, 1, 0.5, 4, 3, new Float32Array(12));
    expect(out[1 * 4 + 1]).toBeCloseTo(0.75); // two dots on pixel (1,1)
    expect(out[0 * 4 + 3]).toBeCloseTo(0.5);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1.25);
  });
  it('scales the dot to device pixels and clips at the edges', () => {
    const px = new Float32Array([0, 0]);
    const out = splatAlpha(px, 1, 2, 2, 1, 8, 8, new Float32Array(64));
    // a 4x4 device-pixel square centred on (0,0): only its 2x2 in-bounds quarter is drawn
    expect(out.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('arrows', () => {
  const grid = (u: number[], v: number[], n: number): VectorGrid => ({
    kind: 'vectorGrid', nx: n, ny: n, box, u: new Float32Array(u), v: new Float32Array(v),
  });

  it('robustMax is the 90th percentile, shared across fields and blind to NaN', () => {
    const mags = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(robustMax([grid(mags, mags.map(() => 0), 1)])).toBeCloseTo(9.1);
    expect(robustMax([grid([NaN], [NaN], 1)])).toBe(1);
    expect(robustMax([grid([3, 0], [4, 0], 1), grid([100], [0], 1)], 1)).toBe(100);
  });

  it('thins dense grids to keep arrows apart', () => {
    expect(arrowStride(20)).toBe(1);
    expect(arrowStride(5)).toBe(3);
  });

  it('points along the field with y up, length capped at the cell size', () => {
    // 2x2 grid, cells of 100 px; field (0, 1) everywhere with magnitude 10 (above the robust max 1)
    const g = grid([0, 0, 0, 0], [10, 10, 10, 10], 2);
    const seg = arrowSegments(g, s, 1);
    expect(seg.length).toBe(16);
    const [x0, y0, x1, y1] = seg;
    expect([x0, y0]).toEqual([50, 150]); // cell (0,0) centre is bottom-left
    expect(x1).toBeCloseTo(50);
    expect(y0 - y1).toBeCloseTo(85); // upwards on screen, 0.85 of a cell
  });

  it('shorter arrows for weaker fields, none for zero or NaN', () => {
    const g = grid([1, 0, NaN, 2], [0, 0, 0, 0], 2);
    const seg = arrowSegments(g, s, 2);
    expect(seg.length).toBe(8);
    expect(seg[2] - seg[0]).toBeCloseTo(42.5);
    expect(seg[6] - seg[4]).toBeCloseTo(85);
  });
});

describe('paths', () => {
  it('older segments fall in fainter buckets', () => {
    expect(segmentBucket(0, 101)).toBe(0);
    expect(segmentBucket(99, 101)).toBe(7);
    expect(bucketAlpha(0)).toBeLessThan(bucketAlpha(7));
    expect(bucketAlpha(7)).toBe(1);
  });

  it('splits polylines into pixel segments and skips non-finite ends', () => {
    const layer: PathsLayer = {
      kind: 'paths', nPaths: 2, length: 3,
      xy: new Float32Array([0, 0, 1, 0, 1, 1, /* path 2 */ 0, 0, NaN, 0, -1, -1]),
    };
    const buckets = pathSegments(layer, s, 2);
    const all = buckets.flatMap((b) => Array.from(b));
    expect(all.length).toBe(8); // 2 segments of path 1; both of path 2 touch the NaN
    expect(Array.from(buckets[0])).toEqual([100, 100, 200, 100]);
    expect(Array.from(buckets[1])).toEqual([200, 100, 200, 0]);
  });
});
