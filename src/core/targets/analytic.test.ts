import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import type { Target } from './types';
import { ANALYTIC, makeBanana, makeFunnel } from './analytic';
import { DOUBLE_WELL_Z1, makeDoubleWell } from './double-well';
import { integrate } from './quadrature';

// every analytic target of the catalog (a new one gets these checks without an edit here)
const TARGETS: [string, () => Target][] = Object.entries(ANALYTIC);
// integration ranges per target and axis that hold all but a negligible tail
// integration ranges that hold the tails the plot box cuts off; any other target: its box widened to three times
const TAILS: Record<string, [number, number][]> = { banana: [[-14, 14], [-10, 60]], funnel: [[-7, 7], [-40, 40]], 'double-well': [[-4, 4], [-7, 7]] };
const range = (t: Target, axis: 0 | 1): [number, number] => {
  if (TAILS[t.id]) return TAILS[t.id][axis];
  const [lo, hi] = axis === 0 ? [t.box.xmin, t.box.xmax] : [t.box.ymin, t.box.ymax];
  return [2 * lo - hi, 2 * hi - lo];
};
const PTS = [[0, 0], [1.5, -0.7], [-2.2, 1.3], [0.4, 3.1], [-1.7, -0.2], [2.5, 0.9]];

/** Σ exp(logDensity) h_x h_y over a midpoint grid, in chunks of columns so memory stays small */
function gridMass(t: Target, [x0, x1, nx]: number[], [y0, y1, ny]: number[]): number {
  const hx = (x1 - x0) / nx, hy = (y1 - y0) / ny;
  const cols = 60;
  let mass = 0;
  for (let i0 = 0; i0 < nx; i0 += cols) {
    const m = Math.min(cols, nx - i0);
    const g = new Float32Array(2 * m * ny);
    for (let i = 0; i < m; i++) for (let j = 0; j < ny; j++) {
      g[2 * (i * ny + j)] = x0 + (i0 + i + 0.5) * hx;
      g[2 * (i * ny + j) + 1] = y0 + (j + 0.5) * hy;
    }
    mass += tf.tidy(() => tf.sum(tf.exp(t.logDensity!(tf.tensor2d(g, [m * ny, 2])))).dataSync()[0]);
  }
  return mass * hx * hy;
}

describe('analytic targets', () => {
  it.each(TARGETS)('%s: score equals tf.grad and finite differences of logDensity', (_, make) => {
    const t = make();
    const x = tf.tensor2d(PTS);
    const s = t.score!(x, { a: 1, s2: 0 });
    const g = tf.grad((z) => tf.sum(t.logDensity!(z as Tensor2D)))(x);
    const sd = s.dataSync(), gd = g.dataSync();
    sd.forEach((v, i) => expect(v).toBeCloseTo(gd[i], 3));
    const h = 1e-2;
    PTS.forEach(([u, v], i) => {
      const f = (a: number, b: number) => tf.tidy(() => t.logDensity!(tf.tensor2d([[a, b]])).dataSync()[0]);
      const fd = [(f(u + h, v) - f(u - h, v)) / (2 * h), (f(u, v + h) - f(u, v - h)) / (2 * h)];
      fd.forEach((d, k) => expect(Math.abs(sd[2 * i + k] - d)).toBeLessThan(0.02 + 0.01 * Math.abs(d)));
    });
    tf.dispose([x, s, g]);
  });

  it.each(TARGETS)('%s: score refuses noised levels', (_, make) => {
    const x = tf.tensor2d([[0, 0]]);
    expect(() => make().score!(x, { a: 0.9, s2: 0.19 })).toThrow(/only at the clean level/);
    x.dispose();
  });

  it('densities are normalized (grid integral ≈ 1)', () => {
    expect(gridMass(makeBanana(), [-12, 12, 160], [-6, 40, 300])).toBeCloseTo(1, 3);
    expect(gridMass(makeFunnel(), [-6, 6, 160], [-30, 30, 1000])).toBeCloseTo(1, 2);
    expect(gridMass(makeDoubleWell(), [-3, 3, 300], [-6, 6, 80])).toBeCloseTo(1, 3);
    // the x1 constant quoted from DiKL
    expect(integrate((t) => Math.exp(0.5 * t + 6 * t * t - t ** 4), -4, 4, 20000) / DOUBLE_WELL_Z1).toBeCloseTo(1, 6);
  });

  it.each(TARGETS)('%s: marginals integrate to 1 and match the 2D density integrated over the other axis', (_, make) => {
    const t = make();
    const grid = (axis: 0 | 1, n: number) => {
      const [lo, hi] = range(t, axis);
      const h = (hi - lo) / n;
      return { h, xs: Float32Array.from({ length: n }, (_, i) => lo + (i + 0.5) * h) };
    };
    for (const axis of [0, 1] as const) {
      const own = grid(axis, 8000);
      expect(t.marginal!(axis, own.xs).reduce((s, v) => s + v, 0) * own.h).toBeCloseTo(1, 3);
      const { xs, h } = grid(axis === 0 ? 1 : 0, 16000);
      const n = xs.length;
      for (const at of [-1.3, 0.2, 2.1]) {
        const pts = new Float32Array(2 * n);
        xs.forEach((v, i) => { pts[2 * i + axis] = at; pts[2 * i + 1 - axis] = v; });
        const want = tf.tidy(() => tf.sum(tf.exp(t.logDensity!(tf.tensor2d(pts, [n, 2])))).dataSync()[0] * h);
        const got = t.marginal!(axis, Float32Array.of(at))[0];
        expect(Math.abs(got - want)).toBeLessThan(2e-3 + 5e-3 * want);
      }
    }
  });

  it.each(TARGETS)('%s: exact samples follow the marginals (binned) and replay per seed', (_, make) => {
    const t = make();
    const n = 20000;
    const s = t.sample(n, new Rng(11));
    expect(s.shape).toEqual([n, 2]);
    const d = s.dataSync();
    for (const axis of [0, 1] as const) {
      const lo = axis === 0 ? t.box.xmin : t.box.ymin, hi = axis === 0 ? t.box.xmax : t.box.ymax;
      const bins = 24, w = (hi - lo) / bins;
      const counts = new Array(bins).fill(0);
      for (let i = 0; i < n; i++) {
        const b = Math.floor((d[2 * i + axis] - lo) / w);
        if (b >= 0 && b < bins) counts[b]++;
      }
      for (let b = 0; b < bins; b++) {
        const fine = Float32Array.from({ length: 40 }, (_, k) => lo + (b + (k + 0.5) / 40) * w);
        const p = (t.marginal!(axis, fine).reduce((s2, v) => s2 + v, 0) * w) / 40;
        // 5 binomial standard errors, plus a floor for the cached-table interpolation
        expect(Math.abs(counts[b] / n - p)).toBeLessThan(5 * Math.sqrt(p / n) + 2e-3);
      }
    }
    const again = t.sample(50, new Rng(11));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d.slice(0, 100)));
    tf.dispose([s, again]);
  });

  it('does not leak tensors', () => {
    const ts = TARGETS.map(([, make]) => make());
    const x = tf.tensor2d(PTS);
    const rng = new Rng(1);
    const run = () => ts.forEach((t) => {
      t.logDensity!(x).dispose();
      t.score!(x, { a: 1, s2: 0 }).dispose();
      t.sample(10, rng).dispose();
    });
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
