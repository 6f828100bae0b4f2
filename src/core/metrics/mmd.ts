// Squared maximum mean discrepancy between two 2D point sets with a mixture of RBF kernels:
//   k(x, y) = mean_j exp(-|x - y|^2 / (2 (c_j h)^2)),  c_j in `multipliers`,
// where h is the median pairwise distance of the pooled sample (the usual median heuristic) or a
// fixed `scale`. Several bandwidths make the statistic sensitive both to a missing far mode (large
// bandwidths) and to a slightly wrong local shape (small ones), without tuning per target.
//
// Unbiased by default (the U-statistic: diagonal terms dropped, so it can be slightly negative and
// averages to 0 for equal laws); `unbiased: false` gives the V-statistic (always >= 0).
// Sets above maxPoints are subsampled without replacement (O(n^2): 1000 points each is about 2M pairs).
import { Rng } from '../rng';
import { countPoints, subsamplePoints } from './points';

export interface MmdOptions {
  /** U-statistic (default true) or V-statistic */
  unbiased?: boolean;
  /** fixed length scale h instead of the pooled median distance */
  scale?: number;
  /** bandwidth multipliers c_j of h (default 0.25, 0.5, 1, 2, 4) */
  multipliers?: readonly number[];
  /** subsample each set to at most this many points (default 1000) */
  maxPoints?: number;
}

const DEFAULT_MULTIPLIERS = [0.25, 0.5, 1, 2, 4];
/** points of the pooled sample used for the median distance (O(k^2) distances) */
const MEDIAN_POINTS = 400;

/** median pairwise distance within one interleaved set (subsampled to MEDIAN_POINTS points) */
export function medianDistance(xy: Float32Array, rng: Rng): number {
  const p = subsamplePoints(xy, MEDIAN_POINTS, rng);
  const n = p.length / 2;
  if (n < 2) return 0;
  const d = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) d[k++] = Math.hypot(p[2 * i] - p[2 * j], p[2 * i + 1] - p[2 * j + 1]);
  }
  d.sort();
  return d.length % 2 ? d[(d.length - 1) / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
}

/** mean over bandwidths of exp(-gamma r2) */
function kernel(r2: number, gammas: Float64Array, squarings: boolean): number {
  // the default bandwidths 0.25h..4h are powers of 2 apart, so their gammas are powers of 4 apart: with
  // e = exp(-gamma_min r2) the others are e^4, e^16, e^64, e^256 (squarings; relative error < 1e-13).
  // One exp instead of five: the MMD was most of a metrics pass (29 of ~50 ms at 500 points a side).
  if (squarings) {
    const e = Math.exp(-gammas[4] * r2);
    const e4 = e * e * (e * e);
    const e16 = e4 * e4 * (e4 * e4);
    const e64 = e16 * e16 * (e16 * e16);
    const e256 = e64 * e64 * (e64 * e64);
    return (e + e4 + e16 + e64 + e256) / 5;
  }
  let k = 0;
  for (let g = 0; g < gammas.length; g++) k += Math.exp(-gammas[g] * r2);
  return k / gammas.length;
}

/** sum of k(x_i, y_j) over all pairs */
function crossSum(x: Float32Array, y: Float32Array, gammas: Float64Array, squarings: boolean): number {
  let acc = 0;
  for (let i = 0; i < x.length; i += 2) {
    for (let j = 0; j < y.length; j += 2) acc += kernel((x[i] - y[j]) ** 2 + (x[i + 1] - y[j + 1]) ** 2, gammas, squarings);
  }
  return acc;
}

/** sum of k(x_i, x_j) over i != j (symmetric: each pair once, doubled); the diagonal adds n (k(x, x) = 1) */
function offDiagonalSum(x: Float32Array, gammas: Float64Array, squarings: boolean): number {
  let acc = 0;
  for (let i = 0; i < x.length; i += 2) {
    for (let j = i + 2; j < x.length; j += 2) acc += kernel((x[i] - x[j]) ** 2 + (x[i + 1] - x[j + 1]) ** 2, gammas, squarings);
  }
  return 2 * acc;
}

/** MMD^2 between interleaved x,y sets a and b (each needs >= 2 points for the unbiased form) */
export function mmd2(a: Float32Array, b: Float32Array, rng: Rng = new Rng(0), opts: MmdOptions = {}): number {
  countPoints('mmd2', a);
  countPoints('mmd2', b);
  const unbiased = opts.unbiased ?? true;
  const multipliers = opts.multipliers ?? DEFAULT_MULTIPLIERS;
  const maxPoints = opts.maxPoints ?? 1000;
  if (multipliers.length === 0 || multipliers.some((c) => !(c > 0))) {
    throw new Error(`mmd2: multipliers must be positive numbers, got [${multipliers}]`);
  }
  const x = subsamplePoints(a, maxPoints, rng);
  const y = subsamplePoints(b, maxPoints, rng);
  const n = x.length / 2;
  const m = y.length / 2;
  if (unbiased && (n < 2 || m < 2)) throw new Error('mmd2: the unbiased estimate needs at least 2 points per set');

  let h = opts.scale;
  if (h === undefined) {
    const pooled = new Float32Array(x.length + y.length);
    pooled.set(x);
    pooled.set(y, x.length);
    h = medianDistance(pooled, rng);
    if (!(h > 0) || !Number.isFinite(h)) h = 1; // all points equal (or non-finite): any scale gives the same 0
  } else if (!(h > 0) || !Number.isFinite(h)) {
    throw new Error(`mmd2: scale must be a positive number, got ${h}`);
  }
  const gammas = Float64Array.from(multipliers, (c) => 1 / (2 * (c * h!) ** 2));
  const sq = multipliers === DEFAULT_MULTIPLIERS;

  const kxy = crossSum(x, y, gammas, sq) / (n * m);
  const sxx = offDiagonalSum(x, gammas, sq);
  const syy = offDiagonalSum(y, gammas, sq);
  if (unbiased) return sxx / (n * (n - 1)) + syy / (m * (m - 1)) - 2 * kxy;
  return (sxx + n) / (n * n) + (syy + m) / (m * m) - 2 * kxy;
}
