// Each rule as what the particle sampler runs (reverse-run.ts), for any Gaussian-mixture prior: a score for
// the DDPM step (tensor-rules.ts), or DDNM+'s own step (ddnm-plus.ts). And each rule's score as the mismatch
// Δ_t sees it: for DDNM+ the score whose DDPM mean equals its step's mean,
//   s̃_t(x) = (√α_t μ_t(x) − x)/β_t,  μ_t(x) = a x̂0⁺(x) + D₂ ε̂(x),
// the same definition as equivalentScore (gaussian-propagation.ts) for a Gaussian prior. Its noise covariance
// D₁² ≠ v_t I is the part Δ_t cannot hold (varExcess).
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gmmScore } from '../gmm';
import type { NoiseLevel } from '../types';
import { ddnmPlusCoefsAt, ddnmPlusStepTensor } from './ddnm-plus';
import type { RuleId } from './measurement';
import type { StepKernel, StepScore } from './reverse-run';
import { levelOf, type VpTable } from './schedule';
import { ruleScoreTensor, type MixtureCondSetup } from './tensor-rules';

/** DDNM+'s step t -> t−1 on particles: its mean, plus D₁ z when `seed` is given */
function ddnmPlusStep(cs: MixtureCondSetup, tab: VpTable, x: Tensor2D, t: number, seed: number | null): Tensor2D {
  const level = levelOf(tab, t);
  const k = ddnmPlusCoefsAt(tab, t, cs.sigmaYAssumed, cs.eta);
  return tf.tidy(() => ddnmPlusStepTensor(x, gmmScore(x, cs.prior, level), level, levelOf(tab, t - 1).a, cs.P, cs.u, k, seed));
}

/** what ReverseRun runs for `rule` */
export function ruleStepFn(rule: RuleId, cs: MixtureCondSetup, tab: VpTable): StepScore | StepKernel {
  if (rule === 'ddnm-plus') return { kernel: (x, t, seed) => ddnmPlusStep(cs, tab, x, t, seed) };
  return (x, level) => ruleScoreTensor(rule, x, level, cs);
}

/** s̃_t(x) of `rule` at step t (1..T), for Δ_t = s̃_t − ∇log q_t(x|y) */
export function ruleScoreAt(rule: RuleId, cs: MixtureCondSetup, tab: VpTable, x: Tensor2D, t: number): Tensor2D {
  const level: NoiseLevel = levelOf(tab, t);
  if (rule !== 'ddnm-plus') return ruleScoreTensor(rule, x, level, cs);
  const beta = tab.beta[t - 1];
  const sa = Math.sqrt(tab.alpha[t - 1]);
  return tf.tidy(() => tf.div(tf.sub(tf.mul(ddnmPlusStep(cs, tab, x, t, null), sa), x), beta) as Tensor2D);
}
