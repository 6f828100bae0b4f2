// Hand-written ∇ₓV and ∇θV of the mixture potential against tf.grad, for both parametrizations.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { hexMixture, ParamMixture, checkIsoMixture } from './param-mixture';

const X = tf.tensor2d([[0.3, -1], [4, 0.5], [-2, 3], [1, 1], [-3.5, -2]]);

function close(a: Float32Array | Int32Array | Uint8Array, b: Float32Array | Int32Array | Uint8Array, tol = 1e-4) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
}

describe('ParamMixture', () => {
  for (const kind of ['logits', 'means'] as const) {
    it(`∇ₓV and ∇θV match autodiff (θ = ${kind}, unequal variances)`, () => {
      const base = hexMixture(Float64Array.from([1.5, 0, 1.5, 0, 1.5, 0]));
      base.vars = Float64Array.from([1, 0.5, 2, 1, 1.3, 0.8]);
      const m = new ParamMixture(base, kind);
      const theta = tf.tensor1d(Float32Array.from(m.theta0(), (v, i) => v + 0.1 * Math.sin(i)));
      const gx = m.gradX(X, theta);
      const gxAuto = tf.grad((x) => tf.sum(m.energy(x as Tensor2D, theta)))(X);
      close(gx.dataSync(), gxAuto.dataSync());
      const gt = m.gradTheta(X, theta);
      // per-point ∇θV: autodiff of V at each point separately
      for (let i = 0; i < X.shape[0]; i++) {
        const xi = tf.slice(X, [i, 0], [1, 2]);
        const auto = tf.grad((t) => tf.sum(m.energy(xi as Tensor2D, t as Tensor1D)))(theta);
        close(tf.slice(gt, [i, 0], [1, m.P]).dataSync(), auto.dataSync());
      }
      // π*(θ) is normalized: exp(−V) integrates to 1 on a wide grid
      const n = 200, L = 12, h = (2 * L) / n;
      const pts: number[] = [];
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) pts.push(-L + (i + 0.5) * h, -L + (j + 0.5) * h);
      const v = m.energy(tf.tensor2d(pts, [n * n, 2]), theta);
      const mass = tf.sum(tf.exp(tf.neg(v))).dataSync()[0] * h * h;
      expect(mass).toBeCloseTo(1, 3);
      tf.dispose([gx, gxAuto, gt, theta, v]);
    });
  }

  it('responsibilities sum to one and bad mixtures are refused', () => {
    const m = new ParamMixture(hexMixture(), 'logits');
    const th = tf.tensor1d(Float32Array.from(m.theta0()));
    const s = tf.sum(m.responsibilities(X, th), 1).dataSync();
    s.forEach((v) => expect(v).toBeCloseTo(1, 5));
    const bad = hexMixture();
    bad.vars[2] = 0;
    expect(() => checkIsoMixture(bad)).toThrow(/variance/);
    expect(() => new ParamMixture({ ...hexMixture(), logits: new Float64Array(3) }, 'means')).toThrow(/logits need/);
  });
});
