// Test utility (not shipped in a lab): closed forms for a 2D Gaussian N(m, S) so sampler statistics can be
// checked exactly. For a Gaussian target every sampler step with the exact score is affine in x plus
// Gaussian noise, so the expected mean/covariance after a finite number of DDIM/DDPM/flow steps is
// computed here independently of the tensor code, in float64, from the same formulas in matrix form.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { LogDensityFn, NoiseLevel, ScoreFn, Vec2 } from '../types';
import { abarAt, levelAt, type Schedule } from '../schedules';

/** 2x2 matrices row-major [a, b, c, d]; symmetric covariances as [xx, xy, yy] */
export type M2 = [number, number, number, number];
export type Cov = [number, number, number];
export interface Gauss2 {
  m: Vec2;
  S: Cov;
}
export interface Moments {
  mean: Vec2;
  cov: Cov;
}

const full = (c: Cov): M2 => [c[0], c[1], c[1], c[2]];
const sym = (M: M2): Cov => [M[0], (M[1] + M[2]) / 2, M[3]];
const mm = (A: M2, B: M2): M2 => [
  A[0] * B[0] + A[1] * B[2], A[0] * B[1] + A[1] * B[3],
  A[2] * B[0] + A[3] * B[2], A[2] * B[1] + A[3] * B[3],
];
const mv = (A: M2, v: Vec2): Vec2 => [A[0] * v[0] + A[1] * v[1], A[2] * v[0] + A[3] * v[1]];
const tr = (A: M2): M2 => [A[0], A[2], A[1], A[3]];
const inv = (A: M2): M2 => {
  const det = A[0] * A[3] - A[1] * A[2];
  return [A[3] / det, -A[1] / det, -A[2] / det, A[0] / det];
};
const lin = (p: number, A: M2, q: number, B: M2): M2 => [0, 1, 2, 3].map((i) => p * A[i] + q * B[i]) as M2;
const I2: M2 = [1, 0, 0, 1];

/** precision of the noised marginal N(a m, a^2 S + s2 I) */
function noisedPrecision(g: Gauss2, lv: NoiseLevel): M2 {
  return inv(lin(lv.a * lv.a, full(g.S), lv.s2, I2));
}

/** exact noised score -(a^2 S + s2 I)^-1 (x - a m), any level */
export function gaussianScore(g: Gauss2): ScoreFn {
  return (x: Tensor2D, lv: NoiseLevel) =>
    tf.tidy(() => {
      const P = noisedPrecision(g, lv);
      const d = tf.sub(x, tf.tensor1d([lv.a * g.m[0], lv.a * g.m[1]]));
      return tf.neg(tf.matMul(d, tf.tensor2d(P, [2, 2]))) as Tensor2D; // P symmetric
    });
}

/** normalized log density of the clean N(m, S) */
export function gaussianLogDensity(g: Gauss2): LogDensityFn {
  const P = inv(full(g.S));
  const logNorm = -Math.log(2 * Math.PI) - 0.5 * Math.log(g.S[0] * g.S[2] - g.S[1] * g.S[1]);
  return (x: Tensor2D) =>
    tf.tidy(() => {
      const d = tf.sub(x, tf.tensor1d(g.m));
      const q = tf.sum(tf.mul(tf.matMul(d, tf.tensor2d(P, [2, 2])), d), 1);
      return tf.add(tf.mul(q, -0.5), logNorm) as Tensor1D;
    });
}

/** sample mean and covariance of [N,2] particles (reads the tensor) */
export function moments(x: Tensor2D): Moments {
  const v = x.dataSync();
  const n = x.shape[0];
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += v[2 * i]; my += v[2 * i + 1]; }
  mx /= n; my /= n;
  let cxx = 0, cxy = 0, cyy = 0;
  for (let i = 0; i < n; i++) {
    const dx = v[2 * i] - mx, dy = v[2 * i + 1] - my;
    cxx += dx * dx; cxy += dx * dy; cyy += dy * dy;
  }
  return { mean: [mx, my], cov: [cxx / (n - 1), cxy / (n - 1), cyy / (n - 1)] };
}

