import { describe, expect, it } from 'vitest';
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { Rng } from '../../rng';
import type { Target } from '../types';
import { makeTarget } from '../registry';
import { buildFormulaTarget, FormulaTargetError, makeFormulaTarget, type FormulaSpec } from './target';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_SPEC } from './spec';

const RING: FormulaSpec = { text: DEFAULT_FORMULA, params: [], sign: 1 };

/** ∫∫ exp(logDensity) over the target's box, by the midpoint rule on an n × n grid (tfjs, float32) */
function boxMass(t: Target, n = 300): number {
  const { xmin, xmax, ymin, ymax } = t.box;
  const hx = (xmax - xmin) / n, hy = (ymax - ymin) / n;
  const g = new Float32Array(2 * n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    g[2 * (i * n + j)] = xmin + (i + 0.5) * hx;
    g[2 * (i * n + j) + 1] = ymin + (j + 0.5) * hy;
  }
  return tf.tidy(() => tf.sum(tf.exp(t.logDensity!(tf.tensor2d(g, [n * n, 2])))).dataSync()[0]) * hx * hy;
}

const PTS = [[2, 0.1], [-1.3, 1.5], [0.4, -1.9], [1.6, 1.1]];

describe('makeFormulaTarget', () => {
  it('the ring: an analytic target, normalized on its box', () => {
    const t = makeFormulaTarget(RING);
    expect(t).toMatchObject({ id: 'formula', label: 'Your formula', kind: 'analytic', normalized: true, exactNoisedScore: false });
    expect(t.box.xmax).toBeLessThan(6);
    expect(t.box.xmax).toBeGreaterThan(2.6);
    expect(boxMass(t)).toBeCloseTo(1, 3);
  });

  it('score = the finite-difference gradient of logDensity, at the clean level only', () => {
    const t = makeFormulaTarget(RING);
    const x = tf.tensor2d(PTS);
    const s = t.score!(x, { a: 1, s2: 0 });
    const sd = s.dataSync();
    const f = (u: number, v: number) => tf.tidy(() => t.logDensity!(tf.tensor2d([[u, v]])).dataSync()[0]);
    const h = 1e-2;
    PTS.forEach(([u, v], i) => {
      const fd = [(f(u + h, v) - f(u - h, v)) / (2 * h), (f(u, v + h) - f(u, v - h)) / (2 * h)];
      fd.forEach((d, k) => expect(Math.abs(sd[2 * i + k] - d)).toBeLessThan(0.02 + 0.01 * Math.abs(d)));
    });
    expect(() => t.score!(x, { a: 0.9, s2: 0.19 })).toThrow(/target 'formula' has an exact score only at the clean level/);
    tf.dispose([x, s]);
  });

  it('samples: the count asked for, in the box, the same per seed', () => {
    const t = makeFormulaTarget(RING);
    const s = t.sample(5000, new Rng(3));
    expect(s.shape).toEqual([5000, 2]);
    const d = s.dataSync();
    // on the ring: radius about N(2, 0.125²)
    let r = 0;
    for (let i = 0; i < 5000; i++) r += Math.hypot(d[2 * i], d[2 * i + 1]) / 5000;
    expect(r).toBeCloseTo(2, 1);
    const again = t.sample(10, new Rng(3));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d.slice(0, 20)));
    expect(() => t.sample(1.5, new Rng(1))).toThrow(/non-negative integer/);
    tf.dispose([s, again]);
  });

  it('an energy with sign -1 is the same target as its negation with sign 1', () => {
    const lp = makeFormulaTarget(RING);
    const en = makeFormulaTarget({ text: '((x^2 + y^2 - 4)^2) / 0.5', params: [], sign: -1 });
    expect(en.box).toEqual(lp.box);
    const x = tf.tensor2d(PTS);
    const [a, b] = [lp.logDensity!(x), en.logDensity!(x)];
    Array.from(b.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(a.dataSync()[i], 4));
    const [sa, sb] = [lp.score!(x, { a: 1, s2: 0 }), en.score!(x, { a: 1, s2: 0 })];
    expect(Array.from(sb.dataSync())).toEqual(Array.from(sa.dataSync()));
    const [xa, xb] = [lp.sample(50, new Rng(9)), en.sample(50, new Rng(9))];
    expect(Array.from(xb.dataSync())).toEqual(Array.from(xa.dataSync()));
    tf.dispose([x, a, b, sa, sb, xa, xb]);
  });

  it('parameters and a given box', () => {
    const spec: FormulaSpec = { text: '-a*(x^2 + y^2)/2', params: [{ name: 'a', value: 4, min: 0.1, max: 10 }], sign: 1, box: { xmin: -3, xmax: 3, ymin: -3, ymax: 3 } };
    const b = buildFormulaTarget(spec);
    expect(b.box).toEqual(spec.box);
    expect(b.truth.logZ).toBeCloseTo(Math.log((2 * Math.PI) / 4), 6);
    expect(b.warnings).toEqual([]);
    const x = tf.tensor2d([[0, 0]]);
    const v = b.target.logDensity!(x);
    expect(v.dataSync()[0]).toBeCloseTo(-Math.log((2 * Math.PI) / 4), 4);
    tf.dispose([x, v]);
    // a box that cuts off a little: built, with a warning to show
    const tight = buildFormulaTarget({ text: '-(x^2 + y^2)/2', params: [], sign: 1, box: { xmin: -2.8, xmax: 2.8, ymin: -2.8, ymax: 2.8 } });
    expect(tight.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/of the mass is at the box's edge/)]);
  });

  it('a bad formula, parameter or density throws the user-facing message', () => {
    const bad = (text: string, extra: Partial<FormulaSpec> = {}) => () => makeFormulaTarget({ text, params: [], sign: 1, ...extra });
    expect(bad('2x')).toThrow(/^expected an operator before 'x' at column 2/);
    expect(bad('exp(x')).toThrow(/expected '\)' to close the '\(' of exp at column 4/);
    expect(bad('sin(x, y)')).toThrow(/sin takes 1 argument, got 2 \(column 1\)/);
    expect(bad('a*x')).toThrow(/unknown name 'a'/);
    expect(bad('x + y')).toThrow(/does not decay/);
    expect(bad('x + y', { box: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 } })).toThrow(/of its mass at the box's edge/);
    expect(bad('log(x) - y^2')).toThrow(/log p is NaN at \(/);
    expect(bad('sqrt(x) + y^2', { sign: -1 })).toThrow(/^E is NaN at \(/);
    expect(bad('log(x) - y^2', { sign: -1 })).toThrow(/^E is −∞ at \(0, 0\)/);
    expect(bad('3')).toThrow(/flat/);
    expect(bad('log(exp(100 - x^2 - y^2))')).toThrow(/overflows float32/);
    expect(bad('-x^2 - y^2', { params: [{ name: 'pi', value: 1, min: 0, max: 2 }] })).toThrow(/parameter 'pi': 'pi' is the constant/);
    expect(bad('-x^2 - y^2', { params: [{ name: 'a', value: NaN, min: 0, max: 2 }] })).toThrow(/finite value/);
    try {
      makeFormulaTarget({ text: 'x + * y', params: [], sign: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormulaTargetError);
      expect((e as FormulaTargetError).formulaError).toMatchObject({ start: 4, end: 5 });
    }
  });

  it('the registry builds it from the options, or the default ring without', () => {
    const mine = makeTarget('formula', { formula: { text: '-(x^2 + y^2)/2', params: [], sign: 1 } });
    expect(mine.box).toEqual({ xmin: -5.5, xmax: 5.5, ymin: -5.5, ymax: 5.5 });
    const ring = makeTarget('formula');
    expect(ring.box).toEqual(makeFormulaTarget(DEFAULT_FORMULA_SPEC).box);
  });

  it('builds in well under a second and leaks no tensors', () => {
    const t0 = performance.now();
    const t = makeFormulaTarget({ text: '-x^2/2 - y^2/(2*exp(x)) - x/2', params: [], sign: 1 });
    // findBox + the 400 × 400 grid + the float32 check: typically 50-100 ms
    expect(performance.now() - t0).toBeLessThan(1000);
    const x = tf.tensor2d(PTS) as Tensor2D;
    const run = () => {
      t.logDensity!(x).dispose();
      t.score!(x, { a: 1, s2: 0 }).dispose();
      t.sample(10, new Rng(1)).dispose();
    };
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
