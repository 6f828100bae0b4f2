// The exact denoising posterior of a Gaussian mixture (METHODS.md §0.2):
//   p(x0 | x_t = x) = Σ_k γ_k(x) N(x0; m_k(x), C_k),  m_k(x) = μ_k + B_k (x − a μ_k),  B_k = a Σ_k S_k⁻¹,
//   C_k = Σ_k − a B_k Σ_k.
// m_k is affine in x, so all K means come from one [N,2]x[2,2K] matMul with B_k precomputed in float64;
// going through S_k⁻¹ d in float32 would lose the line components (S_k⁻¹ ~ 1e6 at the eigenvalue floor).
import { tf } from './tf';
import type { Tensor, Tensor2D } from './tf';
import type { Mixture, NoiseLevel } from './types';
import type { Rng } from './rng';
import { checkPoints, chol2, componentTerms, gmmConsts, type GmmConsts } from './gmm-terms';

interface PostConsts {
  Bm: Float32Array; // [2, 2K]: x @ Bm gives (B_k x)_x in columns 0..K-1 and (B_k x)_y in K..2K-1
  e: Float32Array; // [2K]: μ_k − a B_k μ_k, same layout
  Bflat: Float32Array; // [K, 4]: B_k row-major, for Σ_k γ_k B_k as one matMul
  Cflat: Float32Array; // [K, 4]: C_k row-major
  Lc: Float32Array; // [K, 3]: Cholesky [l11, l21, l22] of C_k
}

function postConsts(mix: Mixture, c: GmmConsts): PostConsts {
  const K = c.K;
  const a = c.a;
  const out: PostConsts = {
    Bm: new Float32Array(4 * K), e: new Float32Array(2 * K),
    Bflat: new Float32Array(4 * K), Cflat: new Float32Array(4 * K), Lc: new Float32Array(3 * K),
  };
  for (let k = 0; k < K; k++) {
    const [sxx, sxy, syy] = mix[k].cov;
    const [mx, my] = mix[k].mean;
    const b00 = a * (sxx * c.pxx[k] + sxy * c.pxy[k]);
    const b01 = a * (sxx * c.pxy[k] + sxy * c.pyy[k]);
    const b10 = a * (sxy * c.pxx[k] + syy * c.pxy[k]);
    const b11 = a * (sxy * c.pxy[k] + syy * c.pyy[k]);
    out.Bm[k] = b00; out.Bm[2 * K + k] = b01;
    out.Bm[K + k] = b10; out.Bm[3 * K + k] = b11;
    out.e[k] = mx - a * (b00 * mx + b01 * my);
    out.e[K + k] = my - a * (b10 * mx + b11 * my);
    out.Bflat.set([b00, b01, b10, b11], 4 * k);
    // C = Σ − a B Σ, symmetrized (B Σ is symmetric up to rounding because Σ and S commute)
    const cxx = sxx - a * (b00 * sxx + b01 * sxy);
    const cyy = syy - a * (b10 * sxy + b11 * syy);
    const cxy = sxy - (a / 2) * (b00 * sxy + b01 * syy + b10 * sxx + b11 * sxy);
    out.Cflat.set([cxx, cxy, cxy, cyy], 4 * k);
    out.Lc.set(chol2([cxx, cxy, cyy]), 3 * k);
  }
  return out;
}

/** γ [N,K], per-component posterior means mx, my [N,K], and the unnormalized logits. Inside tf.tidy. */
function posteriorTerms(x: Tensor2D, mix: Mixture, level: NoiseLevel) {
  const c = gmmConsts(mix, level);
  const p = postConsts(mix, c);
  const K = c.K;
  const { z, logits } = componentTerms(x, mix, c);
  const gamma = tf.exp(tf.sub(logits, tf.logSumExp(logits, 1, true))) as Tensor2D;
  const m = tf.add(tf.matMul(x, tf.tensor2d(p.Bm, [2, 2 * K])), tf.tensor1d(p.e));
  const mx = tf.slice(m, [0, 0], [-1, K]) as Tensor2D;
  const my = tf.slice(m, [0, K], [-1, K]) as Tensor2D;
  return { c, p, K, z, logits, gamma, mx, my };
}

/** Tweedie's posterior mean E[x0 | x_t = x] = Σ_k γ_k m_k(x), [N,2] */
export function gmmTweedie(x: Tensor2D, mix: Mixture, level: NoiseLevel): Tensor2D {
  checkPoints(x, 'gmmTweedie');
  return tf.tidy(() => {
    const { gamma, mx, my } = posteriorTerms(x, mix, level);
    return tf.stack([tf.sum(tf.mul(gamma, mx), 1), tf.sum(tf.mul(gamma, my), 1)], 1) as Tensor2D;
  });
}

function stack22(j00: Tensor, j01: Tensor, j10: Tensor, j11: Tensor): Tensor {
  return tf.reshape(tf.stack([j00, j01, j10, j11], 1), [-1, 2, 2]);
}

