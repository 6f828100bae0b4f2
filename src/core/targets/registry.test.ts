import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { TARGET_IDS, type TargetId, type TargetOptions } from './types';
import { makeTarget } from './registry';
import { TARGETS, targetOffers } from './catalog';

const OPTS: Partial<Record<TargetId, TargetOptions>> = {
  custom: { components: [{ w: 1, mean: [0, 0], cov: [1, 0.2, 0.5] }] },
  drawn: { points: Float32Array.of(0, 0, 1, 1, -1, 2) },
};

describe('target registry', () => {
  it.each(TARGET_IDS)('%s: builds, and its kind decides which fields exist', (id) => {
    const t = makeTarget(id, OPTS[id]);
    expect(t.id).toBe(id);
    expect(t.kind).toBe(TARGETS[id].family);
    expect(t.label).toBe(TARGETS[id].name);
    // what the catalog says a family offers (the lab's score plan reads it without building a target)
    const offers = targetOffers(t.kind);
    expect(typeof t.logDensity === 'function').toBe(offers.density);
    expect(typeof t.score === 'function').toBe(offers.score);
    expect(t.exactNoisedScore).toBe(offers.noisedScore);
    expect(t.box.xmax).toBeGreaterThan(t.box.xmin);
    expect(t.box.ymax).toBeGreaterThan(t.box.ymin);
    if (t.kind === 'dataset') {
      expect(t.logDensity ?? t.score).toBeUndefined();
    } else {
      expect(t.normalized).toBe(true);
      expect(typeof t.logDensity).toBe('function');
      expect(typeof t.score).toBe('function');
      expect(typeof t.marginal).toBe('function');
      expect(t.exactNoisedScore).toBe(t.kind === 'mixture');
      expect(t.mixture !== undefined).toBe(t.kind === 'mixture');
    }
    const s = t.sample(500, new Rng(1));
    expect(s.shape).toEqual([500, 2]);
    const pts = Array.from(s.dataSync());
    expect(pts.every(Number.isFinite)).toBe(true);
    // a seed replays (shared links reproduce), and the points fall in the box the plots show
    const again = t.sample(500, new Rng(1));
    expect(Array.from(again.dataSync())).toEqual(pts);
    const inBox = pts.filter((v, k) => (k % 2 === 0 ? v >= t.box.xmin && v <= t.box.xmax : v >= t.box.ymin && v <= t.box.ymax)).length / pts.length;
    expect(inBox).toBeGreaterThan(0.97);
    tf.dispose([s, again]);
  });

  // What every target with a density must satisfy, so a new mixture or analytic target is checked by its
  // catalog entry alone (docs/lab-guide.md): its own test file is for what is special about it.
  it.each(TARGET_IDS.filter((id) => TARGETS[id].family !== 'dataset'))('%s: normalized with its mass in the box, samples follow the density, score = ∇ log density', (id) => {
    const t = makeTarget(id, OPTS[id]);
    const n = 300;
    const { xmin, xmax, ymin, ymax } = t.box;
    const hx = (xmax - xmin) / n, hy = (ymax - ymin) / n;
    const g = new Float32Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      g[2 * (i * n + j)] = xmin + (i + 0.5) * hx;
      g[2 * (i * n + j) + 1] = ymin + (j + 0.5) * hy;
    }
    const w = tf.tidy(() => tf.exp(t.logDensity!(tf.tensor2d(g, [n * n, 2]))).dataSync());
    // the density's mass and first two moments on the grid (over the box)
    const M = [0, 0, 0, 0, 0];
    w.forEach((v, k) => {
      const [u, z] = [g[2 * k], g[2 * k + 1]];
      M[0] += v; M[1] += v * u; M[2] += v * z; M[3] += v * u * u; M[4] += v * z * z;
    });
    const mass = M[0] * hx * hy;
    // a normalized density whose box holds nearly all of it (the plots and the marginals assume both)
    expect(mass).toBeGreaterThan(0.97);
    expect(mass).toBeLessThan(1.005);
    const N = 4000;
    const xs = t.sample(N, new Rng(7));
    const d = xs.dataSync();
    const S = [0, 0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      const [u, z] = [d[2 * i], d[2 * i + 1]];
      if (u >= xmin && u <= xmax && z >= ymin && z <= ymax) {
        S[0]++; S[1] += u; S[2] += z; S[3] += u * u; S[4] += z * z;
      }
    }
    expect(Math.abs(S[0] / N - mass)).toBeLessThan(0.02);
    // the samples' mean and variance inside the box against the density's: 5 standard errors for the mean,
    // 15% for the variance (N = 4000: its standard error is about 2-4% for these shapes)
    for (const axis of [0, 1]) {
      const mean = M[1 + axis] / M[0], v = M[3 + axis] / M[0] - mean * mean;
      const sm = S[1 + axis] / S[0], sv = S[3 + axis] / S[0] - sm * sm;
      expect(Math.abs(sm - mean), `${id} axis ${axis} mean`).toBeLessThan(5 * Math.sqrt(v / S[0]));
      expect(Math.abs(sv - v), `${id} axis ${axis} variance`).toBeLessThan(0.15 * v);
    }
    // the score the samplers use is the gradient of the log density (clean level), at points where the mass is
    const x = tf.slice(xs, [0, 0], [64, 2]);
    const sc = t.score!(x, { a: 1, s2: 0 });
    const grad = tf.grad((z) => tf.sum(t.logDensity!(z as typeof x)))(x);
    const a = sc.dataSync(), b = grad.dataSync();
    a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThan(1e-3 * (1 + Math.abs(b[k]))));
    tf.dispose([xs, x, sc, grad]);
  });

  it('names every id and refuses unknown ones', () => {
    expect(Object.keys(TARGETS)).toEqual([...TARGET_IDS]);
    expect(() => makeTarget('nope' as TargetId)).toThrow(/unknown target 'nope'.*mog40/);
  });

  it('a full create/sample/score cycle over all targets leaks no tensors', () => {
    const x = tf.tensor2d([[0.1, 0.2], [1, -1]]);
    const cycle = () => TARGET_IDS.forEach((id) => {
      const t = makeTarget(id, OPTS[id]);
      t.sample(5, new Rng(2)).dispose();
      t.logDensity?.(x).dispose();
      t.score?.(x, { a: 1, s2: 0 }).dispose();
    });
    cycle();
    const before = tf.memory().numTensors;
    cycle();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
