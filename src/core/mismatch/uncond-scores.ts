// Mismatched scores for the unconditional mode (issue 3): the sampler targets q0 but uses s̃_t ≠ ∇log q_t:
// (a) the exact noised score of another "training" mixture, (b) the exact score plus a controllable
// perturbation, (c) a learned net (built in the lab). The mismatch Δ_t = s̃_t − ∇log q_t and its mean square
// under q_t are estimated with fixed clean samples and fixed noise (common random numbers across t, so the
// per-t curve is smooth), and accumulate into B_T = Σ_t (β_t/2) E_{q_t}‖Δ_t‖² (METHODS.md §2.1).
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';
import type { NoiseLevel, ScoreFn } from '../types';
import type { M2, V2 } from './mat2';
import type { Affine } from './affine-rules';

export const PERTURB_KINDS = ['shift', 'swirl'] as const;
export type PerturbKind = (typeof PERTURB_KINDS)[number];

/**
 * The perturbation ε·u(x), the same at every t: 'shift' u = (1, 0) (a constant push), 'swirl' u = (−x₂, x₁)
 * (a rotation). Both are affine in x, so a Gaussian target keeps its closed-form KL.
 */
export function perturbationAffine(kind: PerturbKind, eps: number): Affine {
  if (!Number.isFinite(eps)) throw new Error(`perturbation ε must be finite, got ${eps}`);
  if (kind === 'shift') return { M: [0, 0, 0, 0], b: [eps, 0] };
  if (kind === 'swirl') return { M: [0, -eps, eps, 0] as M2, b: [0, 0] as V2 };
  throw new Error(`unknown perturbation '${String(kind)}': shift or swirl`);
}

export function perturbedScore(exact: ScoreFn, kind: PerturbKind, eps: number): ScoreFn {
  const { M, b } = perturbationAffine(kind, eps);
  return (x, level) => tf.tidy(() => {
    const u = tf.add(tf.matMul(x, tf.tensor2d([M[0], M[2], M[1], M[3]], [2, 2])), tf.tensor1d([b[0], b[1]]));
    return tf.add(exact(x, level), u) as Tensor2D;
  });
}

/** x_t = a x0 + s z for fixed clean samples x0 and noise z, [N,2] */
export function noisedSamples(x0: Tensor2D, z: Tensor2D, level: NoiseLevel): Tensor2D {
  return tf.tidy(() => tf.add(tf.mul(x0, level.a), tf.mul(z, Math.sqrt(level.s2))) as Tensor2D);
}

/** E_{q_t}‖s̃_t − s_t‖² estimated on x_t = a x0 + s z (a scalar tensor; read it off the hot path) */
export function meanSquaredMismatch(x0: Tensor2D, z: Tensor2D, level: NoiseLevel, approx: ScoreFn, exact: ScoreFn): Scalar {
  return tf.tidy(() => {
    const xt = noisedSamples(x0, z, level);
    const d = tf.sub(approx(xt, level), exact(xt, level));
    return tf.mean(tf.sum(tf.square(d), 1)) as Scalar;
  });
}
