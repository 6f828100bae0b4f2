// The truth the particle method is compared to. Because π*(θ) is exactly the mixture,
//   J(θ) = E_{π*(θ)}[R] = Σ_k w_k r(c_k),   r(c) = E_{N(c, v I)}[R]            (rewards.ts, closed form)
//   logits: ∂J/∂θ_j = w_j (r_j − J)          means: ∂J/∂c_k = w_k ∇_c r(c_k)
// The regularizer's gradient ∇θ KL(π_ref ‖ π*(θ)) = E_ref[∇θV] − E_{π*(θ)}[∇θV]; the second term is 0
// (V is the normalized −log density, so it is the mean of a score), the first is an average over a
// fixed large reference sample (Monte Carlo, not closed form; it only enters when λ > 0).
// Plain float64 JS: a handful of numbers per update, no tensors.
import type { ParamMixture } from './param-mixture';
import { softmax } from './param-mixture';
import { componentReward, componentRewardGrad, type RewardSpec } from './rewards';

export interface FlowTerms {
  weights: Float64Array;
  /** r_k at the current centres */
  r: Float64Array;
  J: number;
  /** ∇θ J */
  grad: Float64Array;
}

export function exactTerms(mix: ParamMixture, theta: ArrayLike<number>, reward: RewardSpec): FlowTerms {
  const { logits, centres } = mix.unpack(theta);
  const w = softmax(logits);
  const K = mix.K;
  const r = new Float64Array(K);
  for (let k = 0; k < K; k++) r[k] = componentReward(reward, centres[2 * k], centres[2 * k + 1], mix.base.vars[k]);
  const J = w.reduce((s, wk, k) => s + wk * r[k], 0);
  const grad = new Float64Array(mix.P);
  if (mix.kind === 'logits') {
    for (let k = 0; k < K; k++) grad[k] = w[k] * (r[k] - J);
  } else {
    for (let k = 0; k < K; k++) {
      const [g1, g2] = componentRewardGrad(reward, centres[2 * k], centres[2 * k + 1], mix.base.vars[k]);
      grad[2 * k] = w[k] * g1;
      grad[2 * k + 1] = w[k] * g2;
    }
  }
  return { weights: w, r, J, grad };
}

/** mean over reference points (interleaved xy) of ∇θV(x, θ), float64 */
export function meanGradThetaV(mix: ParamMixture, theta: ArrayLike<number>, ref: Float32Array): Float64Array {
  const { logits, centres } = mix.unpack(theta);
  const w = softmax(logits);
  const K = mix.K;
  const out = new Float64Array(mix.P);
  const lt = new Float64Array(K);
  const n = ref.length / 2;
  for (let i = 0; i < n; i++) {
    const x = ref[2 * i];
    const y = ref[2 * i + 1];
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      const v = mix.base.vars[k];
      lt[k] = Math.log(w[k]) - ((x - centres[2 * k]) ** 2 + (y - centres[2 * k + 1]) ** 2) / (2 * v) - Math.log(2 * Math.PI * v);
      m = Math.max(m, lt[k]);
    }
    let s = 0;
    for (let k = 0; k < K; k++) s += (lt[k] = Math.exp(lt[k] - m));
    for (let k = 0; k < K; k++) {
      const g = lt[k] / s;
      if (mix.kind === 'logits') out[k] -= g - w[k];
      else {
        const v = mix.base.vars[k];
        out[2 * k] -= (g * (x - centres[2 * k])) / v;
        out[2 * k + 1] -= (g * (y - centres[2 * k + 1])) / v;
      }
    }
  }
  return out.map((v) => v / Math.max(1, n));
}

/** θ_{k+1} = θ_k + η (∇J − λ ∇KL(π_ref ‖ π*(θ))): the paper's objective with the regularizer's intended sign */
export class ExactFlow {
  theta: Float64Array;
  steps = 0;

  constructor(
    private readonly mix: ParamMixture,
    theta0: ArrayLike<number>,
    public reward: RewardSpec,
    public eta: number,
    public lambda: number,
    /** a fixed large reference sample for the KL term (ignored when λ = 0) */
    private readonly refSample: Float32Array | null,
  ) {
    this.theta = Float64Array.from(theta0 as ArrayLike<number>);
  }

  direction(theta: ArrayLike<number> = this.theta): Float64Array {
    const g = exactTerms(this.mix, theta, this.reward).grad;
    if (this.lambda !== 0 && this.refSample) {
      const kl = meanGradThetaV(this.mix, theta, this.refSample);
      for (let i = 0; i < g.length; i++) g[i] -= this.lambda * kl[i];
    }
    return g;
  }

  step(): void {
    const g = this.direction();
    for (let i = 0; i < g.length; i++) this.theta[i] += this.eta * g[i];
    this.steps += 1;
  }

  terms(): FlowTerms {
    return exactTerms(this.mix, this.theta, this.reward);
  }
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}
