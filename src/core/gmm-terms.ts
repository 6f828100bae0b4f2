// Per-component constants of a Gaussian mixture at one noise level (METHODS.md §0.2), computed in float64
// JS (K is small), and the one batched tensor pass every closed form shares.
//
// Numerics: each noised covariance S_k = a² Σ_k + s2 I is handled through its whitening W_k = L_k⁻¹
// (L_k the Cholesky factor), so the Mahalanobis term is |W_k d|² (a sum of squares, no cancellation) rather
// than dᵀ S_k⁻¹ d with huge entries of opposite sign when S_k is nearly singular (a line component at small s2).
// A singular S_k (singular Σ_k at s2 = 0) gets its smallest eigenvalue floored at COV_FLOOR.
import { tf } from './tf';
import type { Tensor2D } from './tf';
import type { Mixture, NoiseLevel } from './types';

/** smallest eigenvalue allowed for a noised component covariance S_k (jitter for singular Σ at s2 = 0) */
export const COV_FLOOR = 1e-6;
const LOG_2PI = Math.log(2 * Math.PI);

export interface GmmConsts {
  K: number;
  a: number;
  /** log π_k − log 2π − ½ log det S_k  (π normalized) */
  logc: Float64Array;
  /** whitening W_k = [[w11, 0], [w21, w22]] */
  w11: Float64Array;
  w21: Float64Array;
  w22: Float64Array;
  /** S_k⁻¹ = W_kᵀ W_k as [xx, xy, yy] */
  pxx: Float64Array;
  pxy: Float64Array;
  pyy: Float64Array;
}

export function checkMixture(mix: Mixture): void {
  if (!Array.isArray(mix) || mix.length === 0) throw new Error('gmm: the mixture has no components');
  mix.forEach((c, k) => {
    const [sxx, sxy, syy] = c.cov;
    if (!(c.w > 0) || !Number.isFinite(c.w)) throw new Error(`gmm: component ${k} has weight ${c.w}; weights must be finite and > 0`);
    if (!c.mean.every(Number.isFinite)) throw new Error(`gmm: component ${k} has a non-finite mean`);
    const tol = 1e-9 * Math.max(1, sxx + syy) ** 2;
    if (!(sxx >= 0 && syy >= 0 && sxx * syy - sxy * sxy >= -tol)) {
      throw new Error(`gmm: component ${k} covariance [${c.cov.join(', ')}] is not positive semi-definite`);
    }
  });
}

export function checkLevel(level: NoiseLevel): void {
  if (!(level.a >= 0 && level.s2 >= 0 && Number.isFinite(level.a) && Number.isFinite(level.s2))) {
    throw new Error(`gmm: bad noise level {a: ${level.a}, s2: ${level.s2}} (need a >= 0, s2 >= 0)`);
  }
}

/** normalized log weights log π_k */
export function logWeights(mix: Mixture): Float64Array {
  const tot = mix.reduce((s, c) => s + c.w, 0);
  return Float64Array.from(mix, (c) => Math.log(c.w / tot));
}

export function gmmConsts(mix: Mixture, level: NoiseLevel): GmmConsts {
  checkMixture(mix);
  checkLevel(level);
  const K = mix.length;
  const { a, s2 } = level;
  const lw = logWeights(mix);
  const out: GmmConsts = {
    K, a, logc: new Float64Array(K),
    w11: new Float64Array(K), w21: new Float64Array(K), w22: new Float64Array(K),
    pxx: new Float64Array(K), pxy: new Float64Array(K), pyy: new Float64Array(K),
  };
  for (let k = 0; k < K; k++) {
    const [sxx, sxy, syy] = mix[k].cov;
    let p = a * a * sxx + s2;
    let q = a * a * syy + s2;
    const r = a * a * sxy;
    const lmin = (p + q) / 2 - Math.hypot((p - q) / 2, r);
    if (lmin < COV_FLOOR) {
      p += COV_FLOOR - lmin;
      q += COV_FLOOR - lmin;
    }
    const det = p * q - r * r;
    const l11 = Math.sqrt(p);
    const l21 = r / l11;
    const l22 = Math.sqrt(det / p);
    const w11 = 1 / l11;
    const w22 = 1 / l22;
    const w21 = -l21 / (l11 * l22);
    out.w11[k] = w11; out.w21[k] = w21; out.w22[k] = w22;
    out.pxx[k] = w11 * w11 + w21 * w21;
    out.pxy[k] = w21 * w22;
    out.pyy[k] = w22 * w22;
    out.logc[k] = lw[k] - LOG_2PI - 0.5 * Math.log(det);
  }
  return out;
}

/**
 * The shared batched pass. z = x M + b is [N, 2K]: columns 0..K-1 hold u_k, columns K..2K-1 hold v_k,
 * where (u_k, v_k) = W_k (x − a μ_k). logits[n,k] = log π_k + log N(x_n; a μ_k, S_k). One [N,2]x[2,2K]
 * matMul replaces a per-component loop and maps well onto WebGL/WebGPU. M is returned because
 * Mᵀ maps (u_k, v_k) back through W_kᵀ, which the score needs: S_k⁻¹ d = W_kᵀ (W_k d).
 * Call inside tf.tidy.
 */
export function componentTerms(x: Tensor2D, mix: Mixture, c: GmmConsts): { z: Tensor2D; logits: Tensor2D; M: Tensor2D } {
  const K = c.K;
  const M = new Float32Array(4 * K);
  const b = new Float32Array(2 * K);
  for (let k = 0; k < K; k++) {
    const mx = c.a * mix[k].mean[0];
    const my = c.a * mix[k].mean[1];
    M[k] = c.w11[k]; // row 0 (x coefficient), u column
    M[K + k] = c.w21[k]; // row 0, v column
    M[2 * K + k] = 0; // row 1 (y coefficient), u column
    M[3 * K + k] = c.w22[k]; // row 1, v column
    b[k] = -c.w11[k] * mx;
    b[K + k] = -(c.w21[k] * mx + c.w22[k] * my);
  }
  const Mt = tf.tensor2d(M, [2, 2 * K]);
  const z = tf.add(tf.matMul(x, Mt), tf.tensor1d(b)) as Tensor2D;
  const n = x.shape[0];
  const q = tf.sum(tf.reshape(tf.square(z), [n, 2, K]), 1);
  const logits = tf.sub(tf.tensor1d(Float32Array.from(c.logc)), tf.mul(q, 0.5)) as Tensor2D;
  return { z, logits, M: Mt };
}

/** lower Cholesky factor [l11, l21, l22] of a PSD 2x2 [xx, xy, yy]; singular allowed */
export function chol2(cov: readonly [number, number, number]): [number, number, number] {
  const l11 = Math.sqrt(Math.max(cov[0], 0));
  const l21 = l11 > 0 ? cov[1] / l11 : 0;
  const l22 = Math.sqrt(Math.max(cov[2] - l21 * l21, 0));
  return [l11, l21, l22];
}

export function checkPoints(x: Tensor2D, who: string): void {
  if (x.rank !== 2 || x.shape[1] !== 2) throw new Error(`${who}: x must be [N,2], got [${x.shape.join(',')}]`);
}
