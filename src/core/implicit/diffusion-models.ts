// θ-parameterized noised scores for the finite-time mode (METHODS.md §1.3). The base model is either the
// exact noised score of an isotropic mixture Σ w_k N(c_k, v_k I) (at level (a, s2) the mixture
// Σ w_k N(a c_k, (a² v_k + s2) I)) or a learned score (a ScoreNet trained by DSM on the mixture's samples).
// Two fine-tuning parameterizations, θ a flat vector in both:
//   'logits': θ = the mixture logits, so s_θ is the exact noised score of the reweighted mixture and the
//             fine-tuned law is known in closed form (exact reference in diffusion-exact.ts); exact base only;
//   'mlp':    θ = the weights of a small MLP ε-correction, s_θ = s_base − MLP(x, a, s)/s (last layer zero at
//             θ0, so the run starts at the base model); any base.
// Levels are per row ([N,1] tensors) so one call advances queue slots at different stages; the same levels
// also come as groups of consecutive rows (a ScoreFn takes one scalar level per call). All ops are
// differentiable in x and θ (the queue backpropagates through recorded steps, the learned base included).
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';
import type { ScoreFn } from '../types';
import { checkIsoMixture, type IsoMixture } from './param-mixture';

export type FineTuneKind = 'logits' | 'mlp';

/** the rows of a batched call: `n` consecutive rows at level (a, s2), groups in row order */
export type LevelGroups = readonly { a: number; s2: number; n: number }[];

/** a base score at per-row levels: the tensors [N,1] and the same levels as row groups */
export type BaseScore = (x: Tensor2D, a: Tensor2D, s2: Tensor2D, groups: LevelGroups) => Tensor2D;

/** the exact noised mixture score as a BaseScore */
export function mixtureBase(m: IsoMixture): BaseScore {
  checkIsoMixture(m);
  const logits = Float32Array.from(m.logits);
  return (x, a, s2) => tf.tidy(() => mixtureScore(x, tf.tensor1d(logits), m, a, s2));
}

/** a learned ScoreFn as a BaseScore: one call per level group (the net takes a scalar level) */
export function learnedBase(score: ScoreFn): BaseScore {
  return (x, _a, _s2, groups) =>
    tf.tidy(() => {
      const total = groups.reduce((s, g) => s + g.n, 0);
      if (total !== x.shape[0]) throw new Error(`learned base score: level groups cover ${total} rows, x has ${x.shape[0]}`);
      if (groups.length === 1) return score(x, groups[0]);
      const parts = tf.split(x, groups.map((g) => g.n)) as Tensor2D[];
      return tf.concat(parts.map((p, i) => score(p, groups[i]))) as Tensor2D;
    });
}

export interface DiffusionModel {
  readonly kind: FineTuneKind;
  /** number of parameters */
  readonly P: number;
  /** θ0 (the base model) */
  theta0(): Float32Array;
  /** s_θ(x) at per-row levels a [N,1], s2 [N,1] (the same levels as row groups) */
  score(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s2: Tensor2D, groups: LevelGroups): Tensor2D;
  /** the base model's score at the same levels */
  baseScore(x: Tensor2D, a: Tensor2D, s2: Tensor2D, groups: LevelGroups): Tensor2D;
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
  private readonly base: BaseScore;
  /** base: a mixture (its exact noised score) or any BaseScore (e.g. learnedBase(net.score)) */
  constructor(base: IsoMixture | BaseScore, readonly hidden: number, rng: Rng) {
    this.base = typeof base === 'function' ? base : mixtureBase(base);
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
  score(x: Tensor2D, theta: Tensor1D, a: Tensor2D, s2: Tensor2D, groups: LevelGroups): Tensor2D {
    return tf.tidy(() => {
      const s = tf.sqrt(s2) as Tensor2D;
      return tf.sub(this.baseScore(x, a, s2, groups), tf.div(this.correction(x, theta, a, s), s)) as Tensor2D;
    });
  }
  baseScore(x: Tensor2D, a: Tensor2D, s2: Tensor2D, groups: LevelGroups): Tensor2D {
    return this.base(x, a, s2, groups);
  }
}
