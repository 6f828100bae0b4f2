// The fast paths of the exact mixture score, used where nothing differentiates through the score (the
// Samplers lab, the benchmarks): one fused kernel instead of a dozen tfjs ops, when the active backend
// has one (CPU and WASM: JavaScript on backend memory; WebGPU: WGSL; WebGL: GLSL). Elsewhere they return null or fall
// back to the op-by-op closed forms in gmm.ts, which stay the reference (copies.ts lists every copy and its test).
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Mixture, NoiseLevel } from '../types';
import { gmmLogProbAndScore } from '../gmm';
import { checkPoints } from '../gmm-terms';
import { PACK_STRIDE, packMixture } from './gmm-pack';
import { GMM_AFFINE_KERNEL, GMM_SCORE_KERNEL, registerJsKernels, type AffineAttrs } from './register-kernels';

registerJsKernels();

/** true when the active backend runs the fused kernels */
export function hasFusedKernels(): boolean {
  return tf.getKernel(GMM_AFFINE_KERNEL, tf.getBackend()) !== undefined;
}

/** log density [N] and score [N,2]; fused when the backend has the kernel, else the closed forms */
export function gmmLogProbAndScoreFast(x: Tensor2D, mix: Mixture, level: NoiseLevel): { logp: Tensor1D; score: Tensor2D } {
  if (!hasFusedKernels()) return gmmLogProbAndScore(x, mix, level);
  checkPoints(x, 'gmmLogProbAndScoreFast');
  const [score, logp] = tf.tidy(() => {
    const p = tf.tensor2d(packMixture(mix, level), [mix.length, PACK_STRIDE]);
    return tf.engine().runKernel(GMM_SCORE_KERNEL, { x, p }) as unknown as [Tensor2D, Tensor1D];
  });
  return { logp, score };
}

export function gmmScoreFast(x: Tensor2D, mix: Mixture, level: NoiseLevel): Tensor2D {
  const { logp, score } = gmmLogProbAndScoreFast(x, mix, level);
  logp.dispose();
  return score;
}

/**
 * c0 x + c1 score_level(x) + c2 xi in one kernel, xi the counter normals of `seed`
 * (counter-rng.ts), or null when the backend has no fused kernel.
 */
export function gmmAffineStep(x: Tensor2D, mix: Mixture, level: NoiseLevel, coef: AffineAttrs): Tensor2D | null {
  if (!hasFusedKernels()) return null;
  checkPoints(x, 'gmmAffineStep');
  return tf.tidy(() => {
    const p = tf.tensor2d(packMixture(mix, level), [mix.length, PACK_STRIDE]);
    return tf.engine().runKernel(GMM_AFFINE_KERNEL, { x, p }, { ...coef } as never) as Tensor2D;
  });
}
