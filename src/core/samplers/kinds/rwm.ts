// Random-walk Metropolis (Metropolis et al. 1953): propose y = x + σ z with z ~ N(0, I) and accept with
// probability min(1, p(y)/p(x)); the proposal is symmetric, so no proposal densities enter the ratio.
// It reads no gradient: the baseline the gradient-based samplers are compared against (per gradient
// evaluation RWM is free, per effective sample it is slow). σ is its own setting `scale`, live.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { MetropolisSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';
import { metropolis } from './mala';

export class RwmSampler extends MetropolisSampler {
  readonly id = 'rwm' as const;

  constructor(opts: SamplerOptions) {
    super('rwm', opts, 'random-walk Metropolis');
  }

  protected advance(): Advance {
    const x = this.particles();
    const scale = Number(this.setting('scale'));
    const y = tf.add(x, tf.mul(this.noise(), scale)) as Tensor2D;
    const logAlpha = tf.sub(this.logDensity(y), this.logDensity(x));
    return metropolis(x, y, logAlpha, this.rng.seed());
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default RwmSampler;
