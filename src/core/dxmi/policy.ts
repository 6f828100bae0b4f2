// The few-step Gaussian policy of DxMI (METHODS.md §5.1, §5.3): x_0 ~ N(0, I), then for i = 0..T-1
//   x_{i+1} = μ_θ(x_i, i) + σ_i ε,   μ_θ = xMult_i x_i + cEps_i ε̂_θ(x_i, i)      (var-schedule.ts)
// ε̂_θ comes from an MLP on [x, one-hot(i)] that predicts v (v-parametrization, Salimans & Ho 2022):
//   ε̂ = √(1−Γ̄) x + √Γ̄ v̂,   Γ̄ = the level of x_i.
// The official code predicts ε directly; with T = 4 its first step multiplies ε̂ by cEps ≈ −110, so any
// change of the shared MLP moves the first step's mean 110 times as far (the code needs ad-hoc scales
// at T = 4). v̂ gives the same sampler family with O(1) coefficients at every level.
// log σ_i are free parameters (the last one fixed, 'fix_last').
// Everything lives in the normalized data frame (data divided by its scale), so N(0, I) is the prior.
// Initialization: a DDPM fitted to the data on the same T levels (ε-prediction DSM, `pretrainStep`),
// which makes the policy exactly the T-step DDPM ancestral sampler before DxMI starts.
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D, Variable } from '../tf';
import type { Rng } from '../rng';
import { Mlp } from '../nets/mlp';
import { clipByGlobalNorm } from '../nets/dsm';
import { makeVarSchedule, type VarKind, type VarSchedule } from './var-schedule';

export interface PolicyOptions {
  T: number;
  hidden: number;
  depth: number;
  rng: Rng;
  /** VAR schedule variant (var-schedule.ts), default 'code' */
  schedule?: VarKind;
  /** learning rate of the DDPM pretraining (DSM) */
  pretrainLr?: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

export class GaussianPolicy {
  readonly T: number;
  readonly sched: VarSchedule;
  readonly mlp: Mlp;
  /** log σ_i for i = 0..T-2 (learnable); null when T = 1 (only the fixed last step) */
  readonly logSigma: Variable | null;
  private readonly pretrainOpt: tf.Optimizer;
  private readonly rng: Rng;

  constructor(opts: PolicyOptions) {
    this.T = opts.T;
    this.sched = makeVarSchedule(opts.T, opts.schedule ?? 'code');
    this.rng = opts.rng.split();
    this.mlp = new Mlp({ inDim: 2 + opts.T, outDim: 2, hidden: opts.hidden, depth: opts.depth, rng: this.rng });
    const init = Float32Array.from(this.sched.sigma0.subarray(0, opts.T - 1), Math.log);
    if (opts.T > 1) {
      const t = tf.tensor1d(init);
      this.logSigma = tf.variable(t); // shares t's data; t is freed below (as Mlp does)
      t.dispose();
    } else this.logSigma = null;
    this.pretrainOpt = tf.train.adam(opts.pretrainLr ?? 2e-3);
  }

  /** the variables the DxMI sampler step trains (σ only when asked) */
  trainable(learnSigma: boolean): Variable[] {
    return learnSigma && this.logSigma ? [...this.mlp.vars, this.logSigma] : [...this.mlp.vars];
  }

  /** v̂_θ(x, i), the raw MLP output */
  vHat(x: Tensor2D, i: number): Tensor2D {
    const oneHot = new Float32Array(this.T);
    oneHot[i] = 1;
    const t = tf.tile(tf.tensor2d(oneHot, [1, this.T]), [x.shape[0], 1]);
    return this.mlp.apply(tf.concat([x, t], 1) as Tensor2D);
  }

  /** ε̂_θ(x, i) = √(1−Γ̄) x + √Γ̄ v̂ for a batch at one step index */
  epsHat(x: Tensor2D, i: number): Tensor2D {
    const g = this.sched.gbarState[i];
    return tf.add(tf.mul(x, Math.sqrt(1 - g)), tf.mul(this.vHat(x, i), Math.sqrt(g))) as Tensor2D;
  }

  mean(x: Tensor2D, i: number): Tensor2D {
    return policyMean(x, this.epsHat(x, i), this.sched, i);
  }

  /** log σ_i as a scalar tensor (a slice of the variable, so gradients reach it) */
  logSigmaAt(i: number): Scalar {
    if (i === this.T - 1 || !this.logSigma) return tf.scalar(Math.log(this.sched.sigma0[this.T - 1]));
    return tf.reshape(tf.slice(this.logSigma, [i], [1]), []) as Scalar;
  }

