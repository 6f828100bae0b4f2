// Slice sampling (Neal 2003) along a random direction ("hit-and-run" slice sampling): draw the slice level
// log y = log p(x) − E with E ~ Exp(1), a uniform direction d, then an interval [L, R] ∋ 0 of width w
// placed at random around x and stepped out by w while its ends are still in the slice (at most m steps in
// all, split at random between the ends: Neal's §4, fig. 3), then points drawn uniformly in the interval,
// shrinking it towards 0 at each rejection, until one is in the slice (fig. 5). No gradient; no rejection
// in the end (the chain always moves within its slice). Batched over particles in lockstep with masks, so
// nothing is read back mid-step: a fixed number of stepping-out and shrinkage passes (m and SHRINKS); a
// particle whose point is not yet in the slice after the last shrink stays where it is (its interval is
// then 2^−SHRINKS of the original, around x: a measured rarity, counted in the step's stats).
import { tf } from '../../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../../tf';
import { MetropolisSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

/** stepping-out steps in all (Neal's m) and shrinkage passes per iteration */
const STEPS_OUT = 10;
const SHRINKS = 16;

export class SliceSampler extends MetropolisSampler {
  readonly id = 'slice' as const;

  constructor(opts: SamplerOptions) {
    super('slice', opts, 'slice');
  }

  protected advance(): Advance {
    const x = this.particles();
    const n = x.shape[0];
    const w = Number(this.setting('width'));
    const seed = () => this.rng.seed();
    const logY = tf.sub(this.logDensity(x), tf.neg(tf.log(tf.randomUniform([n], 1e-12, 1, 'float32', seed())))) as Tensor1D;
    const theta = tf.randomUniform([n], 0, 2 * Math.PI, 'float32', seed());
    const d = tf.stack([tf.cos(theta), tf.sin(theta)], 1) as Tensor2D;
    const at = (u: Tensor1D) => tf.add(x, tf.mul(d, tf.expandDims(u, 1))) as Tensor2D;
    const inSlice = (u: Tensor1D) => tf.greater(this.logDensity(at(u)), logY);
    // the initial interval, then J steps left and K = m − 1 − J right (J uniform in 0..m−1)
    let L = tf.mul(tf.randomUniform([n], 0, 1, 'float32', seed()), -w) as Tensor1D;
    let R = tf.add(L, w) as Tensor1D;
    let J = tf.floor(tf.mul(tf.randomUniform([n], 0, 1, 'float32', seed()), STEPS_OUT)) as Tensor1D;
    let K = tf.sub(STEPS_OUT - 1, J) as Tensor1D;
    for (let s = 0; s < STEPS_OUT; s++) {
      const goL = tf.logicalAnd(tf.greater(J, 0), inSlice(L));
      L = tf.where(goL, tf.sub(L, w), L) as Tensor1D;
      J = tf.where(goL, tf.sub(J, 1), tf.zerosLike(J)) as Tensor1D; // an end outside the slice stops for good
      const goR = tf.logicalAnd(tf.greater(K, 0), inSlice(R));
      R = tf.where(goR, tf.add(R, w), R) as Tensor1D;
      K = tf.where(goR, tf.sub(K, 1), tf.zerosLike(K)) as Tensor1D;
    }
    // shrinkage: draw u in [L, R]; accept if in the slice, else the side of 0 it fell on shrinks to u
    let u: Tensor1D = tf.zeros([n]);
    let done = tf.zeros([n], 'bool');
    for (let s = 0; s < SHRINKS; s++) {
      const cand = tf.add(L, tf.mul(tf.randomUniform([n], 0, 1, 'float32', seed()), tf.sub(R, L))) as Tensor1D;
      const ok = tf.logicalAnd(tf.logicalNot(done), inSlice(cand));
      u = tf.where(ok, cand, u) as Tensor1D;
      const miss = tf.logicalAnd(tf.logicalNot(done), tf.logicalNot(ok));
      L = tf.where(tf.logicalAnd(miss, tf.less(cand, 0)), cand, L) as Tensor1D;
      R = tf.where(tf.logicalAnd(miss, tf.greaterEqual(cand, 0)), cand, R) as Tensor1D;
      done = tf.logicalOr(done, ok);
    }
    const unfinished = tf.sub(1, tf.mean(tf.cast(done, 'float32'))) as Scalar;
    return { x: at(u), stats: { slice_unfinished: unfinished } };
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default SliceSampler;
