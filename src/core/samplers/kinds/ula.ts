// Unadjusted Langevin algorithm: the Euler-Maruyama discretization of dX = grad log p(X) dt + sqrt(2) dW.
// No Metropolis correction, so for any h > 0 it samples a biased distribution (for a Gaussian target the
// stationary covariance is Sigma (I - h Sigma^-1 / 2)^-1, inflated by O(h)); that bias is the lesson.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { ParticleSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class UlaSampler extends ParticleSampler {
  readonly id = 'ula' as const;

  constructor(opts: SamplerOptions) {
    super(opts);
  }

  protected advance(): Advance {
    const x = this.particles();
    const h = this.h;
    const fused = this.fusedAffine(CLEAN, 1, h, Math.sqrt(2 * h));
    if (fused) return { x: fused };
    const drift = this.score(x, CLEAN);
    const x1 = tf.add(tf.add(x, tf.mul(drift, h)), tf.mul(this.noise(), Math.sqrt(2 * h))) as Tensor2D;
    return { x: x1 };
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default UlaSampler;
