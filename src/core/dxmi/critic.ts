// The energy E(x) and the value functions V(x, t) of DxMI/DxDP (METHODS.md §5.2–5.3), in the
// normalized data frame. V(·, T) is the energy itself (the terminal cost). Two value modes:
//  'time'   — a separate MLP V(x, t) on [x, one-hot(t)] for t = 0..T-1 (the 2D setting of the paper,
//             as recalled: a time-conditioned value; to confirm against the paper);
//  'shared' — one time-independent net: V(x, t) = E(x) for every t (the released CIFAR-10 T10 config).
// Each net has its own Adam; in 'shared' mode the TD steps move the energy net with the value lr.
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D, Variable } from '../tf';
import { Rng } from '../rng';
import { Mlp } from '../nets/mlp';
import { clipByGlobalNorm } from '../nets/dsm';

export type ValueMode = 'time' | 'shared';

export interface CriticOptions {
  T: number;
  hidden: number;
  mode: ValueMode;
  lrEnergy: number;
  lrValue: number;
  rng: Rng;
  /**
   * α of a fixed confining term α|x|² added to the energy (ours, not the paper's; 0 = off). A SiLU MLP
   * extrapolates linearly, so far from anything sampled it can be arbitrarily low: the sampler then runs
   * there before the energy can follow. α|x|² makes exp(−E/τ) normalizable and far points high-energy.
   */
  confine?: number;
  /**
   * β of an exponential moving average of the energy weights, used only to score (AUROC, heatmap, probe);
   * 0 = off (ours: the contrastive energy oscillates around the equilibrium, its average is the steadier
   * anomaly score; training always uses the live energy, as in the paper).
   */
  ema?: number;
}

/** global gradient-norm clip of the energy and value steps: guards the first iterations, when targets jump */
const CLIP = 10;

export class Critic {
  readonly T: number;
  readonly mode: ValueMode;
  readonly energy: Mlp;
  readonly value: Mlp | null;
  private readonly optE: tf.Optimizer;
  private readonly optV: tf.Optimizer;
  private readonly confine: number;
  private readonly ema: number;
  /** EMA copy of the energy net (null when ema = 0) */
  private readonly emaNet: Mlp | null;

  constructor(o: CriticOptions) {
    this.T = o.T;
    this.mode = o.mode;
    this.confine = o.confine ?? 0;
    const rng = o.rng.split();
    this.energy = new Mlp({ inDim: 2, outDim: 1, hidden: o.hidden, depth: 2, rng });
    this.value = o.mode === 'time' && o.T > 0 ? new Mlp({ inDim: 2 + o.T, outDim: 1, hidden: o.hidden, depth: 2, rng }) : null;
    this.optE = tf.train.adam(o.lrEnergy);
    this.optV = tf.train.adam(o.lrValue);
    this.ema = o.ema ?? 0;
    if (!(this.ema >= 0 && this.ema < 1)) throw new Error(`DxMI: the energy EMA β must be in [0, 1), got ${this.ema}`);
    // a throwaway Rng: the copy's initial weights are overwritten, and the run's streams must not shift
    this.emaNet = this.ema > 0 ? new Mlp({ inDim: 2, outDim: 1, hidden: o.hidden, depth: 2, rng: new Rng(0) }) : null;
    this.emaNet?.vars.forEach((v, i) => v.assign(this.energy.vars[i]));
  }

  E(x: Tensor2D): Tensor1D {
    return this.energyOf(this.energy, x);
  }

  /** the energy used as a score (anomaly detection, heatmap, probe): the EMA copy when on, else E */
  scoreE(x: Tensor2D): Tensor1D {
    return this.energyOf(this.emaNet ?? this.energy, x);
  }

  private energyOf(net: Mlp, x: Tensor2D): Tensor1D {
    const e = tf.reshape(net.apply(x), [-1]) as Tensor1D;
    return this.confine > 0 ? (tf.add(e, tf.mul(tf.sum(tf.square(x), 1), this.confine)) as Tensor1D) : e;
  }

  /** V(x, t), t = 0..T; V(·, T) = E */
  V(x: Tensor2D, t: number): Tensor1D {
    if (t === this.T || !this.value) return this.E(x);
    const oneHot = new Float32Array(this.T);
    oneHot[t] = 1;
    const h = tf.tile(tf.tensor2d(oneHot, [1, this.T]), [x.shape[0], 1]);
    return tf.reshape(this.value.apply(tf.concat([x, h], 1) as Tensor2D), [-1]) as Tensor1D;
  }

  /** the variables a TD step at t < T trains */
  private valueVars(): Variable[] {
    return this.value ? this.value.vars : this.energy.vars;
  }

  /**
   * The contrastive energy step (no MCMC: the negatives are the sampler's x_T):
   * mean E(data) − mean E(x_T) + γ (mean E(data)² + mean E(x_T)²). Returns [loss, gap], gap = E_data − E_π.
   */
  energyStep(data: Tensor2D, xT: Tensor2D, gamma: number): { loss: Scalar; gap: Scalar } {
    let gap: Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const ed = this.E(data);
      const es = this.E(xT);
      gap = tf.keep(tf.sub(tf.mean(ed), tf.mean(es))) as Scalar;
      return energyLoss(ed, es, gamma);
    }, this.energy.vars);
    this.optE.applyGradients(clipByGlobalNorm(grads, CLIP));
    if (this.emaNet) {
      const b = this.ema;
      tf.tidy(() => this.emaNet!.vars.forEach((v, i) => v.assign(tf.add(tf.mul(v, b), tf.mul(this.energy.vars[i], 1 - b)))));
    }
    return { loss: value, gap: gap! };
  }

  /** one TD regression step at time t < T: min mean (V(x_t, t) − target)², target given (no gradient) */
  tdStep(xt: Tensor2D, t: number, target: Tensor1D): Scalar {
    const opt = this.value ? this.optV : this.optE;
    const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(this.V(xt, t), target))) as Scalar, this.valueVars());
    opt.applyGradients(clipByGlobalNorm(grads, CLIP));
    return value;
  }

  /** copy another critic's weights (same sizes and mode); the EMA copy restarts from the copied energy */
  copyFrom(other: Critic): void {
    if (other.T !== this.T || other.mode !== this.mode) throw new Error('DxMI: critics of different shapes');
    this.energy.vars.forEach((v, i) => v.assign(other.energy.vars[i]));
    this.value?.vars.forEach((v, i) => v.assign(other.value!.vars[i]));
    this.emaNet?.vars.forEach((v, i) => v.assign(other.energy.vars[i]));
  }

  dispose(): void {
    this.energy.dispose();
    this.emaNet?.dispose();
    this.value?.dispose();
    this.optE.dispose();
    this.optV.dispose();
  }
}

/** the E-step loss on energies of data ed [N] and samples es [M] */
export function energyLoss(ed: Tensor1D, es: Tensor1D, gamma: number): Scalar {
  const contrast = tf.sub(tf.mean(ed), tf.mean(es));
  const reg = tf.add(tf.mean(tf.square(ed)), tf.mean(tf.square(es)));
  return tf.add(contrast, tf.mul(reg, gamma)) as Scalar;
}
