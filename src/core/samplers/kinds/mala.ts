// Metropolis-adjusted Langevin: the ULA move used as a proposal, then a per-particle Metropolis-Hastings
// test, which removes ULA's O(h) bias at the price of rejections (acceptance falls as h grows).
// Score and log density are recomputed at the current point every step rather than cached from the
// last accepted proposal: it costs one extra call each, but stays correct when the target changes live
// (a lab training a net or moving a parameter between steps).
import { tf } from '../../tf';
import type { Scalar, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class MalaSampler extends MetropolisSampler {
  readonly id = 'mala' as const;

  constructor(opts: SamplerOptions) {
    super('mala', opts, 'Metropolis-Hastings');
  }

  protected advance(): Advance {
    const x = this.particles();
    const h = this.h;
    const z = this.noise();
    const meanX = tf.add(x, tf.mul(this.score(x, CLEAN), h));
    const y = tf.add(meanX, tf.mul(z, Math.sqrt(2 * h))) as Tensor2D;
    const meanY = tf.add(y, tf.mul(this.score(y, CLEAN), h)) as Tensor2D;
    // log q(y|x) = -|y - x - h s(x)|^2 / 4h = -|z|^2 / 2 (constants cancel in the ratio)
    const logQForward = tf.mul(sqNorm(z), -0.5);
    const logQBackward = tf.div(sqNorm(tf.sub(x, meanY) as Tensor2D), -4 * h);
    const logAlpha = tf.add(
      tf.sub(this.logDensity(y), this.logDensity(x)),
      tf.sub(logQBackward, logQForward),
    );
    return metropolis(x, y, logAlpha, this.rng.seed());
  }
}

/**
 * Per-particle MH choice between x and the proposal y. NaN log-ratios (e.g. Inf - Inf far in a tail)
 * compare false and are rejected, so a bad proposal never enters the chain.
 */
export function metropolis(x: Tensor2D, y: Tensor2D, logAlpha: tf.Tensor, seed: number): Advance {
  const n = x.shape[0];
  const logU = tf.log(tf.randomUniform([n], 0, 1, 'float32', seed));
  const ok = tf.less(logU, logAlpha);
  const mask = tf.broadcastTo(tf.expandDims(ok, 1), [n, 2]);
  const next = tf.where(mask, y, x) as Tensor2D;
  const accept = tf.mean(tf.cast(ok, 'float32')) as Scalar;
  return { x: next, accept, proposal: y };
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default MalaSampler;
