// Gaussian-mixture closed forms with a noise level per row (METHODS.md §0.2). DiKL draws t per sample,
// so x_t [N,2] comes with a [N,1] and s2 [N,1]; gmm.ts takes one level per call, this takes one per row.
// Per row and component: S = a² Σ_k + s2 I (explicit 2×2 inverse), logits log π_k − ½ log det S − ½ dᵀS⁻¹d,
//   score      −Σ_k γ_k S⁻¹ d,  d = x − a μ_k
//   posterior  m_k = μ_k + a Σ_k S⁻¹ d,   C_k = Σ_k − a² Σ_k S⁻¹ Σ_k.
// Checked against gmmScore / gmmTweedie at a shared level in mixture-rows.test.ts.
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '../tf';
import type { Mixture } from '../types';
import type { Rng } from '../rng';
import { checkMixture } from '../gmm-terms';

/** floor on det S (a singular component at s2 = 0 stays finite, like gmm-terms' COV_FLOOR) */
const DET_FLOOR = 1e-12;

function rowConsts(mix: Mixture) {
  checkMixture(mix);
  const tot = mix.reduce((q, c) => q + c.w, 0);
  const row = (f: (c: Mixture[number]) => number) => tf.tensor2d(Float32Array.from(mix, f), [1, mix.length]);
  return {
    logw: row((c) => Math.log(c.w / tot)),
    mx: row((c) => c.mean[0]), my: row((c) => c.mean[1]),
    sxx: row((c) => c.cov[0]), sxy: row((c) => c.cov[1]), syy: row((c) => c.cov[2]),
  };
}

/** shared terms, all [N,K]; call inside tf.tidy */
function terms(x: Tensor2D, mix: Mixture, a: Tensor2D, s2: Tensor2D) {
  if (x.rank !== 2 || x.shape[1] !== 2) throw new Error(`mixture rows: x must be [N,2], got [${x.shape}]`);
  const c = rowConsts(mix);
  const a2 = tf.square(a);
  const Sxx = tf.add(tf.mul(a2, c.sxx), s2);
  const Sxy = tf.mul(a2, c.sxy);
  const Syy = tf.add(tf.mul(a2, c.syy), s2);
  const det = tf.maximum(tf.sub(tf.mul(Sxx, Syy), tf.square(Sxy)), DET_FLOOR);
  const [x0, x1] = tf.split(x, 2, 1);
  const dx = tf.sub(x0, tf.mul(a, c.mx));
  const dy = tf.sub(x1, tf.mul(a, c.my));
  // u = S⁻¹ d
  const ux = tf.div(tf.sub(tf.mul(Syy, dx), tf.mul(Sxy, dy)), det);
  const uy = tf.div(tf.sub(tf.mul(Sxx, dy), tf.mul(Sxy, dx)), det);
  const quad = tf.add(tf.mul(dx, ux), tf.mul(dy, uy));
  const logits = tf.sub(tf.sub(c.logw, tf.mul(tf.log(det), 0.5)), tf.mul(quad, 0.5));
  return { c, a2, Sxx, Sxy, Syy, det, ux, uy, logits };
}

/** ∇ log p_t(x) for each row's level, [N,2] */
export function mixtureRowScore(x: Tensor2D, mix: Mixture, a: Tensor2D, s2: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const { ux, uy, logits } = terms(x, mix, a, s2);
    const g = tf.softmax(logits, 1);
    return tf.neg(tf.concat([tf.sum(tf.mul(g, ux), 1, true), tf.sum(tf.mul(g, uy), 1, true)], 1)) as Tensor2D;
  });
}

