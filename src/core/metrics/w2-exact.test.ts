import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { AssignmentSolver, minCostAssignment, squaredCosts, w2Exact, w2ExactSubsampled } from './w2-exact';
import { gaussPoints, shifted } from './test-points';

/** all permutations of 0..n-1 (Heap's algorithm) */
function permutations(n: number): number[][] {
  const out: number[][] = [];
  const p = Array.from({ length: n }, (_, i) => i);
  const c = new Array(n).fill(0);
  out.push(p.slice());
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 ? c[i] : 0;
      [p[j], p[i]] = [p[i], p[j]];
      out.push(p.slice());
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

function bruteW2(a: Float32Array, b: Float32Array): number {
  const n = a.length / 2;
  let best = Infinity;
  for (const p of permutations(n)) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[2 * i] - b[2 * p[i]]) ** 2 + (a[2 * i + 1] - b[2 * p[i] + 1]) ** 2;
    best = Math.min(best, s);
  }
  return Math.sqrt(best / n);
}

describe('w2Exact', () => {
  it('equals brute force over all permutations on small sets', () => {
    const rng = new Rng(4);
    for (const n of [1, 2, 3, 5, 6, 7]) {
      for (let rep = 0; rep < 4; rep++) {
        const a = gaussPoints(n, rng);
        const b = gaussPoints(n, rng, [0.5, 0], 1.5, 0.7);
        expect(w2Exact(a, b)).toBeCloseTo(bruteW2(a, b), 5);
      }
    }
  });

  it('solved in slices of rows, gives the one-shot optimum', () => {
    const rng = new Rng(9);
    const a = gaussPoints(120, rng);
    const b = gaussPoints(120, rng, [1, 0], 2, 0.5);
    const whole = minCostAssignment(squaredCosts(a, b), 120);
    const s = new AssignmentSolver(squaredCosts(a, b), 120);
    let calls = 0;
    while (!s.advance(((k) => () => ++k >= 7)(0))) calls++;
    expect(calls).toBe(17); // 120 rows, 7 per slice
    expect(Array.from(s.match())).toEqual(Array.from(whole));
    expect(Math.sqrt(s.meanCost())).toBeCloseTo(w2Exact(a, b), 12);
  });

  it('finds the optimal assignment of a general cost matrix', () => {
    // rows prefer the same column; the optimum must trade off: 1 + 2 + 2 = 5 (match [0,2,1] etc.)
    const cost = Float64Array.from([1, 2, 3, 2, 4, 2, 3, 2, 4]);
    const m = minCostAssignment(cost, 3);
    expect(new Set(m).size).toBe(3);
    expect(m.reduce((s, j, i) => s + cost[i * 3 + j], 0)).toBe(5);
  });

  it('is |d| for a shift, 0 for a permuted copy, and handles 300 points', () => {
    const a = gaussPoints(300, new Rng(1));
    expect(w2Exact(a, shifted(a, 0, -2))).toBeCloseTo(2, 5);
    const rev = new Float32Array(a.length);
    for (let i = 0; i < 300; i++) rev.set(a.subarray(2 * (299 - i), 2 * (300 - i)), 2 * i);
    expect(w2Exact(a, rev)).toBe(0);
  });

  it('subsamples unequal sets and rejects bad input', () => {
    const a = gaussPoints(400, new Rng(1));
    const b = shifted(gaussPoints(150, new Rng(2)), 5, 0);
    expect(w2ExactSubsampled(a, b, new Rng(3))).toBeGreaterThan(4);
    expect(() => w2Exact(a, b)).toThrow(/equal sizes/);
    expect(w2Exact(Float32Array.of(NaN, 0), Float32Array.of(0, 0))).toBeNaN();
  });
});
