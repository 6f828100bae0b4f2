// Exact W2 between two equal-size 2D point sets: the optimal one-to-one matching under squared
// Euclidean cost (for uniform weights and equal sizes an optimal plan is a permutation, Birkhoff),
// found with the Hungarian algorithm in its O(n^3) shortest-augmenting-path form with potentials.
// Meant for n <= ~300 (300 points: ~30M inner steps, a few tens of ms); used to check slicedW2 and by
// labs that report an exact W2 on subsamples (DiKL evaluates W2 exactly on subsamples as well).
import type { Rng } from '../rng';
import { countPoints, subsamplePoints } from './points';

/** largest n accepted: the cubic cost beyond this would stall a frame for seconds */
export const W2_EXACT_MAX = 1000;

/**
 * Minimum-cost perfect matching for an n x n cost matrix (row-major). Returns match[i] = column of row i.
 * Potentials u (rows), v (columns) keep reduced costs >= 0; each row is added by a Dijkstra-like search
 * for the cheapest augmenting path (the classic e-maxx formulation, 1-based with a virtual column 0).
 */
export function minCostAssignment(cost: Float64Array, n: number): Int32Array {
  if (cost.length !== n * n) throw new Error(`minCostAssignment: cost has ${cost.length} entries, expected ${n * n}`);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1); // p[j] = row matched to column j (0 = none)
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      const row = (i0 - 1) * n;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[row + j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const match = new Int32Array(n);
  for (let j = 1; j <= n; j++) match[p[j] - 1] = j - 1;
  return match;
}

/** exact W2 = sqrt(min over permutations of the mean squared distance) between equal-size interleaved sets */
export function w2Exact(a: Float32Array, b: Float32Array): number {
  const n = countPoints('w2Exact', a);
  const m = countPoints('w2Exact', b);
  if (n !== m) throw new Error(`w2Exact: sets must have equal sizes, got ${n} and ${m} (subsample with w2ExactSubsampled)`);
  if (n > W2_EXACT_MAX) throw new Error(`w2Exact: ${n} points is too many for the O(n^3) solver (max ${W2_EXACT_MAX})`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) return NaN;
  }
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) cost[i * n + j] = (a[2 * i] - b[2 * j]) ** 2 + (a[2 * i + 1] - b[2 * j + 1]) ** 2;
  }
  const match = minCostAssignment(cost, n);
  let acc = 0;
  for (let i = 0; i < n; i++) acc += cost[i * n + match[i]];
  return Math.sqrt(acc / n);
}

/** exact W2 on random subsamples of min(n, |a|, |b|) points from each set (default n = 300) */
export function w2ExactSubsampled(a: Float32Array, b: Float32Array, rng: Rng, n = 300): number {
  const k = Math.min(n, countPoints('w2Exact', a), countPoints('w2Exact', b));
  return w2Exact(subsamplePoints(a, k, rng), subsamplePoints(b, k, rng));
}