/** Cov[x0 | x_t = x] = Σ_k γ_k C_k + Σ_k γ_k (m_k − x̂0)(m_k − x̂0)ᵀ, [N,2,2] */
export function gmmPosteriorCov(x: Tensor2D, mix: Mixture, level: NoiseLevel): Tensor {
  checkPoints(x, 'gmmPosteriorCov');
  return tf.tidy(() => {
    const { p, K, gamma, mx, my } = posteriorTerms(x, mix, level);
    const gc = tf.matMul(gamma, tf.tensor2d(p.Cflat, [K, 4]));
    const dx = tf.sub(mx, tf.sum(tf.mul(gamma, mx), 1, true));
    const dy = tf.sub(my, tf.sum(tf.mul(gamma, my), 1, true));
    const cxx = tf.sum(tf.mul(gamma, tf.mul(dx, dx)), 1);
    const cxy = tf.sum(tf.mul(gamma, tf.mul(dx, dy)), 1);
    const cyy = tf.sum(tf.mul(gamma, tf.mul(dy, dy)), 1);
    const col = (i: number) => tf.reshape(tf.slice(gc, [0, i], [-1, 1]), [-1]);
    return stack22(tf.add(col(0), cxx), tf.add(col(1), cxy), tf.add(col(2), cxy), tf.add(col(3), cyy));
  });
}

/**
 * ∂x̂0/∂x_t, [N,2,2]. Equal to (a/s2) Cov[x0 | x_t], but evaluated as
 * Σ_k γ_k B_k + Σ_k γ_k (m_k − x̂0)(g_k − ḡ)ᵀ with g_k = −S_k⁻¹(x − a μ_k) (the component scores),
 * which has no 1/s2 and so stays accurate near the clean level (where it tends to I).
 */
export function gmmTweedieJacobian(x: Tensor2D, mix: Mixture, level: NoiseLevel): Tensor {
  checkPoints(x, 'gmmTweedieJacobian');
  return tf.tidy(() => {
    const { c, p, K, z, gamma, mx, my } = posteriorTerms(x, mix, level);
    const u = tf.slice(z, [0, 0], [-1, K]);
    const v = tf.slice(z, [0, K], [-1, K]);
    const row = (a: Float64Array) => tf.tensor1d(Float32Array.from(a));
    const gx = tf.neg(tf.add(tf.mul(u, row(c.w11)), tf.mul(v, row(c.w21))));
    const gy = tf.neg(tf.mul(v, row(c.w22)));
    const centre = (t: Tensor) => tf.sub(t, tf.sum(tf.mul(gamma, t), 1, true));
    const dmx = centre(mx), dmy = centre(my), dgx = centre(gx), dgy = centre(gy);
    const wsum = (s: Tensor, t: Tensor) => tf.sum(tf.mul(gamma, tf.mul(s, t)), 1);
    const gb = tf.matMul(gamma, tf.tensor2d(p.Bflat, [K, 4]));
    const col = (i: number) => tf.reshape(tf.slice(gb, [0, i], [-1, 1]), [-1]);
    const j00 = tf.add(col(0), wsum(dmx, dgx));
    const j11 = tf.add(col(3), wsum(dmy, dgy));
    // symmetric in exact arithmetic; average the two rounded halves so callers get an exactly symmetric matrix
    const j01 = tf.mul(tf.add(tf.add(col(1), wsum(dmx, dgy)), tf.add(col(2), wsum(dmy, dgx))), 0.5);
    return stack22(j00, j01, j01, j11);
  });
}

/**
 * One exact sample of p(x0 | x_t = x) per row, [N,2]: the component by Gumbel-max on the logits
 * (argMax exists on every backend, multinomial does not), then m_k(x) + chol(C_k) ε.
 */
export function gmmPosteriorSample(x: Tensor2D, mix: Mixture, level: NoiseLevel, rng: Rng): Tensor2D {
  checkPoints(x, 'gmmPosteriorSample');
  const seedU = rng.seed();
  const seedZ = rng.seed();
  return tf.tidy(() => {
    const { p, K, logits, mx, my } = posteriorTerms(x, mix, level);
    const n = x.shape[0];
    const uni = tf.randomUniform([n, K], 1e-20, 1, 'float32', seedU);
    const gumbel = tf.neg(tf.log(tf.neg(tf.log(uni))));
    // one-hot as int32, then cast: the WASM backend's float32 oneHot returns int32 bit patterns;
    // oneHot needs depth >= 2, and one component is always the pick
    const pick = K === 1 ? tf.onesLike(logits) : tf.cast(tf.oneHot(tf.argMax(tf.add(logits, gumbel), 1), K), 'float32');
    const sx = tf.sum(tf.mul(pick, mx), 1);
    const sy = tf.sum(tf.mul(pick, my), 1);
    const L = tf.matMul(pick, tf.tensor2d(p.Lc, [K, 3]));
    const eps = tf.randomNormal([n, 2], 0, 1, 'float32', seedZ);
    const e0 = tf.reshape(tf.slice(eps, [0, 0], [-1, 1]), [-1]);
    const e1 = tf.reshape(tf.slice(eps, [0, 1], [-1, 1]), [-1]);
    const col = (i: number) => tf.reshape(tf.slice(L, [0, i], [-1, 1]), [-1]);
    const ox = tf.add(sx, tf.mul(col(0), e0));
    const oy = tf.add(tf.add(sy, tf.mul(col(1), e0)), tf.mul(col(2), e1));
    return tf.stack([ox, oy], 1) as Tensor2D;
  });
}
