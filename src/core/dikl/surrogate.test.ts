// The DiKL surrogate's gradient against finite differences of the objective on a case with every
// density in closed form: generator x = μ + σ z, target N(m, v I), so p_φ^{(t)} = N(a μ, (a²σ² + s²) I)
// and Σ_t w_t KL(p_φ^{(t)} ‖ p^{(t)}) is a formula. The surrogate uses the exact noisy scores of both.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { diklSchedule, weightAt } from './schedule';
import { surrogateCoef, surrogateLoss } from './surrogate';

const sched = diklSchedule(30, 1e-4, 0.7);
const TS = [1, 5, 10];
const m = [1, 0.5];
const v = 0.5;

/** (1/|TS|) Σ_t w_t KL(N(aμ, V1 I) ‖ N(a m, V2 I)) in 2D, float64 */
function objective(mu: number[], sigma: number): number {
  let J = 0;
  for (const t of TS) {
    const a = sched.a[t], s2 = sched.s[t] ** 2;
    const V1 = a * a * sigma * sigma + s2, V2 = a * a * v + s2;
    const d2 = (a * mu[0] - a * m[0]) ** 2 + (a * mu[1] - a * m[1]) ** 2;
    J += weightAt('inv-a', a, sched.s[t]) * 0.5 * (2 * V1 / V2 + d2 / V2 - 2 + 2 * Math.log(V2 / V1));
  }
  return J / TS.length;
}

describe('DiKL surrogate', () => {
  it('has the gradient of Σ_t w_t KL(p_φ^(t) ‖ p^(t)) (finite differences of the closed form)', () => {
    const mu0 = [0.4, -0.3], sigma0 = 1.5;
    const N = 30000; // rows, stratified over the levels
    const rng = new Rng(5);
    const rowsA = new Float32Array(N), rowsS = new Float32Array(N), rowsW = new Float32Array(N);
    for (let i = 0; i < N; i++) {
      const t = TS[i % TS.length];
      rowsA[i] = sched.a[t]; rowsS[i] = sched.s[t]; rowsW[i] = weightAt('inv-a', sched.a[t], sched.s[t]);
    }
    const mu = tf.variable(tf.tensor1d(mu0));
    const sigma = tf.variable(tf.scalar(sigma0));
    const g = tf.tidy(() => {
      const a = tf.tensor2d(rowsA, [N, 1]), s = tf.tensor2d(rowsS, [N, 1]), w = tf.tensor2d(rowsW, [N, 1]);
      const z = tf.randomNormal([N, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
      const eps = tf.randomNormal([N, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
      const gen = () => tf.add(mu, tf.mul(sigma, z)) as Tensor2D;
      const xt = tf.add(tf.mul(a, gen()), tf.mul(s, eps)) as Tensor2D;
      const a2 = tf.square(a), s2 = tf.square(s);
      const model = tf.neg(tf.div(tf.sub(xt, tf.mul(a, mu)), tf.add(tf.mul(a2, tf.square(sigma)), s2))) as Tensor2D;
      const target = tf.neg(tf.div(tf.sub(xt, tf.mul(a, tf.tensor1d(m))), tf.add(tf.mul(a2, v), s2))) as Tensor2D;
      const coef = surrogateCoef(model, target, w);
      const { grads } = tf.variableGrads(() => surrogateLoss(gen(), a, s, eps, coef), [mu, sigma]);
      return [...grads[mu.name].dataSync(), grads[sigma.name].dataSync()[0]];
    });
    mu.dispose(); sigma.dispose();
    const h = 1e-5;
    const fd = [
      (objective([mu0[0] + h, mu0[1]], sigma0) - objective([mu0[0] - h, mu0[1]], sigma0)) / (2 * h),
      (objective([mu0[0], mu0[1] + h], sigma0) - objective([mu0[0], mu0[1] - h], sigma0)) / (2 * h),
      (objective(mu0, sigma0 + h) - objective(mu0, sigma0 - h)) / (2 * h),
    ];
    for (let k = 0; k < 3; k++) expect(Math.abs(g[k] - fd[k]), `param ${k}: surrogate ${g[k]}, FD ${fd[k]}`).toBeLessThan(0.05 * Math.abs(fd[k]) + 0.01);
  });

  it('zeroes rows whose target estimate is not finite', () => {
    const c = tf.tidy(() => surrogateCoef(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[NaN, 0], [1, 1]]), tf.tensor2d([[2], [2]])).arraySync());
    expect(c).toEqual([[0, 0], [4, 6]]);
  });
});
