// θ-parameterized noised scores for the finite-time mode (METHODS.md §1.3). The base model is the exact
// noised score of an isotropic mixture Σ w_k N(c_k, v_k I): at level (a, s2) it is the mixture
// Σ w_k N(a c_k, (a² v_k + s2) I). Two fine-tuning parameterizations, θ a flat vector in both:
//   'logits': θ = the mixture logits, so s_θ is the exact noised score of the reweighted mixture and the
//             fine-tuned law is known in closed form (exact reference in diffusion-exact.ts);
//   'mlp':    θ = the weights of a small MLP ε-correction, s_θ = s_base − MLP(x, a, s)/s (last layer zero at
//             θ0, so the run starts at the base model).
// Levels are per row ([N,1] tensors) so one call advances queue slots at different stages. All ops are
// differentiable in x and θ (the queue backpropagates through recorded steps).
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';
import { checkIsoMixture, type IsoMixture } from './param-mixture';

export type FineTuneKind = 'logits' | 'mlp';

export interface DiffusionModel {
  readonly kind: FineTuneKind;
  /** number of parameters */
  readonly P: number;
  /** θ0 (the base model) */
  theta0(): Float32Array;
  /** s_θ(x) at per-row levels a [N,1], s2 [N,1] */
  score(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s2: Tensor2D): Tensor2D;
  /** the base model's score at the same levels */
  baseScore(x: Tensor2D, a: Tensor2D, s2: Tensor2D): Tensor2D;
}

/** exact noised score of Σ softmax(logits)_k N(c_k, v_k I) at per-row levels */
export function mixtureScore(x: Tensor2D, logits: Tensor1D, m: IsoMixture, a: Tensor2D, s2: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const K = m.logits.length;
    const c = tf.tensor2d(Float32Array.from(m.centres), [K, 2]);
    const v = tf.tensor2d(Float32Array.from(m.vars), [1, K]);
    const S = tf.add(tf.mul(tf.square(a), v), s2); // [N,K] = a² v_k + s2
    const d = tf.sub(tf.expandDims(x, 1), tf.mul(tf.expandDims(a, 2), tf.expandDims(c, 0))); // [N,K,2]
    const sq = tf.sum(tf.square(d), 2); // [N,K]
    const logw = tf.sub(logits, tf.logSumExp(logits));
    const lt = tf.sub(tf.sub(logw, tf.div(sq, tf.mul(S, 2))), tf.log(S)); // log w_k N up to a constant
    const g = tf.exp(tf.sub(lt, tf.logSumExp(lt, 1, true))); // γ_k [N,K]
    return tf.neg(tf.sum(tf.mul(tf.expandDims(tf.div(g, S), 2), d), 1)) as Tensor2D;
  });
}

export class LogitsModel implements DiffusionModel {
  readonly kind = 'logits' as const;
  readonly P: number;
  constructor(readonly base: IsoMixture) {
    checkIsoMixture(base);
    this.P = base.logits.length;
  }
  theta0(): Float32Array {
    return Float32Array.from(this.base.logits);
  }
  score(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s2: Tensor2D): Tensor2D {
    return mixtureScore(x, theta, this.base, a, s2);
  }
  baseScore(x: Tensor2D, a: Tensor2D, s2: Tensor2D): Tensor2D {
    return tf.tidy(() => mixtureScore(x, tf.tensor1d(Float32Array.from(this.base.logits)), this.base, a, s2));
  }
}

/** one hidden tanh layer on (x/4, a, s): small enough to record θ per step as a plain array */
export class MlpCorrectionModel implements DiffusionModel {
  readonly kind = 'mlp' as const;
  readonly P: number;
  private readonly init: Float32Array;
  constructor(readonly base: IsoMixture, readonly hidden: number, rng: Rng) {
    checkIsoMixture(base);
    if (!Number.isInteger(hidden) || hidden < 1) throw new Error(`MLP correction: width must be a positive integer, got ${hidden}`);
    const h = hidden;
    this.P = 4 * h + h + 2 * h + 2;
    this.init = new Float32Array(this.P);
    // Glorot-uniform first layer; the output layer (and biases) zero, so θ0 is exactly the base score
    const lim = Math.sqrt(6 / (4 + h));
    for (let i = 0; i < 4 * h; i++) this.init[i] = (2 * rng.uniform() - 1) * lim;
  }
  theta0(): Float32Array {
    return this.init.slice();
  }
  /** the ε-correction MLP(x, a, s) [N,2] */
  correction(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s: Tensor2D): Tensor2D {
    return tf.tidy(() => {
      const h = this.hidden;
      const W1 = tf.reshape(tf.slice(theta, 0, 4 * h), [4, h]);
      const b1 = tf.slice(theta, 4 * h, h);
      const W2 = tf.reshape(tf.slice(theta, 5 * h, 2 * h), [h, 2]);
      const b2 = tf.slice(theta, 7 * h, 2);
      const inp = tf.concat([tf.div(x, 4), a, s], 1) as Tensor2D;
      const z = tf.tanh(tf.add(tf.matMul(inp, W1), b1)) as Tensor2D;
      return tf.add(tf.matMul(z, W2), b2) as Tensor2D;
    });
  }
  score(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s2: Tensor2D): Tensor2D {
    return tf.tidy(() => {
      const s = tf.sqrt(s2) as Tensor2D;
      return tf.sub(this.baseScore(x, a, s2), tf.div(this.correction(x, theta, a, s), s)) as Tensor2D;
    });
  }
  baseScore(x: Tensor2D, a: Tensor2D, s2: Tensor2D): Tensor2D {
    return tf.tidy(() => mixtureScore(x, tf.tensor1d(Float32Array.from(this.base.logits)), this.base, a, s2));
  }
}
