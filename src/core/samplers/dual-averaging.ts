// Dual averaging of a step size per chain (Hoffman & Gelman 2014, §3.2; Nesterov 2009), shared by HMC with
// dual averaging (kinds/hmcda.ts) and NUTS (kinds/nuts.ts). After the m-th adapted move, with acceptance
// statistic α_m of each chain:
//   H̄_m = (1 − 1/(m + t0)) H̄_{m−1} + (δ − α_m)/(m + t0),  log ε_{m+1} = μ − √m/γ · H̄_m,
//   log ε̄_m = m^{−κ} log ε_{m+1} + (1 − m^{−κ}) log ε̄_{m−1},
// with μ = log(10 ε_0), γ = 0.05, t0 = 10, κ = 0.75 (the paper's values). While tuning, a move uses ε_m;
// after, ε̄. Every per-chain quantity stays on the device ([n] tensors, kept across steps).
import { tf } from '../tf';
import type { Scalar, Tensor1D } from '../tf';

const GAMMA = 0.05;
const T0 = 10;
const KAPPA = 0.75;

export class DualAveraging {
  /** per chain: log ε (the step of the next move), H̄, log ε̄ */
  private logEps: Tensor1D;
  private hBar: Tensor1D;
  private logEpsBar: Tensor1D;
  private readonly mu: number;
  /** adapted moves so far */
  private m = 0;

  constructor(n: number, step0: number) {
    this.mu = Math.log(10 * step0);
    this.logEps = tf.keep(tf.fill([n], Math.log(step0))) as Tensor1D;
    this.hBar = tf.keep(tf.zeros([n])) as Tensor1D;
    // ε̄ starts at ε_0 (the first update replaces it whole, m^−κ = 1): with no tuning at all the step is ε_0
    this.logEpsBar = tf.keep(tf.fill([n], Math.log(step0))) as Tensor1D;
  }

  /** true while fewer than `adaptSteps` moves have been adapted */
  adapting(adaptSteps: number): boolean {
    return this.m < adaptSteps;
  }

  /** log of each chain's step for the next move: ε_m while tuning, ε̄ after (a kept tensor: do not dispose) */
  logStep(adaptSteps: number): Tensor1D {
    return this.adapting(adaptSteps) ? this.logEps : this.logEpsBar;
  }

  /** the geometric mean of the chains' steps for the next move (the `step_adapted` stat) */
  geometricMean(adaptSteps: number): Scalar {
    return tf.exp(tf.mean(this.logStep(adaptSteps))) as Scalar;
  }

  /** one update of every chain's step from its acceptance statistic alpha in [0, 1] (NaN must be mapped first) */
  update(alpha: Tensor1D, delta: number): void {
    this.m += 1;
    const m = this.m;
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
    tf.dispose([this.logEps, this.hBar, this.logEpsBar].filter(Boolean));
  }
}
