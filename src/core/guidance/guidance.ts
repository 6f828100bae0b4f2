// The two guidance terms of Guo et al. (METHODS.md §4.1, as in GGDMOptim simulations/diffusion.py), for a
// per-row gradient g and target y (Algorithm 1 runs one optimization chain per sample):
//   naive   G(x_t)      = β_t (y − gᵀx̂0) g,            β_t = a_t / (σ² + s_t² ‖g‖²)
//   look-ahead G_loss   = 2 β_t (y − gᵀx̂0) (∂x̂0/∂x_t)ᵀ g,  β_t = (a_t²/2) / (a_t² σ² + s_t² ‖(∂x̂0/∂x_t)ᵀ g‖²)
// (a_t = √ᾱ_t, s_t² = 1 − ᾱ_t.) The guided score is score + G. G_loss is the gradient of −β_t (y − gᵀx̂0)²,
// so it lies in the range of ∂x̂0/∂x_t: on data supported by a subspace it never leaves it (Theorem 1).
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import type { NoiseLevel } from '../types';
import type { Prior } from './types';

export const GUIDANCE_IDS = ['naive', 'gloss'] as const;
export type GuidanceId = (typeof GUIDANCE_IDS)[number] | 'none';

export interface GuidanceOptions {
  kind: GuidanceId;
  /** assumed reward noise σ (Y = f(x) + ε, ε ~ N(0, σ²)) */
  sigma: number;
  /** multiplies β_t (the code's beta_coef) */
  betaScale: number;
  /** > 0: a constant β replaces β_t (the code's --beta); 0: use β_t */
  betaConst: number;
}

export function checkGuidanceOptions(o: GuidanceOptions): void {
  if (!(o.sigma > 0) || !Number.isFinite(o.sigma)) throw new Error(`guidance: the reward noise σ must be > 0, got ${o.sigma}`);
  if (!(o.betaScale >= 0) || !Number.isFinite(o.betaScale)) throw new Error(`guidance: the β scale must be >= 0, got ${o.betaScale}`);
  if (!(o.betaConst >= 0) || !Number.isFinite(o.betaConst)) throw new Error(`guidance: the constant β must be >= 0 (0 = use β_t), got ${o.betaConst}`);
}

const rowDot = (u: Tensor2D, v: Tensor2D) => tf.sum(tf.mul(u, v), 1, true);

/**
 * The guidance term at x_t, [N,2]. x0hat is the prior's Tweedie estimate at x (passed in: the sampler has
 * it already); g [N,2] and y [N,1] are the per-row gradient and target.
 */
export function guidanceTerm(
  prior: Prior, x: Tensor2D, level: NoiseLevel, x0hat: Tensor2D, g: Tensor2D, y: Tensor2D, o: GuidanceOptions,
): Tensor2D {
  return tf.tidy(() => {
    if (o.kind === 'none') return tf.zerosLike(x) as Tensor2D;
    const { a, s2 } = level;
    const resid = tf.sub(y, rowDot(g, x0hat)); // y − gᵀx̂0, [N,1]
    const beta = (schedule: () => ReturnType<typeof tf.div>) => (o.betaConst > 0 ? tf.scalar(o.betaConst) : tf.mul(schedule(), o.betaScale));
    if (o.kind === 'naive') {
      const b = beta(() => tf.div(a, tf.add(o.sigma * o.sigma, tf.mul(rowDot(g, g), s2))));
      return tf.mul(tf.mul(b, resid), g) as Tensor2D;
    }
    const v = prior.tweedieVjp(x, level, g); // ∇_x (gᵀx̂0)
    const b = beta(() => tf.div((a * a) / 2, tf.add(a * a * o.sigma * o.sigma, tf.mul(rowDot(v, v), s2))));
    return tf.mul(tf.mul(tf.mul(b, resid), v), 2) as Tensor2D;
  });
}

/** the guided score s + G at x (for the field plots and tests) */
export function guidedScore(prior: Prior, x: Tensor2D, level: NoiseLevel, g: Tensor2D, y: Tensor2D, o: GuidanceOptions): Tensor2D {
  return tf.tidy(() => {
    const s = prior.score(x, level);
    const x0hat = tf.div(tf.add(x, tf.mul(s, level.s2)), level.a) as Tensor2D;
    return tf.add(s, guidanceTerm(prior, x, level, x0hat, g, y, o)) as Tensor2D;
  });
}
