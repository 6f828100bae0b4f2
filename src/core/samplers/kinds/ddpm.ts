// DDPM ancestral sampling (Ho et al. 2020) with any score: t runs T..1, the clean estimate comes from
// the score by Tweedie, x0_hat = (x + s_t^2 score) / a_t, and x_{t-1} is drawn from the forward
// posterior q(x_{t-1} | x_t, x0_hat) (METHODS.md §0.1). Written through x0_hat rather than the
// equivalent (x + beta_t score)/sqrt(alpha_t) so that "plug in a corrected x0_hat" variants slot in here.
// Coefficients are computed in float64 on the host; only the tensors are float32.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { abarAt, levelAt } from '../../schedules';
import { ScheduledSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class DdpmSampler extends ScheduledSampler {
  readonly id = 'ddpm' as const;

  constructor(opts: SamplerOptions) {
    super('ddpm', opts);
  }

  protected advance(k: number): Advance {
    const x = this.particles();
    const t = this.sched.T - k;
    const abT = abarAt(this.sched, t);
    const abPrev = abarAt(this.sched, t - 1);
    const beta = this.sched.beta[t - 1];
    const lv = levelAt(this.sched, t);
    const c1 = (Math.sqrt(abPrev) * beta) / (1 - abT);
    const c2 = (Math.sqrt(1 - beta) * (1 - abPrev)) / (1 - abT);
    // fused: mean = c1 (x + s2 score) / a + c2 x, then + std xi (none at t = 1)
    const std = t === 1 ? 0 : Math.sqrt((beta * (1 - abPrev)) / (1 - abT));
    const fused = this.fusedAffine(lv, c1 / lv.a + c2, (c1 * lv.s2) / lv.a, std);
    if (fused) return { x: fused };
    const x0 = tf.div(tf.add(x, tf.mul(this.score(x, lv), lv.s2)), lv.a);
    const mean = tf.add(tf.mul(x0, c1), tf.mul(x, c2)) as Tensor2D;
    if (t === 1) return { x: mean }; // the last step returns the posterior mean: no noise
    return { x: tf.add(mean, tf.mul(this.noise(), std)) as Tensor2D };
  }

  /** particles after k steps are at t = T - k (init: t = T, end: clean) */}

// registry.ts loads a sampler by its id: the class is this file's default export
export default DdpmSampler;
