// The fused kernels against the op-by-op closed forms (and the fused DSM step against autodiff) on whatever
// backend is active: run in the app's worker on every browser backend (e2e/fused-kernels.spec.ts opens
// `#/bench?workloads=fused-check`) and in Node by the unit tests. Errors are relative to max(1, |reference|), float32 precision is ~1e-4 here.
import { tf } from '../../core/tf';
import { gmmLogProbAndScore } from '../../core/gmm';
import { MOG40 } from '../../core/targets/mixtures';
import { counterNormals } from '../../core/fused/counter-rng';
import { gmmAffineStep, gmmLogProbAndScoreFast, hasFusedKernels } from '../../core/fused/gmm-fused';
import type { NoiseLevel } from '../../core/types';
import { fusedDsmAgreement, fusedDsmThreadsCheck } from '../../core/nets/dsm-fused-check';

export interface KernelCheck {
  /** false: the backend has no fused kernel (the app uses the op-by-op path there) */
  fused: boolean;
  score: number;
  logp: number;
  step: number;
  /** the fused DSM training step's gradients (WebAssembly SIMD) against tfjs autodiff on this backend */
  dsm: number;
  /** the threads the worker's fused DSM step runs on, and its weights' largest difference from one thread's */
  dsmThreads: number;
  dsmThreadsDiff: number;
}

const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return e;
};

export async function fusedKernelCheck(n: number): Promise<KernelCheck> {
  // a width and batch that need padding (30 -> 32 units, 18 -> 20 inputs, 10 -> 12 rows)
  const dsm = (await fusedDsmAgreement(30, 2, 10, 5))?.grads ?? NaN;
  const th = await fusedDsmThreadsCheck();
  const threads = { dsmThreads: th?.threads ?? NaN, dsmThreadsDiff: th?.diff ?? NaN };
  if (!hasFusedKernels()) return { fused: false, score: NaN, logp: NaN, step: NaN, dsm, ...threads };
  const level: NoiseLevel = { a: 0.6, s2: 0.64 };
  const v = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) v[i] = 30 * Math.sin(1.7 * i + 0.3);
  const x = tf.tensor2d(v, [n, 2]);
  const coef = { c0: 0.98, c1: 0.4, c2: 0.9, seed: 777 };
  const ref = gmmLogProbAndScore(x, MOG40, level);
  const got = gmmLogProbAndScoreFast(x, MOG40, level);
  const step = gmmAffineStep(x, MOG40, level, coef)!;
  const stepRef = tf.tidy(() => tf.add(tf.add(tf.mul(x, coef.c0), tf.mul(ref.score, coef.c1)), tf.mul(tf.tensor2d(counterNormals(coef.seed, n), [n, 2]), coef.c2)));
  const [rs, rl, gs, gl, st, sr] = await Promise.all([ref.score, ref.logp, got.score, got.logp, step, stepRef].map((t) => t.data()));
  tf.dispose([x, ref.score, ref.logp, got.score, got.logp, step, stepRef]);
  return { fused: true, score: maxRel(gs, rs), logp: maxRel(gl, rl), step: maxRel(st, sr), dsm, ...threads };
}
