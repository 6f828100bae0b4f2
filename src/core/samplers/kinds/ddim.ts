// DDIM (Song, Meng & Ermon 2021), eq. 12: with eps_hat = -s_t * score and x0_hat = (x - s_t eps_hat)/a_t,
//   x_{t-1} = a_{t-1} x0_hat + sqrt(1 - abar_{t-1} - sigma_t^2) eps_hat + sigma_t z,
//   sigma_t = eta * sqrt((1 - abar_{t-1}) / (1 - abar_t)) * sqrt(1 - abar_t / abar_{t-1}).
// eta = 0 is the deterministic sampler (the Euler step of the probability-flow ODE in sigma = s/a, see
// flow.ts); eta = 1 gives sigma_t^2 = the DDPM posterior variance and is then the DDPM step exactly
// (same math, same noise draws for the same seed; only float rounding differs). eta is live.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { abarAt, levelAt } from '../../schedules';
import { ScheduledSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class DdimSampler extends ScheduledSampler {
  readonly id = 'ddim' as const;

  constructor(opts: SamplerOptions) {
    super('ddim', opts);
  }

  protected advance(k: number): Advance {
    const x = this.particles();
    const t = this.sched.T - k;
    const abT = abarAt(this.sched, t);
    const abPrev = abarAt(this.sched, t - 1);
    const lv = levelAt(this.sched, t);
    const sT = Math.sqrt(lv.s2);
    const sigma = this.eta * Math.sqrt(((1 - abPrev) / (1 - abT)) * (1 - abT / abPrev));
    // clamp: 1 - abar_{t-1} - sigma^2 >= 0 in exact arithmetic, may round below 0
    const dir = Math.sqrt(Math.max(0, 1 - abPrev - sigma * sigma));
    // fused: x0_hat = (x + s2 score) / a and eps_hat = -sT score, so the mean is affine in (x, score)
    const fused = this.fusedAffine(lv, Math.sqrt(abPrev) / lv.a, (Math.sqrt(abPrev) * lv.s2) / lv.a - dir * sT, Math.max(sigma, 0));
    if (fused) return { x: fused };
    const eps = tf.mul(this.score(x, lv), -sT);
    const x0 = tf.div(tf.sub(x, tf.mul(eps, sT)), lv.a);
    const mean = tf.add(tf.mul(x0, Math.sqrt(abPrev)), tf.mul(eps, dir)) as Tensor2D;
    // sigma is 0 at t = 1 (abar_0 = 1) and for eta = 0: no draw, so eta = 0 consumes no randomness
    if (sigma <= 0) return { x: mean };
    return { x: tf.add(mean, tf.mul(this.noise(), sigma)) as Tensor2D };
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default DdimSampler;
