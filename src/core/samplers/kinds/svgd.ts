// Stein variational gradient descent (Liu & Wang 2016, "Stein Variational Gradient Descent: A General
// Purpose Bayesian Inference Algorithm", NeurIPS). The particles move along the direction that most
// decreases KL(q || p) within the unit ball of an RBF kernel's RKHS:
//   phi(x_i) = (1/n) sum_j [ k(x_j, x_i) grad log p(x_j) + grad_{x_j} k(x_j, x_i) ],  k(x, y) = exp(-|x - y|^2 / h).
// The first term is a kernel-smoothed gradient ascent on log p; the second pushes particles apart, which
// is what keeps them spread over p instead of piling onto its modes (setting `repulsion` off drops it).
// As the paper's official code (github.com/dilinwang820/Stein-Variational-Gradient-Descent,
// python/svgd.py): bandwidth h = med^2 / log(n + 1) by the median heuristic (med^2 is np.median of the
// full n x n matrix of squared distances, its zero diagonal included), recomputed every iteration; or a
// fixed h (setting `bandwidth`). Step: AdaGrad with momentum, hg = phi^2 at the first iteration and
// hg = alpha hg + (1 - alpha) phi^2 after, x += stepsize phi / (fudge + sqrt(hg)), alpha 0.9, fudge 1e-6.
// No noise: the run is deterministic given the initial particles.
//
// Cost: O(n^2) per iteration (the n x n kernel matrix), against O(n) for the Langevin samplers. It is one
// chain of n x n tensor ops inside the step's tidy (the squared distances as one [n,4] @ [4,n] product,
// exp, one [n,n] @ [n,4] product, a row sum): at the lab's 2000 particles 4M entries, cheap on a GPU,
// tens of ms on WASM. The
// median is over a fixed subset (the first MEDIAN_MAX particles, so a run stays seeded and replays):
// O(MEDIAN_MAX^2) work at most, 1M squared distances. tfjs has no median, and its top-k with a large k
// reads the data back synchronously on WebGL/WebGPU (a stall), so on a GPU backend it is a bisection on
// the count of entries below a threshold (MEDIAN_BISECT passes, all on the device); on CPU and WASM,
// where a read is a copy, a quickselect in JS (a few ms, where the bisection took ~270 ms on WASM).
import { tf } from '../../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { ParticleSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

/** the median heuristic looks at the first this many particles (their pairwise distances: at most 1M) */
export const MEDIAN_MAX = 1000;
/** device median: bisection passes; the bracket shrinks to 2^-24 of the largest squared distance, then snaps to an entry */
const MEDIAN_BISECT = 24;
/** backends whose reads are plain memory copies (no GPU pipeline to stall): the median runs in JS there */
const HOST_BACKENDS = new Set(['cpu', 'wasm']);
/** AdaGrad with momentum, as svgd.py */
const ALPHA = 0.9;
const FUDGE = 1e-6;
/** a floor on h, so particles that all coincide (a collapsed run) give a finite kernel */
const MIN_H = 1e-12;

/**
 * c |x_i - x_j|^2 as one [n,4] @ [4,n] product, [n,n]: |x_i|^2 + |x_j|^2 - 2 x_i.x_j with the constants
 * folded into the small operands, so no n x n op broadcasts (the slow path of the CPU backend). Rounding can
 * leave entries a few ulp of |x|^2 off (an exact 0 may come out slightly negative).
 */
function scaledSqDists(x: Tensor2D, c: Scalar | number): Tensor2D {
  const sq = tf.sum(tf.square(x), 1, true);
  const a = tf.concat([x, sq, tf.onesLike(sq)], 1);
  const b = tf.mul(tf.concat([tf.mul(x, -2), tf.onesLike(sq), sq], 1), c);
  return tf.matMul(a, b, false, true) as Tensor2D;
}

/** the k-th smallest entry (1-based) of d >= 0, on the device: bisection on count(d <= t), then the entry nearest the bracket */
function kthSmallestDevice(d: Tensor1D, k: number): Scalar {
  let lo: Scalar = tf.scalar(-1e-30);
  let hi: Scalar = tf.max(d);
  const kk = tf.scalar(k);
  for (let i = 0; i < MEDIAN_BISECT; i++) {
    const mid = tf.mul(tf.add(lo, hi), 0.5) as Scalar;
    const enough = tf.greaterEqual(tf.sum(tf.cast(tf.lessEqual(d, mid), 'float32')), kk);
    hi = tf.where(enough, mid, hi);
    lo = tf.where(enough, lo, mid);
  }
  // invariant: count(d <= lo) < k <= count(d <= hi), so d_(k) lies in (lo, hi]: the largest entry <= hi
  return tf.max(tf.where(tf.lessEqual(d, hi), d, tf.zerosLike(d)));
}

/**
 * np.median of the entries of d (>= 0) on the device, with no read-back: the middle one, or the mean of
 * the two middle ones for an even count, each exact wherever neighbouring entries are more than 2^-24 of
 * the largest apart (else within that)
 */
