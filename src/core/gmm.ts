// Gaussian-mixture closed forms (METHODS.md §0.2), batched over x [N,2]. Every function takes a noise level
// {a, s2}: the noised mixture is Σ_k π_k N(a μ_k, a² Σ_k + s2 I), so the clean target is the level CLEAN.
// Posterior quantities (Tweedie, its Jacobian, posterior samples) live in gmm-posterior.ts and the linear
// measurement update in gmm-condition.ts; both are re-exported here so callers import one module.
import { tf } from './tf';
import type { Tensor1D, Tensor2D } from './tf';
import { CLEAN } from './types';
import type { Mixture, NoiseLevel, Vec2 } from './types';
import type { Rng } from './rng';
import { checkMixture, checkPoints, chol2, componentTerms, gmmConsts, COV_FLOOR } from './gmm-terms';

export { gmmTweedie, gmmTweedieJacobian, gmmPosteriorSample, gmmPosteriorCov } from './gmm-posterior';
export { gmmConditionLinear } from './gmm-condition';
export { COV_FLOOR, chol2 } from './gmm-terms';

/** normalized log density of the noised mixture, [N] */
export function gmmLogProb(x: Tensor2D, mix: Mixture, level: NoiseLevel = CLEAN): Tensor1D {
  checkPoints(x, 'gmmLogProb');
  const c = gmmConsts(mix, level);
  return tf.tidy(() => tf.logSumExp(componentTerms(x, mix, c).logits, 1) as Tensor1D);
}

/** γ_k(x) ∝ π_k N(x; a μ_k, S_k), rows sum to 1, [N,K] */
export function gmmResponsibilities(x: Tensor2D, mix: Mixture, level: NoiseLevel = CLEAN): Tensor2D {
  checkPoints(x, 'gmmResponsibilities');
  const c = gmmConsts(mix, level);
  return tf.tidy(() => {
    const { logits } = componentTerms(x, mix, c);
    return tf.exp(tf.sub(logits, tf.logSumExp(logits, 1, true))) as Tensor2D;
  });
}

/** log density [N] and score [N,2] from one pass (MALA/HMC need both) */
export function gmmLogProbAndScore(x: Tensor2D, mix: Mixture, level: NoiseLevel = CLEAN): { logp: Tensor1D; score: Tensor2D } {
  checkPoints(x, 'gmmLogProbAndScore');
  const c = gmmConsts(mix, level);
  const [logp, score] = tf.tidy(() => {
    const { z, logits, M } = componentTerms(x, mix, c);
    const lse = tf.logSumExp(logits, 1, true);
    const gamma = tf.exp(tf.sub(logits, lse));
    // −Σ_k γ_k S_k⁻¹ d_k = −Σ_k γ_k W_kᵀ (u_k, v_k): weight z by γ (tiled over the u and v halves), then Mᵀ
    const s = tf.neg(tf.matMul(tf.mul(z, tf.concat([gamma, gamma], 1)), M, false, true));
    return [tf.reshape(lse, [-1]) as Tensor1D, s as Tensor2D];
  });
  return { logp, score };
}

/** exact score ∇ log p_level(x), [N,2] */
export function gmmScore(x: Tensor2D, mix: Mixture, level: NoiseLevel = CLEAN): Tensor2D {
  const { logp, score } = gmmLogProbAndScore(x, mix, level);
  logp.dispose();
  return score;
}

/**
 * n exact samples of the clean mixture, [n,2]. Drawn in JS from `rng` so a seed gives the same points on
 * every backend (the tfjs RNG would tie the stream to the kernel implementation).
 */
export function gmmSample(n: number, mix: Mixture, rng: Rng): Tensor2D {
  checkMixture(mix);
  if (!Number.isInteger(n) || n < 0) throw new Error(`gmmSample: n must be a non-negative integer, got ${n}`);
  const K = mix.length;
  const cum = new Float64Array(K);
  let tot = 0;
  for (let k = 0; k < K; k++) cum[k] = tot += mix[k].w;
  const L = mix.map((c) => chol2(c.cov));
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform() * tot;
    let lo = 0;
    let hi = K - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const [l11, l21, l22] = L[lo];
    const z1 = rng.normal();
    const z2 = rng.normal();
    out[2 * i] = mix[lo].mean[0] + l11 * z1;
    out[2 * i + 1] = mix[lo].mean[1] + l21 * z1 + l22 * z2;
  }
  return tf.tensor2d(out, [n, 2]);
}

/** the noised mixture as a plain Mixture: means a μ_k, covariances a² Σ_k + s2 I */
export function gmmNoised(mix: Mixture, level: NoiseLevel): Mixture {
  const { a, s2 } = level;
  return mix.map((c) => ({
    w: c.w,
    mean: [a * c.mean[0], a * c.mean[1]] as Vec2,
    cov: [a * a * c.cov[0] + s2, a * a * c.cov[1], a * a * c.cov[2] + s2] as [number, number, number],
  }));
}

/** 1D marginal density of one axis of the (noised) mixture at the values xs */
export function gmmMarginal(mix: Mixture, axis: 0 | 1, xs: Float32Array, level: NoiseLevel = CLEAN): Float32Array {
  checkMixture(mix);
  const tot = mix.reduce((s, c) => s + c.w, 0);
  const out = new Float32Array(xs.length);
  for (const c of mix) {
    const m = level.a * c.mean[axis];
    // the same eigenvalue floor as the 2D density, so a line component along the other axis stays finite
    const v = Math.max(level.a * level.a * c.cov[axis === 0 ? 0 : 2] + level.s2, COV_FLOOR);
    const norm = c.w / tot / Math.sqrt(2 * Math.PI * v);
    for (let i = 0; i < xs.length; i++) out[i] += norm * Math.exp(-((xs[i] - m) ** 2) / (2 * v));
  }
  return out;
}

/** mean and covariance [xx, xy, yy] of the clean mixture */
export function gmmMoments(mix: Mixture): { mean: Vec2; cov: [number, number, number] } {
  checkMixture(mix);
  const tot = mix.reduce((s, c) => s + c.w, 0);
  let mx = 0, my = 0, exx = 0, exy = 0, eyy = 0;
  for (const c of mix) {
    const p = c.w / tot;
    const [x, y] = c.mean;
    mx += p * x; my += p * y;
    exx += p * (c.cov[0] + x * x);
    exy += p * (c.cov[1] + x * y);
    eyy += p * (c.cov[2] + y * y);
  }
  return { mean: [mx, my], cov: [exx - mx * mx, exy - mx * my, eyy - my * my] };
}