/** largest absolute entry difference of two mean/cov pairs */
export function momentError(a: Moments, b: Moments): { mean: number; cov: number } {
  return {
    mean: Math.max(...a.mean.map((v, i) => Math.abs(v - b.mean[i]))),
    cov: Math.max(...a.cov.map((v, i) => Math.abs(v - b.cov[i]))),
  };
}

/** stationary covariance of ULA on N(m, S): V = A V A^T + 2h I with A = I - h S^-1  =>  V = 2h (I - A^2)^-1 */
export function ulaStationaryCov(S: Cov, h: number): Cov {
  const A = lin(1, I2, -h, inv(full(S)));
  return sym(lin(2 * h, inv(lin(1, I2, -1, mm(A, A))), 0, I2));
}

/** an affine function x -> A x + b of the particles at the start of a step */
interface Aff { A: M2; b: Vec2 }
const affLin = (p: number, f: Aff, q: number, g: Aff): Aff => ({
  A: lin(p, f.A, q, g.A),
  b: [p * f.b[0] + q * g.b[0], p * f.b[1] + q * g.b[1]],
});
const ID: Aff = { A: I2, b: [0, 0] };
/** the exact score evaluated at an affine point: -P (f(x) - a m) */
function affScore(g: Gauss2, lv: NoiseLevel, f: Aff): Aff {
  const P = noisedPrecision(g, lv);
  const c = mv(P, [f.b[0] - lv.a * g.m[0], f.b[1] - lv.a * g.m[1]]);
  return { A: lin(-1, mm(P, f.A), 0, I2), b: [-c[0], -c[1]] };
}

/**
 * Exact mean/cov after running a diffusion sampler on N(m, S) with the exact score from x_T ~ init.
 * 'ddim' with eta (eta = 1 is also DDPM), or the flow 'heun' integrator (flow 'euler' = ddim eta 0).
 */
export function diffusionMoments(
  g: Gauss2, sched: Schedule, method: { kind: 'ddim'; eta: number } | { kind: 'heun' }, init: Moments,
): Moments {
  let mean: Vec2 = [...init.mean];
  let V: M2 = full(init.cov);
  for (let t = sched.T; t >= 1; t--) {
    const from = levelAt(sched, t), to = levelAt(sched, t - 1);
    const sF = Math.sqrt(from.s2), sT = Math.sqrt(to.s2);
    const eps1 = affLin(-sF, affScore(g, from, ID), 0, ID);
    let step: Aff;
    let noiseVar = 0;
    if (method.kind === 'ddim') {
      const abT = abarAt(sched, t), abP = abarAt(sched, t - 1);
      const x0 = affLin(1 / from.a, ID, -sF / from.a, eps1);
      const sig2 = method.eta ** 2 * ((1 - abP) / (1 - abT)) * (1 - abT / abP);
      step = affLin(to.a, x0, Math.sqrt(Math.max(0, 1 - abP - sig2)), eps1);
      noiseVar = sig2;
    } else {
      const dSig = sT / to.a - sF / from.a;
      const yE = affLin(1 / from.a, ID, dSig, eps1);
      if (t === 1) step = affLin(to.a, yE, 0, ID);
      else {
        const eps2 = affLin(-sT, affScore(g, to, affLin(to.a, yE, 0, ID)), 0, ID);
        step = affLin(to.a / from.a, ID, (to.a * dSig) / 2, affLin(1, eps1, 1, eps2));
      }
    }
    const mu = mv(step.A, mean);
    mean = [mu[0] + step.b[0], mu[1] + step.b[1]];
    V = lin(1, mm(mm(step.A, V), tr(step.A)), noiseVar, I2);
  }
  return { mean, cov: sym(V) };
}

/** the target used across the sampler tests: correlated, condition number ~10, far from N(0, I) */
export const TARGET: Gauss2 = { m: [1.5, -1], S: [2.0, 0.8, 0.6] };