/** per-component posterior means and covariances, [N,K] each; inside tf.tidy */
function posteriorParts(x: Tensor2D, mix: Mixture, a: Tensor2D, s2: Tensor2D) {
  const t = terms(x, mix, a, s2);
  const { c, ux, uy } = t;
  // m = μ + a Σ u
  const mx = tf.add(c.mx, tf.mul(a, tf.add(tf.mul(c.sxx, ux), tf.mul(c.sxy, uy))));
  const my = tf.add(c.my, tf.mul(a, tf.add(tf.mul(c.sxy, ux), tf.mul(c.syy, uy))));
  // Σ S⁻¹ Σ with S⁻¹ = [Syy, −Sxy; −Sxy, Sxx]/det
  const ixx = tf.div(t.Syy, t.det), ixy = tf.div(tf.neg(t.Sxy), t.det), iyy = tf.div(t.Sxx, t.det);
  const qxx = tf.add(tf.mul(c.sxx, ixx), tf.mul(c.sxy, ixy)); // (Σ S⁻¹)_xx
  const qxy = tf.add(tf.mul(c.sxx, ixy), tf.mul(c.sxy, iyy)); // (Σ S⁻¹)_xy
  const qyx = tf.add(tf.mul(c.sxy, ixx), tf.mul(c.syy, ixy));
  const qyy = tf.add(tf.mul(c.sxy, ixy), tf.mul(c.syy, iyy));
  const cxx = tf.sub(c.sxx, tf.mul(t.a2, tf.add(tf.mul(qxx, c.sxx), tf.mul(qxy, c.sxy))));
  const cxy = tf.sub(c.sxy, tf.mul(t.a2, tf.add(tf.mul(qxx, c.sxy), tf.mul(qxy, c.syy))));
  const cyy = tf.sub(c.syy, tf.mul(t.a2, tf.add(tf.mul(qyx, c.sxy), tf.mul(qyy, c.syy))));
  return { logits: t.logits, mx, my, cxx, cxy, cyy };
}

/** E[x0 | x_t] per row (Tweedie), [N,2] */
export function mixtureRowTweedie(x: Tensor2D, mix: Mixture, a: Tensor2D, s2: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const p = posteriorParts(x, mix, a, s2);
    const g = tf.softmax(p.logits, 1);
    return tf.concat([tf.sum(tf.mul(g, p.mx), 1, true), tf.sum(tf.mul(g, p.my), 1, true)], 1) as Tensor2D;
  });
}

/** one exact sample of p(x0 | x_t) per row: component by Gumbel-max, then m_k + chol(C_k) ε */
export function mixtureRowPosteriorSample(x: Tensor2D, mix: Mixture, a: Tensor2D, s2: Tensor2D, rng: Rng): Tensor2D {
  const seedU = rng.seed();
  const seedZ = rng.seed();
  return tf.tidy(() => {
    const p = posteriorParts(x, mix, a, s2);
    const [n, K] = p.logits.shape as [number, number];
    const u = tf.randomUniform([n, K], 1e-20, 1, 'float32', seedU);
    // tf.oneHot needs depth >= 2: a one-component mixture always picks that component. oneHot(..., 'float32')
    // returns int bit patterns (1 reads as 1.4e-45) on the WASM backend (tfjs-backend-wasm 4.x): build int32, then cast
    const pick = K === 1 ? tf.onesLike(p.logits) : tf.cast(tf.oneHot(tf.argMax(tf.sub(p.logits, tf.log(tf.neg(tf.log(u)))), 1), K), 'float32');
    const at = (v: Tensor) => tf.sum(tf.mul(pick, v), 1, true);
    const cxx = tf.relu(at(p.cxx));
    const l11 = tf.sqrt(cxx);
    const l21 = tf.div(at(p.cxy), tf.maximum(l11, 1e-12));
    const l22 = tf.sqrt(tf.relu(tf.sub(at(p.cyy), tf.square(l21))));
    const [e0, e1] = tf.split(tf.randomNormal([n, 2], 0, 1, 'float32', seedZ), 2, 1);
    const ox = tf.add(at(p.mx), tf.mul(l11, e0));
    const oy = tf.add(tf.add(at(p.my), tf.mul(l21, e0)), tf.mul(l22, e1));
    return tf.concat([ox, oy], 1) as Tensor2D;
  });
}
