// The range-preserving line prior against the foundation's GMM closed forms (singular covariances) and
// autodiff; foundation targets as data: the mixture prior's VJP against autodiff, data sets refused.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmScore, gmmTweedie } from '../gmm';
import { levelAt, makeSchedule } from '../schedules';
import { linePrior } from './jacobian-vec';
import { exactPrior, lineComponents, lineMixture, makeData } from './priors';

const rows = (n: number, scale: number, rng: Rng) =>
  tf.tensor2d(Float32Array.from({ length: 2 * n }, () => scale * rng.normal()), [n, 2]) as Tensor2D;
const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((r, i) => r.map((v, d) => Math.abs(v - b[i][d]) / Math.max(1, Math.abs(b[i][d])))));

describe('line prior in range-preserving form', () => {
  it('x̂0 and the score equal the GMM closed forms; outputs are exact multiples of v', () => {
    const rng = new Rng(3);
    const sched = makeSchedule('cosine', 200);
    for (const id of ['line', 'line2'] as const) {
      const phi = 1.1;
      const v: [number, number] = [Math.cos(phi), Math.sin(phi)];
      const prior = linePrior(lineComponents(id), v);
      const mix = lineMixture(id, phi);
      for (const t of [5, 60, 190]) {
        const lv = levelAt(sched, t);
        const x = rows(10, 2, rng);
        const g = rows(10, 1, rng);
        const [m, mRef, s, sRef, vjp] = tf.tidy(() => [prior.tweedie(x, lv), gmmTweedie(x, mix, lv), prior.score(x, lv), gmmScore(x, mix, lv), prior.tweedieVjp(x, lv, g)]
          .map((a) => a.arraySync() as number[][]));
        expect(maxDiff(m, mRef)).toBeLessThan(2e-4);
        expect(maxDiff(s, sRef)).toBeLessThan(2e-3);
        // off-line component: one rounding of v's coordinates, relative to the size
        for (const r of [...m, ...vjp]) expect(Math.abs(-v[1] * r[0] + v[0] * r[1])).toBeLessThan(3e-7 * Math.max(1e-3, Math.hypot(r[0], r[1])));
        tf.dispose([x, g]);
      }
    }
    expect(() => linePrior([{ w: 1, mu: 0, var: 0 }], [1, 0])).toThrow(/variance > 0/);
  });
});

describe('foundation targets as data', () => {
  it('mixture targets: exact prior whose VJP equals autodiff of gmmTweedie; no off-subspace metric', () => {
    const rng = new Rng(4);
    const sched = makeSchedule('cosine', 100);
    for (const id of ['hexagon', 'two-modes'] as const) {
      const data = makeData(id, 0);
      expect(data.offSupport).toBeUndefined();
      const prior = exactPrior(data);
      for (const t of [10, 70]) {
        const lv = levelAt(sched, t);
        const x = rows(8, 3, rng);
        const g = rows(8, 1, rng);
        const closed = prior.tweedieVjp(x, lv, g).arraySync() as number[][];
        const auto = tf.tidy(() => tf.grad((xx) => tf.sum(tf.mul(gmmTweedie(xx as Tensor2D, data.mixture!, lv), g)))(x)).arraySync() as number[][];
        expect(maxDiff(closed, auto)).toBeLessThan(1e-3);
        tf.dispose([x, g]);
      }
    }
  });
  it('custom takes its components; data sets need the learned prior; unknown ids are named', () => {
    const data = makeData('custom', 0, { components: [{ w: 1, mean: [1, 2], cov: [0.3, 0, 0.3] }] });
    expect(data.mixture![0].mean).toEqual([1, 2]);
    expect(() => makeData('custom', 0)).toThrow(/component/);
    const moons = makeData('moons', 0);
    expect(moons.mixture).toBeUndefined();
    expect(() => exactPrior(moons)).toThrow(/learned prior/);
    expect(makeData('mog40', 0).mixture).toHaveLength(40); // every foundation mixture, MoG-40 included
    expect(() => makeData('nowhere' as never, 0)).toThrow(/known: line/);
  });
});
