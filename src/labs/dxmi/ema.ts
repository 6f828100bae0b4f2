// Exponential moving averages of weights, for evaluation only (ours, standard practice for diffusion
// samplers and for adversarial pairs: the iterates oscillate around the equilibrium and their average
// is steadier). Training always uses the live weights.
import { tf } from '../../core/tf';
import type { Variable } from '../../core/tf';
import { Rng } from '../../core/rng';
import { GaussianPolicy } from '../../core/dxmi/policy';
import type { VarKind } from '../../core/dxmi/var-schedule';

/** dst ← β dst + (1 − β) src, variable by variable (same shapes, same order) */
export function emaUpdate(dst: Variable[], src: Variable[], beta: number): void {
  tf.tidy(() => dst.forEach((v, i) => v.assign(tf.add(tf.mul(v, beta), tf.mul(src[i], 1 - beta)))));
}

export function copyVars(dst: Variable[], src: Variable[]): void {
  dst.forEach((v, i) => v.assign(src[i]));
}

/** an EMA copy of a policy: started from the policy's weights when DxMI starts, then averaged */
export class PolicyEma {
  readonly policy: GaussianPolicy;
  private started = false;

  constructor(T: number, hidden: number, schedule: VarKind, private readonly beta: number) {
    if (!(beta > 0 && beta < 1)) throw new Error(`DxMI: the sampler EMA β must be in (0, 1), got ${beta}`);
    // a throwaway Rng: the weights are overwritten, and the run's streams must not shift
    this.policy = new GaussianPolicy({ T, hidden, depth: 2, rng: new Rng(0), schedule });
  }

  /** after each sampler step (the first call copies) */
  update(live: GaussianPolicy): void {
    if (!this.started) copyVars(this.policy.trainable(true), live.trainable(true));
    else emaUpdate(this.policy.trainable(true), live.trainable(true), this.beta);
    this.started = true;
  }

  dispose(): void {
    this.policy.dispose();
  }
}
