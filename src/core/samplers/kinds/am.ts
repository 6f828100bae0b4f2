// Adaptive Metropolis (Haario, Saksman & Tamminen 2001): a random-walk Metropolis whose Gaussian proposal
// covariance is learned from the chain's own history. For the first t0 iterations (`adaptStart`) the
// proposal is σ² I (`scale`, as random-walk Metropolis); after that it is s_d (C_t + ε I) with C_t the
// empirical covariance of the chain's states so far, s_d = 2.4²/d (d = 2) and a small ε that keeps it
// non-singular. Every particle is its own chain with its own history (running mean and covariance by
// Welford's update, the current state counted again after a rejection, as the chain's history repeats
// it). The proposal is symmetric, so the test is p(y)/p(x). The chains are not Markov while adapting,
// but the adaptation diminishes (C_t changes by O(1/t)), which keeps them ergodic (the paper's theorem).
import { tf } from '../../tf';
import type { Tensor1D, Tensor2D } from '../../tf';
import { MetropolisSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';
import { metropolis } from './mala';

const SD = 2.4 ** 2 / 2;
const EPS = 1e-6;

export class AmSampler extends MetropolisSampler {
  readonly id = 'am' as const;
  /** per chain: running mean [n,2], sum of squared deviations [n,3] (xx, xy, yy), states counted */
  private mean: Tensor2D;
  private m2: Tensor2D;
  private count = 0;

  constructor(opts: SamplerOptions) {
    super('am', opts, 'adaptive Metropolis');
    const x = this.particles();
    this.mean = tf.keep(tf.clone(x));
    this.m2 = tf.keep(tf.zeros([x.shape[0], 3])) as Tensor2D;
    this.count = 1;
  }

  protected advance(): Advance {
    const x = this.particles();
    const t0 = Number(this.setting('adaptStart'));
    const z = this.noise();
    let step: Tensor2D;
    if (this.count <= t0) {
      step = tf.mul(z, Number(this.setting('scale'))) as Tensor2D;
    } else {
      // Cholesky of s_d (C + ε I) per chain: [[l11, 0], [l21, l22]]
      const [sxx, sxy, syy] = tf.unstack(tf.div(this.m2, this.count - 1), 1) as [Tensor1D, Tensor1D, Tensor1D];
      const a = tf.mul(tf.add(sxx, EPS), SD);
      const b = tf.mul(sxy, SD);
      const c = tf.mul(tf.add(syy, EPS), SD);
      const l11 = tf.sqrt(a);
      const l21 = tf.div(b, l11);
      const l22 = tf.sqrt(tf.maximum(tf.sub(c, tf.square(l21)), EPS * SD));
      const [z1, z2] = tf.unstack(z, 1) as [Tensor1D, Tensor1D];
      step = tf.stack([tf.mul(l11, z1), tf.add(tf.mul(l21, z1), tf.mul(l22, z2))], 1) as Tensor2D;
    }
    const y = tf.add(x, step) as Tensor2D;
    const out = metropolis(x, y, tf.sub(this.logDensity(y), this.logDensity(x)), this.rng.seed());
    this.absorb(out.x);
    return out;
  }

  /** Welford: count the new state into each chain's mean and covariance (kept across the step's tidy) */
  private absorb(x: Tensor2D): void {
    const n = this.count + 1;
    const d = tf.sub(x, this.mean);
    const mean = tf.add(this.mean, tf.div(d, n)) as Tensor2D;
    const e = tf.sub(x, mean);
    const [d1, d2] = tf.unstack(d, 1) as [Tensor1D, Tensor1D];
    const [e1, e2] = tf.unstack(e, 1) as [Tensor1D, Tensor1D];
    const m2 = tf.add(this.m2, tf.stack([tf.mul(d1, e1), tf.mul(d1, e2), tf.mul(d2, e2)], 1)) as Tensor2D;
    this.mean.dispose();
    this.m2.dispose();
    this.mean = tf.keep(mean);
    this.m2 = tf.keep(m2);
    this.count = n;
  }

  /** each chain's proposal covariance now (s_d (C + ε I) once adapting, else σ² I), [n,3] as (xx, xy, yy) */
  proposalCov(): Tensor2D {
    return tf.tidy(() => {
      if (this.count <= Number(this.setting('adaptStart'))) {
        const s2 = Number(this.setting('scale')) ** 2;
        return tf.tile(tf.tensor2d([[s2, 0, s2]]), [this.mean.shape[0], 1]) as Tensor2D;
      }
      return tf.mul(tf.add(tf.div(this.m2, this.count - 1), tf.tensor1d([EPS, 0, EPS])), SD) as Tensor2D;
    });
  }

  dispose(): void {
    super.dispose();
    this.mean?.dispose();
    this.m2?.dispose();
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default AmSampler;
