import { describe, expect, it } from 'vitest';
import { tf } from '../../tf';
import { evaluate, parseFormula, type Expr } from './parse';
import { compileLogDensity, compileScore } from './compile';

const P = { a: 0.75 };

function parsed(text: string): Expr {
  const r = parseFormula(text, Object.keys(P));
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.expr;
}

// every operator and function of the grammar, at points away from kinks and ties (exact in float32)
const FORMULAS = [
  'x + y', 'x - 2*y', 'x * y', 'x / (2 + y^2)', '-x^2/2 + -y',
  '(x + y)^3 + (x - y)^2 + x^5', 'x^-2 + y^4 - (x - 3)^-3', '(x^2 + 1)^0.75 + (y^2 + 2)^0.5 + 2^y', '(1 + x^2)^(y/2)', 'x**2 * y',
  'exp(x - y^2)', 'log(1 + x^2 + y^2)', 'log1p(x^2 + y^2)', 'sqrt(1 + x^2 * y^2)', 'abs(x - y) + abs(y)',
  'sin(x*y) + cos(x - y)', 'tanh(2*x - y)', 'sigmoid(3*x + y)', 'softplus(x*y - 1)',
  'min(x, y) + min(x^2, y, 1)', 'max(x, y) + max(x*y, -1, y - 3)',
  'logsumexp(x)', 'logsumexp(x, y, x*y)', 'logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2, 0.5)',
  'pi * e * x * y + a * x^2 - exp(a) * y',
  '-((x^2 + y^2 - 4)^2) / 0.5', '-x^2/2 - y^2/(2*exp(x)) - x/2',
];
const PTS = [[0.5, -1.25], [1.75, 0.375], [-1.5, 0.625], [-0.75, -2.25], [0.125, 1.5]];

/** central differences of the float64 evaluator */
function fdGrad(e: Expr, x: number, y: number, sign: number): [number, number] {
  const h = 1e-5;
  const f = (u: number, v: number) => sign * evaluate(e, u, v, P);
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

describe('compileLogDensity / compileScore', () => {
  it.each(FORMULAS)('%s: log density = evaluate, autodiff score = finite differences', (text) => {
    const e = parsed(text);
    const x = tf.tensor2d(PTS);
    for (const sign of [1, -1] as const) {
      const v = compileLogDensity(e, P, sign)(x);
      const g = compileScore(e, P, sign)(x);
      expect(v.shape).toEqual([PTS.length]);
      expect(g.shape).toEqual([PTS.length, 2]);
      const vd = v.dataSync(), gd = g.dataSync();
      PTS.forEach(([u, w], i) => {
        const want = sign * evaluate(e, u, w, P);
        expect(Math.abs(vd[i] - want), `${text} at (${u}, ${w})`).toBeLessThan(1e-5 * (1 + Math.abs(want)));
        const fd = fdGrad(e, u, w, sign);
        fd.forEach((d, k) => expect(Math.abs(gd[2 * i + k] - d), `${text} d/d${'xy'[k]} at (${u}, ${w})`).toBeLessThan(2e-5 + 2e-5 * Math.abs(d)));
      });
      tf.dispose([v, g]);
    }
    x.dispose();
  });

  it('integer powers of negative bases are products, finite on every backend', () => {
    const x = tf.tensor2d([[-2, -0.5], [-3, 1]]);
    const v = compileLogDensity(parsed('x^3 + y^2 + x^-1 + (x + y)^4 + x^(1 + 1)'), P)(x);
    const want = [[-2, -0.5], [-3, 1]].map(([u, w]) => u ** 3 + w ** 2 + 1 / u + (u + w) ** 4 + u ** 2);
    Array.from(v.dataSync()).forEach((d, i) => expect(d).toBeCloseTo(want[i], 4));
    // a fractional power of a negative base is NaN, as in float64
    const half = compileLogDensity(parsed('x^1.5'), P)(x);
    // logsumexp of terms that are all −∞ is −∞ (zero density), not tf.logSumExp's NaN
    const none = compileLogDensity(parsed('logsumexp(log(0*x), log(0*y))'), P)(x);
    expect(Array.from(none.dataSync())).toEqual([-Infinity, -Infinity]);
    none.dispose();
    expect(Array.from(half.dataSync()).every(Number.isNaN)).toBe(true);
    tf.dispose([x, v, half]);
  });

  it('a formula in one coordinate, or in neither, has the right shapes and zeros in its score', () => {
    const x = tf.tensor2d(PTS);
    const onlyX = compileScore(parsed('-x^2'), P)(x).arraySync();
    onlyX.forEach(([gx, gy], i) => {
      expect(gx).toBeCloseTo(-2 * PTS[i][0], 5);
      expect(gy).toBe(0);
    });
    const c = compileLogDensity(parsed('exp(1) + a'), P)(x);
    expect(Array.from(c.dataSync())).toEqual(PTS.map(() => Math.fround(Math.E + 0.75)));
    expect(compileScore(parsed('pi'), P)(x).arraySync()).toEqual(PTS.map(() => [0, 0]));
    x.dispose();
    c.dispose();
  });

  it('leaks no tensors', () => {
    const x = tf.tensor2d(PTS);
    const fns = FORMULAS.map((t) => [compileLogDensity(parsed(t), P), compileScore(parsed(t), P)] as const);
    const run = () => fns.forEach(([f, g]) => { f(x).dispose(); g(x).dispose(); });
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
