// DDNM+ (Wang, Yu, Zhang, "Zero-Shot Image Restoration Using Denoising Diffusion Null-Space Model", ICLR 2023),
// as in the official code [CODE wyhuai/DDNM: functions/svd_ddnm.py ddnm_plus_diffusion, "Eq. 17" and "Eq. 51";
// functions/svd_operators.py Lambda / Lambda_noise]. One reverse step t -> t−1 with a = √ᾱ_{t−1} and
// σ = √(1 − ᾱ_{t−1}) (the code's at_next, sigma_t), prior Tweedie x̂0 and ε̂ = −√(1−ᾱ_t) s_t(x):
//   x̂0⁺   = x̂0 − V Λ Vᵀ A⁺(A x̂0 − y)                                       (Eq. 17)
//   x_{t−1} = a x̂0⁺ + D₁ z + D₂ ε̂,  z ~ N(0, I)                              (Eq. 51)
// per singular direction i (singular value s_i; here A has orthonormal rows, so s_i = 1 in the range of Aᵀ and
// 0 on the null space), with threshold θ = a σ̂_y / s_i:
//   range, σ > θ:  λ = 1,                    D₁ = √(σ² − θ²), D₂ = 0   (y's noise counts as diffusion noise)
//   range, σ < θ:  λ = s_i σ √(1−η²)/(a σ̂_y), D₁ = σ η,         D₂ = 0
//   null space, or σ̂_y = 0, or σ = θ:  λ = 1, D₁ = σ η, D₂ = σ √(1−η²)   (plain DDIM-η)
// So with σ̂_y = 0 DDNM+ is the code's plain DDNM (ddnm_diffusion: x̂0 − A⁺(A x̂0 − y), then DDIM-η).
// The reverse noise is N(0, D₁²) with D₁ = d₁ᵣ P + d₁ₙ (I − P): a per-direction covariance, which the lab's
// DDPM score rules (one variance β_t for all directions) cannot express. RePaint-style time travel is off
// (the code's default travel_length = travel_repeat = 1 does none).
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import type { NoiseLevel } from '../types';
import { I2, madd, mmul, mscale, msub, mv, vadd, vscale, type M2, type V2 } from './mat2';
import type { Affine } from './affine-rules';
import { levelOf, reverseVariance, type VarianceKind, type VpTable } from './schedule';

/** the DDNM README's η (`--eta 0.85`) */
export const DDNM_ETA = 0.85;

export interface DdnmPlusCoefs {
  /** Λ on the range of Aᵀ (the same for every range direction: s_i = 1) */
  lambda: number;
  /** fresh-noise std D₁ and ε̂ weight D₂, on the range (r) and the null space (n) */
  d1r: number;
  d2r: number;
  d1n: number;
  d2n: number;
}

export function checkEta(eta: number): void {
  if (!(eta >= 0 && eta <= 1)) throw new Error(`DDNM+ η must be in [0, 1], got ${eta}`);
}

/** Lambda / Lambda_noise of the code for unit singular values; aNext = √ᾱ_{t−1}, sigma = √(1−ᾱ_{t−1}) */
export function ddnmPlusCoefs(aNext: number, sigma: number, sigmaY: number, eta: number): DdnmPlusCoefs {
  checkEta(eta);
  const e2 = Math.sqrt(1 - eta * eta);
  const plain = { lambda: 1, d1r: sigma * eta, d2r: sigma * e2, d1n: sigma * eta, d2n: sigma * e2 };
  if (aNext === 0 || sigmaY === 0) return plain; // the code's `if a != 0 and sigma_y != 0`
  const th = aNext * sigmaY;
  if (sigma > th) return { ...plain, lambda: 1, d1r: Math.sqrt(sigma * sigma - th * th), d2r: 0 };
  if (sigma < th) return { ...plain, lambda: (sigma * e2) / th, d1r: sigma * eta, d2r: 0 };
  return plain; // σ = θ exactly: neither branch of the code fires
}

/** the coefficients of step t -> t−1 (t = 1..T) */
export function ddnmPlusCoefsAt(tab: VpTable, t: number, sigmaY: number, eta: number): DdnmPlusCoefs {
  const { a, s2 } = levelOf(tab, t - 1);
  return ddnmPlusCoefs(a, Math.sqrt(s2), sigmaY, eta);
}

/** d_r P + d_n (I − P) */
export const split = (P: M2, dr: number, dn: number): M2 => madd(mscale(P, dr), mscale(msub(I2, P), dn));

