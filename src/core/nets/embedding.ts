// Noise-level embedding: sinusoidal features of log sigma (sigma = noise-to-signal ratio s/a in the
// normalized data frame).
//
// Why deterministic sinusoids rather than random Fourier features: the embedding then carries no
// state, so getWeights/setWeights of the MLP alone reproduce a net exactly (a net trained in the
// worker under one seed can be loaded into a net created under another seed).
//
// log sigma is first mapped affinely to u in [-1, 1] over the trained range [log sigmaMin, log sigmaMax];
// feature k (k = 1..dim/2) is sin(k*pi/2*u), cos(k*pi/2*u). The lowest frequency is monotone on [-1, 1],
// so the code is injective, and dim/2 = 8 frequencies resolve the range finely enough for a 2D score.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';

export interface SigmaRange {
  /** smallest trained sigma (normalized frame); also the level used for the clean target (s2 = 0) */
  sigmaMin: number;
  /** largest trained sigma (normalized frame) */
  sigmaMax: number;
}

export const DEFAULT_SIGMA_RANGE: SigmaRange = { sigmaMin: 0.01, sigmaMax: 80 };
export const DEFAULT_EMBED_DIM = 16;

export function checkEmbedding(dim: number, range: SigmaRange): void {
  if (!Number.isInteger(dim) || dim < 2 || dim % 2 !== 0) {
    throw new Error(`noise embedding: dim must be an even integer >= 2, got ${dim}`);
  }
  if (!(range.sigmaMin > 0) || !(range.sigmaMax > range.sigmaMin) || !Number.isFinite(range.sigmaMax)) {
    throw new Error(
      `noise embedding: need 0 < sigmaMin < sigmaMax < inf, got [${range.sigmaMin}, ${range.sigmaMax}]`,
    );
  }
}

/** affine map log sigma -> u in [-1, 1] over the trained range: u = (logSigma - mid) * scale */
function affine(range: SigmaRange): { mid: number; scale: number } {
  const lo = Math.log(range.sigmaMin);
  const hi = Math.log(range.sigmaMax);
  return { mid: (lo + hi) / 2, scale: 2 / (hi - lo) };
}

/** frequencies k*pi/2, k = 1..dim/2 */
function frequencies(dim: number): Float32Array {
  const f = new Float32Array(dim / 2);
  for (let k = 0; k < f.length; k++) f[k] = ((k + 1) * Math.PI) / 2;
  return f;
}

/**
 * Batched embedding for training: logSigma [N,1] -> [N, dim] (sin block, then cos block).
 * Callers clamp logSigma to the trained range first if they want no extrapolation.
 */
export function embedLogSigma(logSigma: Tensor2D, dim: number, range: SigmaRange): Tensor2D {
  const { mid, scale } = affine(range);
  return tf.tidy(() => {
    const u = tf.mul(tf.sub(logSigma, mid), scale); // [N,1]
    const arg = tf.mul(u, tf.tensor2d(frequencies(dim), [1, dim / 2])); // [N, dim/2]
    return tf.concat([tf.sin(arg), tf.cos(arg)], 1) as Tensor2D;
  });
}

/**
 * The same embedding for one noise level, computed in plain JS (score evaluation uses one level per call,
 * so there is no need to build it with tensor ops).
 */
export function embedLogSigmaAt(logSigma: number, dim: number, range: SigmaRange): Float32Array {
  const { mid, scale } = affine(range);
  const u = (logSigma - mid) * scale;
  const f = frequencies(dim);
  const out = new Float32Array(dim);
  for (let k = 0; k < f.length; k++) {
    out[k] = Math.sin(f[k] * u);
    out[k + f.length] = Math.cos(f[k] * u);
  }
  return out;
}

/**
 * The batched embedding in plain JS, for the fused trainer (dsm-fused.ts): row i's features go to
 * out[offset + i stride + (0 .. dim-1)]. sin/cos of k theta come from sin/cos of theta by angle addition
 * (two Math calls a row instead of dim; exact to ~1e-15 for the eight frequencies, far below float32).
 */
export function embedLogSigmaInto(
  logSigma: ArrayLike<number>, n: number, dim: number, range: SigmaRange,
  out: Float32Array, offset: number, stride: number,
): void {
  const { mid, scale } = affine(range);
  const half = dim / 2;
  for (let i = 0; i < n; i++) {
    const theta = (Math.PI / 2) * (logSigma[i] - mid) * scale;
    const s1 = Math.sin(theta);
    const c1 = Math.cos(theta);
    let s = s1;
    let c = c1;
    const o = offset + i * stride;
    for (let k = 0; k < half; k++) {
      out[o + k] = s;
      out[o + half + k] = c;
      const sNext = s * c1 + c * s1;
      c = c * c1 - s * s1;
      s = sNext;
    }
  }
}
