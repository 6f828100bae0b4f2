// Parallel tempering, or replica exchange (Swendsen & Wang 1986; Geyer 1991; review: Earl & Deem 2005).
// Each of the n particles is the cold chain (β = 1) of its own ladder of K replicas at the inverse
// temperatures β_k = tMax^(−k/(K−1)), k = 0..K−1 (geometric, β_{K−1} = 1/tMax). Replica k samples the
// tempered target p^β_k, flat enough at the hot end to cross the valleys between modes; swaps between
// neighbouring temperatures carry what the hot replicas found down to the cold chain, whose marginal stays
// exactly p. One iteration:
//   1. one MALA move of every replica on its own tempered target: score β_k s(x), log density β_k log p(x),
//      and step h_k = h / β_k, so hot replicas move further (the drift h_k β_k s(x) = h s(x) is the cold
//      chain's; the noise √(2h/β_k) grows). On a Gaussian mode p^β is the same shape √(1/β) times wider,
//      and this h_k is the step that keeps MALA's acceptance the same at every temperature.
//   2. swaps of adjacent pairs (k, k+1), the even pairs (0,1), (2,3), … at even iterations and the odd
//      pairs (1,2), (3,4), … at odd ones (deterministic even-odd: each pair is tried every other iteration;
//      with K = 2 the only pair is tried every iteration), each accepted with probability
//      min(1, exp((β_k − β_{k+1})(log p(x_{k+1}) − log p(x_k)))).
// The K·n replicas are one [K·n, 2] tensor owned here, temperature-major: row k·n + i is ladder i's replica
// at β_k, so the first n rows are the cold chains, which the base class holds as the particles.
// StepInfo.accept is the cold chains' MALA acceptance; StepInfo.stats().swap_rate the fraction of this
// iteration's attempted swaps (over every ladder and every pair tried) that were accepted.
// `replicas` (K) and `tMax` are its own settings, not live: a change builds a new ladder (a restart).
import { tf } from '../../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class PtSampler extends MetropolisSampler {
  readonly id = 'pt' as const;
  /** K */
  readonly replicas: number;
  /** β_0 = 1 > β_1 > … > β_{K−1} = 1/tMax */
  readonly betas: Float64Array;
  private readonly n: number;
  /** every replica, [K·n, 2], temperature-major (the first n rows are the cold chains) */
  private all: Tensor2D;
  /** per row: β of the row's temperature, repeated n times each */
  private readonly rowBeta: Float32Array;
  /** for each parity (even, odd iteration): each temperature's swap partner (itself when unpaired), the pair's lower index, 1 where paired */
  private readonly pairing: { partner: Int32Array; lower: Int32Array; paired: Float32Array; pairs: number }[];

  constructor(opts: SamplerOptions) {
    super('pt', opts, 'Metropolis-Hastings and swap');
    try {
      const K = this.setting('replicas');
      const tMax = this.setting('tMax');
      if (typeof K !== 'number' || !Number.isInteger(K) || K < 2 || K > 32) throw new Error(`sampler 'pt': replicas must be an integer in [2, 32], got ${String(K)}`);
      if (typeof tMax !== 'number' || !Number.isFinite(tMax) || tMax < 1) throw new Error(`sampler 'pt': tMax must be a finite number >= 1, got ${String(tMax)}`);
      this.replicas = K;
      this.betas = Float64Array.from({ length: K }, (_, k) => tMax ** (-k / (K - 1)));
    } catch (e) {
      this.dispose();
      throw e;
    }
    const K = this.replicas;
    const x = this.particles();
    this.n = x.shape[0];
    // every replica of ladder i starts where its cold chain does
    this.all = tf.keep(tf.tile(x, [K, 1]) as Tensor2D);
    this.rowBeta = new Float32Array(K * this.n);
    for (let k = 0; k < K; k++) this.rowBeta.fill(this.betas[k], k * this.n, (k + 1) * this.n);
    this.pairing = [0, 1].map((parity) => {
      // K = 2: the one pair at every iteration
      const par = K === 2 ? 0 : parity;
      const partner = Int32Array.from({ length: K }, (_, k) => k);
      const paired = new Float32Array(K);
      let pairs = 0;
      for (let k = par; k + 1 < K; k += 2) {
        partner[k] = k + 1;
        partner[k + 1] = k;
        paired[k] = 1;
        pairs++;
      }
      const lower = Int32Array.from(partner, (p, k) => Math.min(p, k));
      return { partner, lower, paired, pairs };
    });
  }

  /** every replica, [K·n, 2], temperature-major (owned by the sampler: do not dispose) */
  allReplicas(): Tensor2D {
    this.particles(); // throws after dispose
    return this.all;
  }

  protected advance(k: number): Advance {
    const K = this.replicas;
    const n = this.n;
    const N = K * n;
    const x = this.all;
    const h = this.h;
    const beta = tf.tensor1d(this.rowBeta);
    const betaCol = tf.reshape(beta, [N, 1]);
    // 1. MALA on p^β_k with step h_k = h / β_k: drift h_k β_k s(x) = h s(x), noise √(2 h_k) z
    const hk = tf.div(h, betaCol);
    const z = tf.randomNormal([N, 2], 0, 1, 'float32', this.rng.seed()) as Tensor2D;
    const y = tf.add(tf.add(x, tf.mul(this.score(x, CLEAN), h)), tf.mul(z, tf.sqrt(tf.mul(hk, 2)))) as Tensor2D;
    const meanY = tf.add(y, tf.mul(this.score(y, CLEAN), h)) as Tensor2D;
    // log q(y|x) = −|z|²/2 and log q(x|y) = −|x − y − h s(y)|² / 4h_k, constants cancel in the ratio
    const logQForward = tf.mul(sqNorm(z), -0.5);
    const logQBackward = tf.div(sqNorm(tf.sub(x, meanY) as Tensor2D), tf.mul(tf.reshape(hk, [N]), -4));
    const lx = this.logDensity(x);
    const ly = this.logDensity(y);
    const logAlpha = tf.add(tf.mul(beta, tf.sub(ly, lx)), tf.sub(logQBackward, logQForward));
    // NaN log-ratios (Inf − Inf far in a tail) compare false: rejected
    const ok = tf.less(tf.log(tf.randomUniform([N], 0, 1, 'float32', this.rng.seed())), logAlpha);
    const moved = tf.where(tf.broadcastTo(tf.expandDims(ok, 1), [N, 2]), y, x) as Tensor2D;
    const lMoved = tf.where(ok, ly, lx) as Tensor1D; // the untempered log p of each replica after its move
    const accept = tf.mean(tf.cast(tf.slice(ok, [0], [n]), 'float32')) as Scalar;

    // 2. swaps of this iteration's adjacent pairs
    const { partner, lower, paired, pairs } = this.pairing[k % 2];
    const X = tf.reshape(moved, [K, n, 2]);
    const L = tf.reshape(lMoved, [K, n]);
    const partnerIdx = tf.tensor1d(partner, 'int32');
    const Lp = tf.gather(L, partnerIdx, 0);
    const dBeta = tf.tensor2d(Float32Array.from(partner, (p, j) => this.betas[j] - this.betas[p]), [K, 1]);
    // symmetric in the pair: row k and row k+1 get the same log-ratio, and the same uniform (the lower row's)
    const logA = tf.mul(dBeta, tf.sub(Lp, L));
    const logU = tf.gather(tf.log(tf.randomUniform([K, n], 0, 1, 'float32', this.rng.seed())), tf.tensor1d(lower, 'int32'), 0);
    const pairedCol = tf.tensor2d(paired, [K, 1]);
    // an unpaired row is its own partner: swapping it with itself changes nothing
    const swap = tf.less(logU, logA);
    const swapped = tf.where(tf.broadcastTo(tf.expandDims(swap, 2), [K, n, 2]), tf.gather(X, partnerIdx, 0), X);
    const next = tf.reshape(swapped, [N, 2]) as Tensor2D;
    const swapRate = tf.div(tf.sum(tf.mul(tf.cast(swap, 'float32'), pairedCol)), pairs * n) as Scalar;

    const kept = tf.keep(next);
    this.all.dispose();
    this.all = kept;
    return { x: tf.slice(kept, [0, 0], [n, 2]) as Tensor2D, accept, stats: { swap_rate: swapRate } };
  }

  dispose(): void {
    super.dispose();
    // undefined when the constructor refused its settings before building the ladder
    this.all?.dispose();
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default PtSampler;
