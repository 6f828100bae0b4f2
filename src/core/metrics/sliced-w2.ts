// Sliced Wasserstein-2 between two 2D point sets: the root mean square over directions of the 1D W2
// between the projected sets. Cheap (sorts only), so the UI can show it every frame.
//
// Directions: nProj angles equally spaced on [0, pi) with one random offset (a randomly rotated
// "comb"). Every angle is still uniform on the circle, so the estimate is unbiased for the mean over
// uniform directions, but its variance is far smaller than with independent angles (for a pure shift
// by d it is exactly d^2/2 for any nProj >= 2). Angles in [pi, 2pi) would repeat those in [0, pi),
// since the 1D W2 is unchanged by flipping the projection axis.
//
// Unequal sizes: the 1D W2 between empirical measures is the L2 distance of their quantile functions,
// which are step functions with breaks at i/n and j/m; w2Squared1d integrates it exactly by merging
// the breaks (no interpolation error).
import type { Rng } from '../rng';
import { countPoints } from './points';

/** exact W2^2 between two sorted 1D samples (uniform weights), possibly of different sizes */
export function w2Squared1d(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new Error('w2Squared1d: empty sample');
  // quantile level after element i of a is (i+1)/n = (i+1)m/(nm): compare integers, no rounding
  let i = 0;
  let j = 0;
  let prev = 0;
  let acc = 0;
  while (i < n && j < m) {
    const ta = (i + 1) * m;
    const tb = (j + 1) * n;
    const t = Math.min(ta, tb);
    const d = a[i] - b[j];
    acc += (t - prev) * d * d;
    prev = t;
    if (ta === t) i++;
    if (tb === t) j++;
  }
  return acc / (n * m);
}

function project(xy: Float32Array, c: number, s: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = c * xy[2 * i] + s * xy[2 * i + 1];
  return out.sort();
}

/** sliced W2 = sqrt(mean over nProj directions of the 1D W2^2); a and b are interleaved x,y */
export function slicedW2(a: Float32Array, b: Float32Array, rng: Rng, nProj = 64): number {
  const n = countPoints('slicedW2', a);
  const m = countPoints('slicedW2', b);
  if (!Number.isInteger(nProj) || nProj < 1) throw new Error(`slicedW2: nProj must be a positive integer, got ${nProj}`);
  const pa = new Float64Array(n);
  const pb = new Float64Array(m);
  const offset = rng.uniform();
  let acc = 0;
  for (let k = 0; k < nProj; k++) {
    const th = (Math.PI * (k + offset)) / nProj;
    const c = Math.cos(th);
    const s = Math.sin(th);
    acc += w2Squared1d(project(a, c, s, pa), project(b, c, s, pb));
  }
  return Math.sqrt(acc / nProj);
}