  /** x_{i+1} = μ + σ_i z with a given noise z (reparameterized: differentiable in θ and σ) */
  move(x: Tensor2D, i: number, z: Tensor2D): Tensor2D {
    return tf.add(this.mean(x, i), tf.mul(tf.exp(this.logSigmaAt(i)), z)) as Tensor2D;
  }

  /** log π(x' | x) at step i, [N] */
  logProb(x: Tensor2D, xNext: Tensor2D, i: number): Tensor1D {
    return gaussianLogProb(xNext, this.mean(x, i), this.logSigmaAt(i));
  }

  /** differential entropy of the step-i kernel in 2D: 2 (½ log(2πe) + log σ_i) */
  entropy(i: number): Scalar {
    return tf.add(tf.mul(this.logSigmaAt(i), 2), 1 + LOG_2PI) as Scalar;
  }

  /** one trajectory batch x_0..x_T (T + 1 tensors of [n, 2]); call inside tf.tidy */
  rollout(n: number, rng: Rng): Tensor2D[] {
    let x = tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
    const xs = [x];
    for (let i = 0; i < this.T; i++) {
      x = this.move(x, i, tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D);
      xs.push(x);
    }
    return xs;
  }

  /** σ_i for the bars (host read, snapshot time only) */
  sigmas(): Float32Array {
    const out = new Float32Array(this.T);
    const ls = this.logSigma ? (this.logSigma.dataSync() as Float32Array) : new Float32Array(0);
    for (let i = 0; i < this.T; i++) out[i] = i < this.T - 1 ? Math.exp(ls[i]) : this.sched.sigma0[i];
    return out;
  }

  /**
   * One DSM step of the DDPM initialization on a normalized data batch x0 [n,2]: a random level n per point,
   * x_n = √Γ̄_n x0 + √(1−Γ̄_n) z, loss |v̂(x_n, i) − v|², v = √Γ̄_n z − √(1−Γ̄_n) x0, with i = T-1-n the step
   * that reads level n (ε̂ − z = √Γ̄ (v̂ − v): the ε loss weighted by 1/Γ̄, the usual v-prediction loss).
   * Returns the loss tensor (caller disposes).
   */
  pretrainStep(x0: Tensor2D): Scalar {
    const n = x0.shape[0];
    const levels = Array.from({ length: n }, () => this.rng.int(this.T));
    const zSeed = this.rng.seed();
    return tf.tidy(() => {
      const a = tf.tensor2d(levels.map((l) => Math.sqrt(this.sched.gbar[l])), [n, 1]);
      const s = tf.tensor2d(levels.map((l) => Math.sqrt(1 - this.sched.gbar[l])), [n, 1]);
      const oneHot = tf.oneHot(tf.tensor1d(levels.map((l) => this.T - 1 - l), 'int32'), this.T);
      const z = tf.randomNormal([n, 2], 0, 1, 'float32', zSeed) as Tensor2D;
      const xt = tf.add(tf.mul(a, x0), tf.mul(s, z)) as Tensor2D;
      const v = tf.sub(tf.mul(a, z), tf.mul(s, x0));
      const { value, grads } = tf.variableGrads(() => {
        const vHat = this.mlp.apply(tf.concat([xt, tf.cast(oneHot, 'float32')], 1) as Tensor2D);
        return tf.mean(tf.sum(tf.square(tf.sub(vHat, v)), 1)) as Scalar;
      }, this.mlp.vars);
      this.pretrainOpt.applyGradients(clipByGlobalNorm(grads, 1));
      return value;
    });
  }

  dispose(): void {
    this.mlp.dispose();
    this.logSigma?.dispose();
    this.pretrainOpt.dispose();
  }
}

/** μ = xMult_i x + cEps_i ε̂ (pure: tested with the exact ε̂ of Gaussian data) */
export function policyMean(x: Tensor2D, epsHat: Tensor2D, sched: VarSchedule, i: number): Tensor2D {
  return tf.add(tf.mul(x, sched.xMult[i]), tf.mul(epsHat, sched.cEps[i])) as Tensor2D;
}

/** log N(x; μ, σ² I) in 2D, [N] */
export function gaussianLogProb(x: Tensor2D, mu: Tensor2D, logSigma: Scalar): Tensor1D {
  const sq = tf.sum(tf.square(tf.sub(x, mu)), 1);
  return tf.sub(tf.mul(sq, tf.mul(-0.5, tf.exp(tf.mul(logSigma, -2)))), tf.add(tf.mul(logSigma, 2), LOG_2PI)) as Tensor1D;
}