/** the reverse-noise covariance D₁² of step t (P, Q orthogonal projectors: (d P + e Q)² = d² P + e² Q) */
export const ddnmPlusNoiseCov = (P: M2, k: DdnmPlusCoefs): M2 => split(P, k.d1r ** 2, k.d1n ** 2);

export interface AffineStep {
  /** x_{t−1} = L x + c + noise, noise ~ N(0, V) */
  L: M2;
  c: V2;
  V: M2;
  /** the score of a DDPM step, when it is one (Δ_t uses it as is; otherwise equivalentScore) */
  score?: Affine;
}

/**
 * DDNM+ for a Gaussian prior: with the prior's affine score s_t(x) = M x + b (noisedGaussScore), x̂0 = J x + c0
 * (J = (I + s²M)/a_t, c0 = s² b/a_t) and ε̂ = −s(M x + b), the step is affine:
 *   L = a (I − λP) J − s D₂ M,   c = a (I − λP) c0 + a λ u − s D₂ b,   V = D₁².
 */
export function ddnmPlusAffineStep(prior: Affine, P: M2, u: V2, level: NoiseLevel, aNext: number, k: DdnmPlusCoefs): AffineStep {
  const s = Math.sqrt(level.s2);
  const J = mscale(madd(I2, mscale(prior.M, level.s2)), 1 / level.a);
  const c0 = vscale(prior.b, level.s2 / level.a);
  const K = mscale(msub(I2, mscale(P, k.lambda)), aNext);
  const D2 = split(P, k.d2r, k.d2n);
  return {
    L: msub(mmul(K, J), mscale(mmul(D2, prior.M), s)),
    c: vadd(vadd(mv(K, c0), vscale(u, aNext * k.lambda)), vscale(mv(D2, prior.b), -s)),
    V: ddnmPlusNoiseCov(P, k),
  };
}

/** x Mᵀ for row-vector batches (M symmetric here, but keep the general form) */
function applyRows(x: Tensor2D, M: M2): Tensor2D {
  return tf.matMul(x, tf.tensor2d([M[0], M[2], M[1], M[3]], [2, 2])) as Tensor2D;
}

/**
 * The DDNM+ step on particles, any prior: `priorScore` is s_t(x) at `level` (= the level of x_t). Returns the
 * mean a x̂0⁺ + D₂ ε̂; with `seed` (t ≥ 2) it adds D₁ z. Caller owns the result; call inside tf.tidy.
 */
export function ddnmPlusStepTensor(
  x: Tensor2D, priorScore: Tensor2D, level: NoiseLevel, aNext: number, P: M2, u: V2, k: DdnmPlusCoefs, seed: number | null,
): Tensor2D {
  const s = Math.sqrt(level.s2);
  const x0 = tf.div(tf.add(x, tf.mul(priorScore, level.s2)), level.a) as Tensor2D;
  const resid = tf.sub(applyRows(x0, P), tf.tensor1d([u[0], u[1]])); // A⁺(A x̂0 − y) = P x̂0 − u
  const x0hat = tf.sub(x0, tf.mul(resid, k.lambda));
  const epsHat = tf.mul(priorScore, -s) as Tensor2D;
  let out = tf.add(tf.mul(x0hat, aNext), applyRows(epsHat, split(P, k.d2r, k.d2n))) as Tensor2D;
  if (seed !== null && (k.d1r > 0 || k.d1n > 0)) {
    const z = tf.randomNormal(x.shape, 0, 1, 'float32', seed) as Tensor2D;
    out = tf.add(out, applyRows(z, split(P, k.d1r, k.d1n))) as Tensor2D;
  }
  return out;
}

/** ‖V_t − v_t I‖_F: how far DDNM+'s per-direction noise is from the DDPM step's isotropic variance v_t */
export const varExcess = (V: M2, v: number): number => Math.hypot(V[0] - v, V[1], V[2], V[3] - v);

/** ‖V_t − v_t I‖_F of DDNM+ for t = 1..T ([0] NaN); it depends on the schedule, P, σ̂_y and η, not the prior */
export function ddnmPlusVarExcessTable(tab: VpTable, variance: VarianceKind, P: M2, sigmaY: number, eta: number): Float64Array {
  const out = new Float64Array(tab.T + 1).fill(NaN);
  for (let t = 1; t <= tab.T; t++) {
    out[t] = varExcess(ddnmPlusNoiseCov(P, ddnmPlusCoefsAt(tab, t, sigmaY, eta)), t >= 2 ? reverseVariance(tab, t, variance) : 0);
  }
  return out;
}
