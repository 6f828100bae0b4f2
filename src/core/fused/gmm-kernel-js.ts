// The fused mixture kernels in plain JavaScript: one pass over the particles, one pass over the
// components per particle, no [N, K] intermediates. They run on the CPU backend's arrays and directly
// on the WASM backend's heap (register-kernels.ts), which is why they beat a chain of tfjs ops there.
//
// Per particle, an online log-sum-exp over components (Milakov & Gimelshein 2018's one-pass softmax):
// the running max m, the sum s = sum_k exp(l_k - m) and the weighted gradient sums are rescaled when a
// larger logit arrives. A component whose logit is more than SKIP below the running max adds less than
// e^-30 relative to a sum that is >= 1 and is skipped without an exp: exact in float32, and for
// well-separated mixtures (MoG-40) it skips most components.
//
// This is the reference of the fused path (float64 inside, float32 out); its copies (WebAssembly SIMD,
// WGSL, GLSL) and the tests that prove each equal to it are listed in copies.ts.
import { normalPair } from './counter-rng';
import { PACK_STRIDE } from './gmm-pack';

/** a logit this far below the running max is skipped (the shader copies are built from it) */
export const SKIP = 30;

// exp(x) for x <= 0, as the kernels need it (a logit minus the running max, or the max's rescale factor):
// x = -k ln 2 + r with |r| <= ln2/2, a degree-7 Taylor polynomial for e^r (relative error < 1e-8, below
// float32's 6e-8 rounding of the outputs) times 2^-k from a table. ~30% cheaper than Math.exp in V8 here,
// and the mixture kernels spend most of their time in exp. Below -44 (past the 2^-63 table) it returns 0:
// against a sum that is >= 1 such a term is < 1e-19, far under float32's resolution. NaN stays NaN.
const LN2 = Math.LN2;
const INV_LN2 = 1 / Math.LN2;
const POW2_NEG = Float64Array.from({ length: 64 }, (_, k) => 2 ** -k);
export function expNonPositive(x: number): number {
  if (x < -44) return 0;
  const k = Math.floor(0.5 - x * INV_LN2);
  const r = x + k * LN2;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040)))))));
  return p * POW2_NEG[k];
}

/** score (res[0], res[1]) and log density res[2] of the packed mixture at one point (x0, y0) */
function scoreAt(x0: number, y0: number, P: Float32Array, K: number, res: Float64Array): void {
  let m = -Infinity;
  let s = 0;
  let gx = 0;
  let gy = 0;
  for (let k = 0; k < K; k++) {
    const o = PACK_STRIDE * k;
    const dx = x0 - P[o];
    const dy = y0 - P[o + 1];
    const w11 = P[o + 2];
    const w21 = P[o + 3];
    const w22 = P[o + 4];
    const u = w11 * dx;
    const v = w21 * dx + w22 * dy;
    const l = P[o + 5] - 0.5 * (u * u + v * v);
    if (l < m - SKIP) continue;
    // -S_k^-1 d = -W^T (u, v)
    const cx = -(w11 * u + w21 * v);
    const cy = -(w22 * v);
    if (l > m) {
      const r = expNonPositive(m - l); // 0 on the first component (m = -inf)
      s = s * r + 1;
      gx = gx * r + cx;
      gy = gy * r + cy;
      m = l;
    } else {
      const e = expNonPositive(l - m);
      s += e;
      gx += e * cx;
      gy += e * cy;
    }
  }
  res[0] = gx / s;
  res[1] = gy / s;
  res[2] = m + Math.log(s);
}

/**
 * For n particles x [2n]: score [2n] = grad log p(x) and logp [n] (either may be null).
 * P: packMixture(mix, level), K components.
 */
export function gmmScoreJs(x: Float32Array, n: number, P: Float32Array, K: number, score: Float32Array | null, logp: Float32Array | null): void {
  const res = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    scoreAt(x[2 * i], x[2 * i + 1], P, K, res);
    if (score) {
      score[2 * i] = res[0];
      score[2 * i + 1] = res[1];
    }
    if (logp) logp[i] = res[2];
  }
}

/**
 * One affine score step for n particles: out = c0 x + c1 score(x) + c2 xi, xi the counter normals of
 * `seed` (pair i for particle i). ULA, annealed Langevin, DDPM, DDIM and Euler probability flow are
 * all of this form (the samplers compute c0, c1, c2). `out` may alias `x`: each particle is read first.
 */
export function gmmAffineStepJs(
  x: Float32Array, n: number, P: Float32Array, K: number,
  c0: number, c1: number, c2: number, seed: number, out: Float32Array,
): void {
  const res = new Float64Array(3);
  const pair = new Float32Array(2);
  for (let i = 0; i < n; i++) {
    const x0 = x[2 * i];
    const y0 = x[2 * i + 1];
    scoreAt(x0, y0, P, K, res);
    pair[0] = 0;
    pair[1] = 0;
    if (c2 !== 0) normalPair(seed, i, pair, 0, c2);
    out[2 * i] = c0 * x0 + c1 * res[0] + pair[0];
    out[2 * i + 1] = c0 * y0 + c1 * res[1] + pair[1];
  }
}
