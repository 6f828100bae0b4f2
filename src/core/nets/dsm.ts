// Denoising score matching in the epsilon parametrization, in the normalized VP frame.
//
// Frame: data are divided by the net's dataScale (x0~ = x0 / dataScale), and noise is indexed by
// sigma~ = s/a, the noise-to-signal ratio of the normalized data. The training sample is the VP point
//   x~ = a' x0~ + s' z,   a' = 1/sqrt(1 + sigma~^2),   s' = sigma~ a'   (a'^2 + s'^2 = 1)
// so the net's input stays O(1) at every noise level, and the net predicts z.
//
// Loss: mean over the batch of |eps^(x~, sigma~) - z|^2 (summed over the 2 coordinates), with
// log sigma~ ~ Uniform[log sigmaMin, log sigmaMax] and no extra weighting. This is the "simple" DDPM
// loss; in score terms it is score matching weighted by lambda(sigma) = s'^2, which keeps every level's
// target O(1). (An EDM-style log-normal on sigma would focus training on sigma ~ 0.3; the uniform law in
// log sigma is chosen instead because the playground queries the score at every level, from the
// near-clean end of a DDPM chain to the largest annealed-Langevin level.)
import { tf } from '../tf';
import type { Scalar, Tensor, Tensor2D } from '../tf';
import type { SigmaRange } from './embedding';

/** eps^(x~ [N,2], log sigma~ [N,1]) -> [N,2] */
export type EpsModel = (xt: Tensor2D, logSigma: Tensor2D) => Tensor2D;

/**
 * VP coefficients of a noise-to-signal ratio, from log sigma [N,1]:
 * a' = exp(-softplus(2 log sigma)/2), s' = exp(log sigma - softplus(2 log sigma)/2).
 * Written with softplus so sigma = 1e-4 or 1e4 neither underflows nor overflows in float32.
 */
export function vpFromLogSigma(logSigma: Tensor2D): { a: Tensor2D; s: Tensor2D } {
  return tf.tidy(() => {
    const half = tf.mul(tf.softplus(tf.mul(logSigma, 2)), 0.5);
    return { a: tf.exp(tf.neg(half)) as Tensor2D, s: tf.exp(tf.sub(logSigma, half)) as Tensor2D };
  });
}

/** log sigma~ for a batch: uniform in [log sigmaMin, log sigmaMax], shape [n,1], seeded */
export function sampleLogSigma(n: number, range: SigmaRange, seed: number): Tensor2D {
  return tf.randomUniform([n, 1], Math.log(range.sigmaMin), Math.log(range.sigmaMax), 'float32', seed) as Tensor2D;
}

/**
 * DSM loss for clean normalized data x0 [N,2], levels logSigma [N,1] and noise z [N,2] (all given, so the
 * caller owns the randomness and the loss is a pure function: easy to test and to differentiate).
 */
export function dsmLoss(model: EpsModel, x0: Tensor2D, logSigma: Tensor2D, z: Tensor2D): Scalar {
  return tf.tidy(() => {
    const { a, s } = vpFromLogSigma(logSigma);
    const xt = tf.add(tf.mul(a, x0), tf.mul(s, z)) as Tensor2D;
    const err = tf.sub(model(xt, logSigma), z);
    return tf.mean(tf.sum(tf.square(err), 1)) as Scalar;
  });
}

/**
 * Rescale gradients so their global L2 norm is at most maxNorm (no-op when maxNorm is not finite or <= 0).
 * Stays on the device: the factor min(1, maxNorm/norm) is a tensor, nothing is read back.
 */
export function clipByGlobalNorm<T extends Record<string, Tensor>>(grads: T, maxNorm: number): T {
  if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) return grads;
  return tf.tidy(() => {
    const keys = Object.keys(grads);
    const sq = keys.map((k) => tf.sum(tf.square(grads[k])));
    const norm = tf.sqrt(tf.addN(sq));
    const factor = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-12)));
    const out: Record<string, Tensor> = {};
    for (const k of keys) out[k] = tf.mul(grads[k], factor);
    return out as T;
  });
}
