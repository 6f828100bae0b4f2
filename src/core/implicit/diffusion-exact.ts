// Exact reference for fine-tuning with θ = logits (METHODS.md §1.3 with a mixture base): the fine-tuned
// model's output law is exactly p_θ = Σ w_k(θ) N(c_k, v_k I), w = softmax θ, so
//   F(θ) = E_{p_θ}[R] − λ KL(p_θ ‖ p_base) = Σ_k w_k (r_k − λ f_k),   f_k = E_{N(c_k, v_k I)}[log p_θ − log p_base]
//   ∂F/∂θ_j = w_j ((r_j − λ f_j) − F)        (the θ-derivative of log p_θ integrates to 0 under p_θ)
// r_k in closed form (rewards.ts); f_k by a midpoint rule on ±7 std per axis, which is spectrally accurate
// for this smooth Gaussian-weighted integrand. Float64 JS. The tilted optimum (components far apart) is
// w ∝ w_base exp(r/λ). The T-step sampler only approximates p_θ: the gap is the discretization bias.
import { componentReward, type RewardSpec } from './rewards';
import { softmax, type IsoMixture } from './param-mixture';

const Q = 48;
const HALF = 7;

function logMix(x: number, y: number, m: IsoMixture, logw: Float64Array): number {
  let best = -Infinity;
  const t = new Float64Array(logw.length);
  for (let k = 0; k < logw.length; k++) {
    const v = m.vars[k];
    const d2 = (x - m.centres[2 * k]) ** 2 + (y - m.centres[2 * k + 1]) ** 2;
    t[k] = logw[k] - d2 / (2 * v) - Math.log(2 * Math.PI * v);
    best = Math.max(best, t[k]);
  }
  let s = 0;
  for (const v of t) s += Math.exp(v - best);
  return best + Math.log(s);
}

export interface DiffusionExact {
  F: number;
  /** E_{p_θ}[R] */
  reward: number;
  /** KL(p_θ ‖ p_base) */
  kl: number;
  weights: Float64Array;
  grad: Float64Array;
}

export function diffusionExact(base: IsoMixture, theta: ArrayLike<number>, reward: RewardSpec, lambda: number): DiffusionExact {
  const K = base.logits.length;
  const w = softmax(theta);
  const logw = Float64Array.from(w, Math.log);
  const logw0 = Float64Array.from(softmax(base.logits), Math.log);
  const r = new Float64Array(K);
  const f = new Float64Array(K);
  const nodes = Array.from({ length: Q }, (_, i) => -HALF + ((i + 0.5) * 2 * HALF) / Q);
  const wt = nodes.map((z) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * ((2 * HALF) / Q));
  for (let k = 0; k < K; k++) {
    const [cx, cy] = [base.centres[2 * k], base.centres[2 * k + 1]];
    const sd = Math.sqrt(base.vars[k]);
    r[k] = componentReward(reward, cx, cy, base.vars[k]);
    if (lambda === 0) continue;
    let acc = 0;
    for (let i = 0; i < Q; i++) {
      for (let j = 0; j < Q; j++) {
        const x = cx + sd * nodes[i];
        const y = cy + sd * nodes[j];
        acc += wt[i] * wt[j] * (logMix(x, y, base, logw) - logMix(x, y, base, logw0));
      }
    }
    f[k] = acc;
  }
  let R = 0, kl = 0;
  for (let k = 0; k < K; k++) {
    R += w[k] * r[k];
    kl += w[k] * f[k];
  }
  const F = R - lambda * kl;
  const grad = Float64Array.from(w, (wj, j) => wj * (r[j] - lambda * f[j] - F));
  return { F, reward: R, kl, weights: w, grad };
}
