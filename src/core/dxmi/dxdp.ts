// One DxMI iteration with DxDP (METHODS.md §5.2–5.3, official models/DxMI/trainer.py, n_critic = 1):
//   1. roll out B trajectories x_0 → x_T with the current policy (no gradient)
//   2. adaptive velocity regularization: s_t² ← ρ s_t² + (1−ρ) mean((x_{t+1} − x_t)²)
//   3. energy step: E_data[E] − E_π[E] + γ(E_data[E²] + E_π[E²])       (negatives = the policy's x_T)
//   4. TD steps t = T−1 … 0: V(x_t, t) ← sg[V(x_{t+1}, t+1) (+ τ₂ rc_t − τ₁ log σ_t if costs are in the value)]
//   5. policy step on all t at once: fresh reparameterized x_{t+1} from the stored x_t,
//        loss = Σ_t mean[V(x_{t+1}, t+1)] + τ₂ rc_t − τ₁ log σ_t,    gradient clipped, Adam
// Value functions replace back-propagation through time: each step's gradient goes only through
// one policy move and one value net, never through the whole chain.
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D, Variable } from '../tf';
import type { Rng } from '../rng';
import { clipByGlobalNorm } from '../nets/dsm';
import type { GaussianPolicy } from './policy';
import type { Critic } from './critic';

export interface DxdpOptions {
  /** τ₁: entropy coefficient */
  tau: number;
  /** τ₂: velocity (running cost) coefficient */
  tauVelocity: number;
  /** γ: energy magnitude regularizer */
  gamma: number;
  /** ρ of the adaptive velocity regularization (1 = frozen scales) */
  rho: number;
  batch: number;
  lrSampler: number;
  /** Adam learning rate of the log σ_t (the official code has its own σ lr); default = lrSampler */
  lrSigma?: number;
  learnSigma: boolean;
  /** put τ₂·running cost − τ₁·log σ into the TD target (the paper's recursion) instead of the policy loss only (released configs) */
  costsInValue: boolean;
  /** policy gradient-norm clip (the code uses 0.1 on CIFAR; a larger one suits the small 2D nets) */
  clip: number;
}

/** running cost of one move: mean over the 2 dims of (x' − x)² / (2 s²), [N] */
export function runningCost(x: Tensor2D, xNext: Tensor2D, s2: Scalar | number): Tensor1D {
  return tf.div(tf.mean(tf.square(tf.sub(xNext, x)), 1), tf.mul(s2, 2)) as Tensor1D;
}

/** TD target of step t: V(x_{t+1}, t+1) (+ τ₂ rc_t − τ₁ log σ_t when the costs are in the value) */
export function tdTarget(vNext: Tensor1D, rc: Tensor1D, logSigma: Scalar | number, o: Pick<DxdpOptions, 'tau' | 'tauVelocity' | 'costsInValue'>): Tensor1D {
  if (!o.costsInValue) return vNext;
  return tf.sub(tf.add(vNext, tf.mul(rc, o.tauVelocity)), tf.mul(logSigma, o.tau)) as Tensor1D;
}

export interface IterationStats {
  /** [energy loss, gap E_data − E_π, mean TD loss, policy loss] (kept; owner disposes) */
  stats: Tensor1D;
}

export class DxdpTrainer {
  /** s_t² per policy step (on the device: AVR needs no host read) */
  readonly s2: Variable;
  private readonly opt: tf.Optimizer;
  /** separate Adam for log σ_t (Adam is per-parameter: with lrSigma = lrSampler this equals one Adam on all) */
  private readonly optSigma: tf.Optimizer;
  private readonly vars: Variable[];

  constructor(
    private readonly policy: GaussianPolicy,
    private readonly critic: Critic,
    private o: DxdpOptions,
    private readonly rng: Rng,
  ) {
    // s² initialised to the sampler's own β̃ of the level each step leaves (official use_sampler_beta)
    const T = policy.T;
    const init = Float32Array.from({ length: T }, (_, i) => policy.sched.beta[T - 1 - i]);
    const t = tf.tensor1d(init);
    this.s2 = tf.variable(t, false);
    t.dispose();
    this.opt = tf.train.adam(o.lrSampler);
    this.optSigma = tf.train.adam(o.lrSigma ?? o.lrSampler);
    this.vars = policy.trainable(o.learnSigma);
  }

  setOptions(patch: Partial<DxdpOptions>): void {
    this.o = { ...this.o, ...patch };
  }

  /** one joint update on a normalized data batch [B', 2]; returns the kept stats tensor */
  iterate(data: Tensor2D): Tensor1D {
    const { policy, critic, o } = this;
    const T = policy.T;
    const rollSeed = this.rng.split();
    const zSeeds = Array.from({ length: T }, () => this.rng.seed());
    return tf.tidy(() => {
      const xs = policy.rollout(o.batch, rollSeed);
      // 2. AVR on the device
      if (o.rho < 1) {
        const moves = tf.stack(xs.slice(1).map((x, i) => tf.mean(tf.square(tf.sub(x, xs[i])))));
        this.s2.assign(tf.add(tf.mul(this.s2, o.rho), tf.mul(moves, 1 - o.rho)));
      }
      const s2At = (i: number) => tf.reshape(tf.slice(this.s2, [i], [1]), []) as Scalar;
      // 3. energy
      const { loss: eLoss, gap } = critic.energyStep(data, xs[T], o.gamma);
      // 4. TD, backward in t
      const tdLosses: Scalar[] = [];
      for (let t = T - 1; t >= 0; t--) {
        const target = tdTarget(critic.V(xs[t + 1], t + 1), runningCost(xs[t], xs[t + 1], s2At(t)), policy.logSigmaAt(t), o);
        tdLosses.push(critic.tdStep(xs[t], t, target));
      }
      // 5. policy (one reparameterized move per t from the stored states)
      const zs = zSeeds.map((s, i) => tf.randomNormal(xs[i].shape, 0, 1, 'float32', s) as Tensor2D);
      const { value: pLoss, grads } = tf.variableGrads(() => {
        let total: Scalar = tf.scalar(0);
        for (let t = 0; t < T; t++) {
          const next = policy.move(xs[t], t, zs[t]);
          const cost = tf.sub(tf.mul(tf.mean(runningCost(xs[t], next, s2At(t))), o.tauVelocity), tf.mul(policy.logSigmaAt(t), o.tau));
          total = tf.add(total, tf.add(tf.mean(critic.V(next, t + 1)), cost)) as Scalar;
        }
        return total;
      }, this.vars);
      const clipped = clipByGlobalNorm(grads, o.clip);
      const sigmaName = o.learnSigma ? policy.logSigma?.name : undefined;
      const rest: Record<string, tf.Tensor> = {};
      for (const [k, g] of Object.entries(clipped)) if (k !== sigmaName) rest[k] = g;
      this.opt.applyGradients(rest);
      if (sigmaName && clipped[sigmaName]) this.optSigma.applyGradients({ [sigmaName]: clipped[sigmaName] });
      const td = T > 0 ? tf.div(tf.addN(tdLosses), T) : tf.scalar(0);
      const stats = tf.stack([eLoss, gap, td, pLoss]) as Tensor1D;
      gap.dispose(); // energyStep kept it past its own gradient tape
      return stats;
    });
  }

  dispose(): void {
    this.s2.dispose();
    this.opt.dispose();
    this.optSigma.dispose();
  }
}
