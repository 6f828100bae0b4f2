// HMC whose step size tunes itself by dual averaging (Hoffman & Gelman 2014, §3.2 and Algorithm 5; the
// scheme Stan and NUTS use in warm-up), one step size per chain. For the first M iterations (`adaptSteps`),
// after each HMC move with step ε_m and acceptance probability α_m:
//   H̄_m = (1 − 1/(m + t0)) H̄_{m−1} + (δ − α_m)/(m + t0),  log ε_{m+1} = μ − √m/γ · H̄_m,
//   log ε̄_m = m^{−κ} log ε_{m+1} + (1 − m^{−κ}) log ε̄_{m−1},
// with μ = log(10 ε_0), γ = 0.05, t0 = 10, κ = 0.75 (the paper's values; ../dual-averaging.ts, shared with
// NUTS); after M the chain keeps ε̄_M, so from there on it is plain HMC and exact. The leapfrog count L
// stays fixed (the paper's Algorithm 5 keeps the trajectory length εL instead; fixed L is Stan's static
// HMC). Everything per chain stays on the device; the geometric mean of the chains' steps is reported as
// the step's stat `step_adapted`.
import { tf } from '../../tf';
import type { Tensor1D, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import { DualAveraging } from '../dual-averaging';
import { metropolis } from './mala';
import type { SamplerOptions } from '../types';

export class HmcDaSampler extends MetropolisSampler {
  readonly id = 'hmcda' as const;
  private readonly da: DualAveraging;

  constructor(opts: SamplerOptions) {
    super('hmcda', opts, 'Metropolis');
    this.da = new DualAveraging(this.particles().shape[0], opts.step);
  }

  protected advance(): Advance {
    const x = this.particles();
    const L = this.leapfrog;
    const adaptSteps = Number(this.setting('adaptSteps'));
    const adapting = this.da.adapting(adaptSteps);
    const eps = tf.expandDims(tf.exp(this.da.logStep(adaptSteps)), 1); // [n,1]
    const p0 = this.noise();
    const seed = this.rng.seed();
    let q: Tensor2D = x;
    const path: Tensor2D[] = this.following ? [x] : [];
    let p = tf.add(p0, tf.mul(tf.mul(this.score(q, CLEAN), eps), 0.5)) as Tensor2D;
    for (let i = 1; i <= L; i++) {
      q = tf.add(q, tf.mul(p, eps)) as Tensor2D;
      if (this.following) path.push(q);
      const kick = i < L ? 1 : 0.5;
      p = tf.add(p, tf.mul(tf.mul(this.score(q, CLEAN), eps), kick)) as Tensor2D;
    }
    const h0 = tf.sub(tf.mul(sqNorm(p0), 0.5), this.logDensity(x));
    const h1 = tf.sub(tf.mul(sqNorm(p), 0.5), this.logDensity(q));
    const logAlpha = tf.sub(h0, h1) as Tensor1D;
    const out = metropolis(x, q, logAlpha, seed);
    if (adapting) {
      // the acceptance probability of the move (NaN: 0)
      const alpha = tf.where(tf.isNaN(logAlpha), tf.zerosLike(logAlpha), tf.minimum(tf.exp(logAlpha), 1)) as Tensor1D;
      this.da.update(alpha, Number(this.setting('delta')));
    }
    return { ...out, path, stats: { step_adapted: this.da.geometricMean(adaptSteps) } };
  }

  dispose(): void {
    super.dispose();
    this.da?.dispose();
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default HmcDaSampler;
