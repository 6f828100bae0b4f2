// Plane layers shared by both modes: the exact (noised) density, the mismatch arrows, the measurement line,
// and copies of cached layers (every frame's arrays are transferred to the UI thread).
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { gmmLogProb } from '../../core/gmm';
import type { Box, Mixture, NoiseLevel } from '../../core/types';
import type { Layer } from '../../protocol/snapshot';
import { scalarGrid, vectorGrid } from '../common/grid';

export const HEAT_N = 96;
export const FIELD_N = 19;

export function densityLayer(mix: Mixture, level: NoiseLevel, box: Box): Promise<Layer> {
  return scalarGrid(box, HEAT_N, (x) => gmmLogProb(x, mix, level), true);
}

/** arrows of Δ(x) = approx(x) − exact(x) */
export function deltaLayer(box: Box, approx: (x: Tensor2D) => Tensor2D, exact: (x: Tensor2D) => Tensor2D): Promise<Layer> {
  return vectorGrid(box, FIELD_N, (x) => tf.sub(approx(x), exact(x)) as Tensor2D);
}

/** the set {x : A x = y} for one row (a line across the box), or a small cross at y for A = I */
export function measurementLayer(A: number[][], y: number[], box: Box): Layer {
  if (A.length === 2) {
    const r = 0.03 * (box.xmax - box.xmin);
    return { kind: 'paths', xy: Float32Array.from([y[0] - r, y[1] - r, y[0] + r, y[1] + r, y[0] - r, y[1] + r, y[0] + r, y[1] - r]), nPaths: 2, length: 2 };
  }
  const [c, s] = A[0];
  const L = 2 * Math.max(box.xmax - box.xmin, box.ymax - box.ymin);
  const p0 = [c * y[0], s * y[0]]; // the point of the line closest to the origin
  return { kind: 'paths', xy: Float32Array.from([p0[0] - s * L, p0[1] + c * L, p0[0] + s * L, p0[1] - c * L]), nPaths: 1, length: 2 };
}

const OUTLINE_PTS = 33;

/** 2σ ellipses of a mixture's components (closed polylines): the mixture the handles are not editing */
export function mixtureOutline(mix: Mixture): Layer {
  const xy = new Float32Array(mix.length * OUTLINE_PTS * 2);
  mix.forEach((c, k) => {
    // Cholesky of [[a, b], [b, d]]: the ellipse is mean + 2 L (cos θ, sin θ)
    const [a, b, d] = c.cov;
    const l11 = Math.sqrt(Math.max(a, 0));
    const l21 = l11 > 0 ? b / l11 : 0;
    const l22 = Math.sqrt(Math.max(d - l21 * l21, 0));
    for (let i = 0; i < OUTLINE_PTS; i++) {
      const th = (2 * Math.PI * i) / (OUTLINE_PTS - 1);
      const u = 2 * Math.cos(th), v = 2 * Math.sin(th);
      const o = 2 * (k * OUTLINE_PTS + i);
      xy[o] = c.mean[0] + l11 * u;
      xy[o + 1] = c.mean[1] + l21 * u + l22 * v;
    }
  });
  return { kind: 'paths', xy, nPaths: mix.length, length: OUTLINE_PTS };
}

/** sample rows of a [N,2] tensor as a plain copy */
export async function readPoints(x: Tensor2D): Promise<Float32Array> {
  return new Float32Array(await x.data());
}
