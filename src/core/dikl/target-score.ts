// The target's noisy score ∇log p^{(t)}(x_t) for DiKL (METHODS.md §3.2), three ways:
//   exact      closed form of the noised mixture (no sampling);
//   msi-exact  mixed score identity a(x0 + ∇log p(x0)) − x_t with one exact posterior sample x0 ~ p(x0|x_t);
//   msi-ais    the same identity with the paper's IS → AIS(MALA) → MALA posterior sampler.
// The identity needs a² + s² = 1 (VP), which DiKL's schedule satisfies. Only mixtures have the first two;
// a target without a closed form (the double well) always uses msi-ais, except that plain reverse KL at
// the smallest level uses the clean score ∇log p(x_t) (the t → 0 term, s_1 ≈ 0.16).
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';
import type { Mixture } from '../types';
import type { Rng } from '../rng';
import { gmmLogProbAndScore } from '../gmm';
import { mixtureRowPosteriorSample, mixtureRowScore } from './mixture-rows';
import { aisPosterior, type AisOptions, type ScoredDensity } from './posterior-ais';

export type TargetScoreKind = 'exact' | 'msi-exact' | 'msi-ais';
export const TARGET_SCORE_KINDS: readonly TargetScoreKind[] = ['exact', 'msi-exact', 'msi-ais'];

/** what DiKL may know of the target: its (unnormalized) log density and score; a mixture table when it is one */
export interface DiklTarget {
  density: ScoredDensity;
  mixture?: Mixture;
}

export function mixtureDensity(mix: Mixture): ScoredDensity {
  return (x) => {
    const { logp, score } = gmmLogProbAndScore(x, mix);
    return { logp, grad: score };
  };
}

export interface TargetScoreResult {
  score: Tensor2D;
  /** the posterior samples the estimate used (null for the closed form) */
  x0: Tensor2D | null;
  /** MALA acceptance of the AIS estimator (null otherwise) */
  accept: Scalar | null;
}

export type TargetScoreFn = (xt: Tensor2D, a: Tensor2D, s2: Tensor2D) => TargetScoreResult;

/** the kind that will actually run, with a reason when it differs from the request */
export function resolveKind(kind: TargetScoreKind, target: DiklTarget, objective: 'dikl' | 'rkl'): { kind: TargetScoreKind | 'clean'; note?: string } {
  if (target.mixture) return { kind: objective === 'rkl' ? 'exact' : kind };
  if (objective === 'rkl') return { kind: 'clean', note: 'reverse KL on a target without a closed-form noised score uses the clean score ∇log p(x_t) at the smallest level' };
  if (kind !== 'msi-ais') return { kind: 'msi-ais', note: `'${kind}' needs a Gaussian mixture; this target uses the paper's AIS estimator instead` };
  return { kind };
}

export function makeTargetScore(kind: TargetScoreKind | 'clean', target: DiklTarget, ais: AisOptions, rng: Rng): TargetScoreFn {
  const msi = (xt: Tensor2D, a: Tensor2D, x0: Tensor2D, grad: Tensor2D) =>
    tf.tidy(() => tf.sub(tf.mul(a, tf.add(x0, grad)), xt) as Tensor2D);
  switch (kind) {
    case 'exact': {
      const mix = need(target, kind);
      return (xt, a, s2) => ({ score: mixtureRowScore(xt, mix, a, s2), x0: null, accept: null });
    }
    case 'msi-exact': {
      const mix = need(target, kind);
      return (xt, a, s2) => {
        const x0 = mixtureRowPosteriorSample(xt, mix, a, s2, rng);
        const grad = tf.tidy(() => gmmLogProbAndScore(x0, mix).score);
        const score = msi(xt, a, x0, grad);
        grad.dispose();
        return { score, x0, accept: null };
      };
    }
    case 'msi-ais':
      return (xt, a, s2) => {
        const { x0, grad, accept } = aisPosterior(xt, a, s2, target.density, ais, rng);
        const score = msi(xt, a, x0, grad);
        grad.dispose();
        return { score, x0, accept };
      };
    case 'clean':
      return (xt) => ({ score: tf.tidy(() => target.density(xt).grad), x0: null, accept: null });
  }
}

function need(t: DiklTarget, kind: string): Mixture {
  if (!t.mixture) throw new Error(`target score '${kind}' needs a Gaussian-mixture target`);
  return t.mixture;
}
