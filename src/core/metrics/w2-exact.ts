// Exact W2 between two equal-size 2D point sets: the optimal one-to-one matching under squared
// Euclidean cost (for uniform weights and equal sizes an optimal plan is a permutation, Birkhoff),
// found with the Hungarian algorithm in its O(n^3) shortest-augmenting-path form with potentials.
// One call is meant for n <= ~300 (300 points: a few tens of ms); used to check slicedW2 and by labs
// that report an exact W2 on subsamples. AssignmentSolver solves larger sets (2 000 points: ~2 s) in
// slices, for DiKL's own evaluation.
import type { Rng } from '../rng';
import { countPoints, subsamplePoints } from './points';

/** largest n accepted in one call: the cubic cost beyond this would stall a frame for seconds (larger
 * sets go through AssignmentSolver in slices, as DiKL's paper evaluation does) */
export const W2_EXACT_MAX = 1000;

/**
 * Minimum-cost perfect matching for an n x n cost matrix (row-major), one row at a time, so a long
 * solve (2 000 points: seconds) can be spread over many short slices of a worker's step loop.
 * Potentials u (rows), v (columns) keep reduced costs >= 0; each row is added by a Dijkstra-like search
 * for the cheapest augmenting path (the classic e-maxx formulation, 1-based with a virtual column 0).
 */
export class AssignmentSolver {
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly p: Int32Array; // p[j] = row matched to column j (0 = none)
  private readonly way: Int32Array;
  private readonly minv: Float64Array;
  private readonly used: Uint8Array;
  private next = 1;

  constructor(private readonly cost: Float64Array, private readonly n: number) {
    if (cost.length !== n * n) throw new Error(`minCostAssignment: cost has ${cost.length} entries, expected ${n * n}`);
    this.u = new Float64Array(n + 1);
    this.v = new Float64Array(n + 1);
    this.p = new Int32Array(n + 1);
    this.way = new Int32Array(n + 1);
    this.minv = new Float64Array(n + 1);
    this.used = new Uint8Array(n + 1);
  }

  get done(): boolean {
    return this.next > this.n;
  }

  /** rows added so far, of n */
  get progress(): number {
    return this.next - 1;
  }

  /** adds rows until all are matched or `until()` says stop (checked after each row); returns done */
  advance(until: () => boolean = () => false): boolean {
    const { cost, n, u, v, p, way, minv, used } = this;
    for (; this.next <= n; ) {
      const i = this.next++;
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
      if (until()) break;
    }
    return this.done;
  }

  /** match[i] = column of row i (once done) */
  match(): Int32Array {
    if (!this.done) throw new Error('AssignmentSolver: not finished');
    const match = new Int32Array(this.n);
    for (let j = 1; j <= this.n; j++) match[this.p[j] - 1] = j - 1;
    return match;
  }

  /** the optimal mean cost (W2² for squared distances), once done */
  meanCost(): number {
    const m = this.match();
    let acc = 0;
    for (let i = 0; i < this.n; i++) acc += this.cost[i * this.n + m[i]];
    return acc / this.n;
  }
}

/** Minimum-cost perfect matching for an n x n cost matrix (row-major). Returns match[i] = column of row i. */
export function minCostAssignment(cost: Float64Array, n: number): Int32Array {
  const s = new AssignmentSolver(cost, n);
  s.advance();
  return s.match();
}

/** squared Euclidean costs between equal-size interleaved 2D sets (row i: a's point i) */
export function squaredCosts(a: Float32Array, b: Float32Array): Float64Array {
  const n = a.length / 2;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ax = a[2 * i];
    const ay = a[2 * i + 1];
    for (let j = 0; j < n; j++) cost[i * n + j] = (ax - b[2 * j]) ** 2 + (ay - b[2 * j + 1]) ** 2;
  }
  return cost;
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
  const s = new AssignmentSolver(squaredCosts(a, b), n);
  s.advance();
  return Math.sqrt(s.meanCost());
}

/** exact W2 on random subsamples of min(n, |a|, |b|) points from each set (default n = 300) */
export function w2ExactSubsampled(a: Float32Array, b: Float32Array, rng: Rng, n = 300): number {
  const k = Math.min(n, countPoints('w2Exact', a), countPoints('w2Exact', b));
  return w2Exact(subsamplePoints(a, k, rng), subsamplePoints(b, k, rng));
}
