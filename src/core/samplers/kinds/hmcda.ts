// HMC whose step size tunes itself by dual averaging (Hoffman & Gelman 2014, §3.2 and Algorithm 5; the
// scheme Stan and NUTS use in warm-up), one step size per chain. For the first M iterations (`adaptSteps`),
// after each HMC move with step ε_m and acceptance probability α_m:
//   H̄_m = (1 − 1/(m + t0)) H̄_{m−1} + (δ − α_m)/(m + t0),  log ε_{m+1} = μ − √m/γ · H̄_m,
//   log ε̄_m = m^{−κ} log ε_{m+1} + (1 − m^{−κ}) log ε̄_{m−1},
// with μ = log(10 ε_0), γ = 0.05, t0 = 10, κ = 0.75 (the paper's values); after M the chain keeps ε̄_M,
// so from there on it is plain HMC and exact. The leapfrog count L stays fixed (the paper's Algorithm 5
// keeps the trajectory length εL instead; fixed L is Stan's static HMC). Everything per chain stays on the
// device; the geometric mean of the chains' steps is reported as the step's stat `step_adapted`.
import { tf } from '../../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import { metropolis } from './mala';
import type { SamplerOptions } from '../types';

const GAMMA = 0.05;
const T0 = 10;
const KAPPA = 0.75;

export class HmcDaSampler extends MetropolisSampler {
  readonly id = 'hmcda' as const;
  /** per chain: log ε (the step of the next move), H̄, log ε̄ */
  private logEps: Tensor1D;
  private hBar: Tensor1D;
  private logEpsBar: Tensor1D;
  private readonly mu: number;
  private m = 0;

  constructor(opts: SamplerOptions) {
    super('hmcda', opts, 'Metropolis');
    const n = this.particles().shape[0];
    this.mu = Math.log(10 * opts.step);
    this.logEps = tf.keep(tf.fill([n], Math.log(opts.step))) as Tensor1D;
    this.hBar = tf.keep(tf.zeros([n])) as Tensor1D;
    this.logEpsBar = tf.keep(tf.zeros([n])) as Tensor1D;
  }

  protected advance(): Advance {
    const x = this.particles();
    const L = this.leapfrog;
    const adapting = this.m < Number(this.setting('adaptSteps'));
    const eps = tf.expandDims(tf.exp(adapting ? this.logEps : this.logEpsBar), 1); // [n,1]
    const p0 = this.noise();
    const seed = this.rng.seed();
    let q: Tensor2D = x;
    let p = tf.add(p0, tf.mul(tf.mul(this.score(q, CLEAN), eps), 0.5)) as Tensor2D;
    for (let i = 1; i <= L; i++) {
      q = tf.add(q, tf.mul(p, eps)) as Tensor2D;
      const kick = i < L ? 1 : 0.5;
      p = tf.add(p, tf.mul(tf.mul(this.score(q, CLEAN), eps), kick)) as Tensor2D;
    }
    const h0 = tf.sub(tf.mul(sqNorm(p0), 0.5), this.logDensity(x));
    const h1 = tf.sub(tf.mul(sqNorm(p), 0.5), this.logDensity(q));
    const logAlpha = tf.sub(h0, h1) as Tensor1D;
    const out = metropolis(x, q, logAlpha, seed);
    if (adapting) this.adapt(logAlpha);
    const stepNow = tf.exp(tf.mean(this.m < Number(this.setting('adaptSteps')) ? this.logEps : this.logEpsBar)) as Scalar;
    return { ...out, stats: { step_adapted: stepNow } };
  }

  /** one dual-averaging update of every chain's step from its acceptance probability (NaN: 0) */
  private adapt(logAlpha: Tensor1D): void {
    this.m += 1;
    const m = this.m;
    const delta = Number(this.setting('delta'));
    const alpha = tf.where(tf.isNaN(logAlpha), tf.zerosLike(logAlpha), tf.minimum(tf.exp(logAlpha), 1));
    const w = 1 / (m + T0);
    const hBar = tf.add(tf.mul(this.hBar, 1 - w), tf.mul(tf.sub(delta, alpha), w)) as Tensor1D;
    const logEps = tf.sub(this.mu, tf.mul(hBar, Math.sqrt(m) / GAMMA)) as Tensor1D;
    const eta = m ** -KAPPA;
    const logEpsBar = tf.add(tf.mul(logEps, eta), tf.mul(this.logEpsBar, 1 - eta)) as Tensor1D;
    tf.dispose([this.hBar, this.logEps, this.logEpsBar]);
    this.hBar = tf.keep(hBar);
    this.logEps = tf.keep(logEps);
    this.logEpsBar = tf.keep(logEpsBar);
  }

  dispose(): void {
    super.dispose();
    tf.dispose([this.logEps, this.hBar, this.logEpsBar].filter(Boolean));
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default HmcDaSampler;
