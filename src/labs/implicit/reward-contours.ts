// The reward drawn over the plane. The plane shades only its first scalar grid (the potential), so the
// reward's level sets go out as a `paths` layer: marching squares on a grid, one 2-point path per segment.
import type { Box } from '../../core/types';
import type { Layer } from '../../protocol/snapshot';

/** segments (x0, y0, x1, y1) of the level set {f = level} of a grid of values at cell centres */
export function levelSegments(values: Float32Array, nx: number, ny: number, box: Box, level: number): number[] {
  const dx = (box.xmax - box.xmin) / nx;
  const dy = (box.ymax - box.ymin) / ny;
  const X = (i: number) => box.xmin + (i + 0.5) * dx;
  const Y = (j: number) => box.ymin + (j + 0.5) * dy;
  const out: number[] = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      // corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
      const c = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const v = c.map(([a, b]) => values[b * nx + a]);
      const cross: number[] = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e], b = v[(e + 1) % 4];
        if ((a >= level) === (b >= level)) continue;
        const t = (level - a) / (b - a);
        const [i0, j0] = c[e];
        const [i1, j1] = c[(e + 1) % 4];
        cross.push(X(i0) + t * (X(i1) - X(i0)), Y(j0) + t * (Y(j1) - Y(j0)));
      }
      // 2 crossings: one segment; 4 (a saddle): pair them in order, an ambiguity invisible at this resolution
      for (let k = 0; k + 3 < cross.length; k += 4) out.push(cross[k], cross[k + 1], cross[k + 2], cross[k + 3]);
    }
  }
  return out;
}

/** level sets at fractions of the grid maximum, as a paths layer of 2-point paths */
export function contourPaths(values: Float32Array, n: number, box: Box, fractions: readonly number[]): Layer | null {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (!(max > 0)) return null;
  const segs = fractions.flatMap((f) => levelSegments(values, n, n, box, f * max));
  if (segs.length === 0) return null;
  return { kind: 'paths', xy: Float32Array.from(segs), nPaths: segs.length / 4, length: 2 };
}
