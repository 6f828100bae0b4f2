// Hamiltonian Monte Carlo with identity mass: L leapfrog steps of size h on H(x,p) = -log p(x) + |p|^2/2,
// then a per-particle Metropolis test on the energy error. Fresh momenta each iteration, so one iteration
// costs L + 1 score calls and two log-density calls.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import { metropolis } from './mala';
import type { SamplerOptions } from '../types';

export class HmcSampler extends MetropolisSampler {
  readonly id = 'hmc' as const;

  constructor(opts: SamplerOptions) {
    super('hmc', opts, 'Metropolis');
  }

  protected advance(): Advance {
    const x = this.particles();
    const h = this.h;
    const L = this.leapfrog;
    const p0 = this.noise();
    const seed = this.rng.seed(); // drawn here so the uniform stream does not depend on L
    // the gradient of the potential is -score, so momentum kicks add h * score
    let q: Tensor2D = x;
    const path: Tensor2D[] = this.following ? [x] : [];
    let p = tf.add(p0, tf.mul(this.score(q, CLEAN), h / 2)) as Tensor2D;
    for (let i = 1; i <= L; i++) {
      q = tf.add(q, tf.mul(p, h)) as Tensor2D;
      if (this.following) path.push(q);
      const kick = i < L ? h : h / 2;
      p = tf.add(p, tf.mul(this.score(q, CLEAN), kick)) as Tensor2D;
    }
    const h0 = tf.sub(tf.mul(sqNorm(p0), 0.5), this.logDensity(x));
    const h1 = tf.sub(tf.mul(sqNorm(p), 0.5), this.logDensity(q));
    return { ...metropolis(x, q, tf.sub(h0, h1), seed), path };
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default HmcSampler;