export function medianDevice(d: Tensor1D): Scalar {
  return tf.tidy(() => {
    const N = d.shape[0];
    if (N % 2 === 1) return kthSmallestDevice(d, (N + 1) / 2);
    const k = N / 2;
    const a = kthSmallestDevice(d, k);
    // d_(k+1): d_(k) again when it occurs past position k, else the smallest entry above it
    const tied = tf.greaterEqual(tf.sum(tf.cast(tf.lessEqual(d, a), 'float32')), k + 1);
    const above = tf.min(tf.where(tf.greater(d, a), d, tf.fill(d.shape, Infinity)));
    return tf.mul(tf.add(a, tf.where(tied, a, above)), 0.5) as Scalar;
  });
}

/** the k-th smallest (0-based) of a, in place: quickselect, median-of-three pivots (deterministic) */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const p = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++; j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * np.median(squareform(pdist(x))**2) of m points (interleaved x, y) in JS, in O(m^2): the m x m matrix
 * sorted is its m zeros, then every pair's squared distance twice, so its order statistics are those
 * of the m(m-1)/2 pairs, found by quickselect
 */
export function medianSqDistHost(xy: ArrayLike<number>): number {
  const m = xy.length / 2;
  const u = new Float64Array((m * (m - 1)) / 2);
  let q = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const dx = xy[2 * i] - xy[2 * j];
      const dy = xy[2 * i + 1] - xy[2 * j + 1];
      u[q++] = dx * dx + dy * dy;
    }
  }
  // the p-th smallest (1-based) entry of the full matrix
  const entry = (p: number) => (p <= m ? 0 : selectInPlace(u, Math.ceil((p - m) / 2) - 1));
  const N = m * m;
  return N % 2 === 1 ? entry((N + 1) / 2) : (entry(N / 2) + entry(N / 2 + 1)) / 2;
}

/**
 * The median-heuristic bandwidth of svgd.py, h = med^2 / log(n + 1): med^2 the median of the squared
 * distances among the first MEDIAN_MAX particles (diagonal included, as np.median(squareform(pdist(x))**2)),
 * n the number of all particles. On the CPU and WASM backends the subset (at most 8 kB) is read and the
 * median found in JS; on a GPU backend, on the device. `onDevice` forces a path (tests compare the two).
 */
export function medianBandwidth(x: Tensor2D, opts: { max?: number; onDevice?: boolean } = {}): Scalar {
  return tf.tidy(() => {
    const n = x.shape[0];
    const m = Math.min(n, opts.max ?? MEDIAN_MAX);
    const onDevice = opts.onDevice ?? !HOST_BACKENDS.has(tf.getBackend());
    let med2: Scalar;
    const sub = m === n ? x : (tf.slice(x, [0, 0], [m, 2]) as Tensor2D);
    if (onDevice) med2 = medianDevice(tf.reshape(tf.relu(scaledSqDists(sub, 1)), [m * m]) as Tensor1D);
    else med2 = tf.scalar(medianSqDistHost(sub.dataSync()));
    return tf.maximum(tf.div(med2, Math.log(n + 1)), MIN_H) as Scalar;
  });
}

export class SvgdSampler extends ParticleSampler {
  readonly id = 'svgd' as const;
  /** AdaGrad's running mean of phi^2 ([n,2]); null before the first iteration */
  private hg: Tensor2D | null = null;

  constructor(opts: SamplerOptions) {
    super(opts);
  }

  protected advance(k: number): Advance {
    const x = this.particles();
    const n = x.shape[0];
    const h: Scalar = this.setting('kernel') === 'fixed' ? tf.scalar(Number(this.setting('bandwidth'))) : medianBandwidth(x);
    // K_ij = exp(-|x_i - x_j|^2 / h) = k(x_j, x_i), symmetric: the O(n^2) part
    const K = tf.exp(scaledSqDists(x, tf.div(-1, h) as Scalar)) as Tensor2D;
    const s = this.score(x, CLEAN);
    let phi: Tensor2D;
    if (this.setting('repulsion') === false) {
      // kernel-smoothed gradient ascent: no term keeps the particles apart
      phi = tf.div(tf.matMul(K, s), n) as Tensor2D;
    } else {
      const [Ks, Kx] = tf.split(tf.matMul(K, tf.concat([s, x], 1)), 2, 1);
      // sum_j grad_{x_j} k(x_j, x_i) = (2/h) sum_j K_ij (x_i - x_j) = (2/h) (x_i sum_j K_ij - (K x)_i)
      const rep = tf.mul(tf.sub(tf.mul(x, tf.sum(K, 1, true)), Kx), tf.div(2, h));
      phi = tf.div(tf.add(Ks, rep), n) as Tensor2D;
    }
    const phi2 = tf.square(phi) as Tensor2D;
    const hg = this.hg === null || k === 0 ? phi2 : (tf.add(tf.mul(this.hg, ALPHA), tf.mul(phi2, 1 - ALPHA)) as Tensor2D);
    const x1 = tf.add(x, tf.mul(tf.div(phi, tf.add(tf.sqrt(hg), FUDGE)), Number(this.setting('svgdStep')))) as Tensor2D;
    // the step's tidy frees everything else; the AdaGrad state lives on to the next iteration
    this.hg?.dispose();
    this.hg = tf.keep(hg);
    return { x: x1 };
  }

  dispose(): void {
    super.dispose();
    this.hg?.dispose();
    this.hg = null;
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default SvgdSampler;
