// The fused DSM step's loss and gradients against tfjs autodiff of the same loss, on the active backend.
// Shared by the unit tests (dsm-fused.test.ts) and the bench page's fused-check workload, which runs it in
// the app's worker on every browser backend.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { createFusedDsmTrainer } from './dsm-fused';
import { mlpPool } from '../fused/mlp-pool';
import { dsmLoss, vpFromLogSigma } from './dsm';
import { DEFAULT_EMBED_DIM, DEFAULT_SIGMA_RANGE, embedLogSigma } from './embedding';
import { Mlp } from './mlp';

export interface DsmBatch {
  x0: Float32Array;
  logSigma: Float32Array;
  z: Float32Array;
}

/** a seeded batch: x0 ~ N(0, 1.5^2 I), log sigma uniform over the trained range, z ~ N(0, I) */
export function dsmBatch(n: number, seed: number): DsmBatch {
  const rng = new Rng(seed);
  const lo = Math.log(DEFAULT_SIGMA_RANGE.sigmaMin);
  const hi = Math.log(DEFAULT_SIGMA_RANGE.sigmaMax);
  return {
    x0: new Float32Array(2 * n).map(() => 1.5 * rng.normal()),
    logSigma: new Float32Array(n).map(() => lo + rng.uniform() * (hi - lo)),
    z: new Float32Array(2 * n).map(() => rng.normal()),
  };
}

/**
 * The reference: eps^ = s' x~ + MLP([x~, emb]) as score-net.ts builds it, differentiated by tfjs. Read back
 * asynchronously: WebGPU has no synchronous read.
 */
export async function referenceDsmGrads(mlp: Mlp, b: DsmBatch): Promise<{ loss: number; grads: Float32Array[] }> {
  const n = b.logSigma.length;
  const { value, grads } = tf.tidy(() => {
    const x0 = tf.tensor2d(b.x0, [n, 2]);
    const ls = tf.tensor2d(b.logSigma, [n, 1]);
    const z = tf.tensor2d(b.z, [n, 2]);
    const emb = (logSigma: Tensor2D) => embedLogSigma(logSigma, DEFAULT_EMBED_DIM, DEFAULT_SIGMA_RANGE);
    const model = (xt: Tensor2D, logSigma: Tensor2D) =>
      tf.add(tf.mul(xt, vpFromLogSigma(logSigma).s), mlp.apply(tf.concat([xt, emb(logSigma)], 1) as Tensor2D)) as Tensor2D;
    return tf.variableGrads(() => dsmLoss(model, x0, ls, z), mlp.vars);
  });
  try {
    const loss = (await value.data())[0];
    return { loss, grads: await Promise.all(mlp.vars.map(async (v) => Float32Array.from(await grads[v.name].data()))) };
  } finally {
    tf.dispose([value, ...Object.values(grads)]);
  }
}

/** the Mlp's weights, read asynchronously (Mlp.getWeights reads synchronously, which WebGPU cannot) */
async function mlpWeights(mlp: Mlp): Promise<Float32Array[]> {
  return Promise.all(mlp.vars.map(async (v) => Float32Array.from(await v.data())));
}

/** largest |a - b| over the largest |b|: one scale per array, so near-zero entries do not dominate */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    err = Math.max(err, Math.abs(a[i] - b[i]));
  }
  return err / Math.max(scale, 1e-30);
}

/**
 * Relative errors of the fused loss and gradients (the worst array) against autodiff, for a net with random
 * weights everywhere (the score net zero-initializes its output layer, which would hide the backward pass).
 * null where WebAssembly SIMD is unavailable.
 */
export async function fusedDsmAgreement(hidden: number, depth: number, n: number, seed: number): Promise<{ loss: number; grads: number } | null> {
  const mlp = new Mlp({ inDim: 2 + DEFAULT_EMBED_DIM, outDim: 2, hidden, depth, rng: new Rng(seed), outScale: 1 });
  try {
    const fused = createFusedDsmTrainer({ hidden, depth, embedDim: DEFAULT_EMBED_DIM, range: DEFAULT_SIGMA_RANGE, batch: n, lr: 1e-3, clipNorm: 1, weights: await mlpWeights(mlp) });
    if (!fused) return null;
    const b = dsmBatch(n, seed + 1);
    const ref = await referenceDsmGrads(mlp, b);
    const got = fused.lossAndGrads(b.x0, b.logSigma, b.z);
    const same = got.grads.length === ref.grads.length && got.grads.every((g, i) => g.length === ref.grads[i].length);
    const grads = same ? Math.max(...got.grads.map((g, i) => maxRelErr(g, ref.grads[i]))) : Infinity;
    return { loss: Math.abs(got.loss - ref.loss) / ref.loss, grads };
  } finally {
    mlp.dispose();
  }
}

/**
 * The installed thread pool's step against the single-threaded one: two trainers from the same weights take
 * `steps` steps on the same batches (1 024 rows: four chunks); the largest |difference| of their weights
 * (0 expected: the same chunks, the same order of sums) and the threads the pooled one ran on. null where
 * WebAssembly SIMD is unavailable.
 */
export async function fusedDsmThreadsCheck(steps = 3): Promise<{ threads: number; diff: number } | null> {
  const hidden = 32;
  const batch = 1024;
  const mlp = new Mlp({ inDim: 2 + DEFAULT_EMBED_DIM, outDim: 2, hidden, depth: 2, rng: new Rng(17), outScale: 1 });
  const weights = await mlpWeights(mlp);
  mlp.dispose();
  const make = (pool: ReturnType<typeof mlpPool>) =>
    createFusedDsmTrainer({ hidden, depth: 2, embedDim: DEFAULT_EMBED_DIM, range: DEFAULT_SIGMA_RANGE, batch, lr: 3e-3, clipNorm: 1, weights, pool });
  const one = make(null);
  const many = make(mlpPool());
  if (!one || !many) return null;
  try {
    for (let s = 0; s < steps; s++) {
      const b = dsmBatch(batch, 40 + s);
      one.step(b.x0, b.logSigma, b.z);
      many.step(b.x0, b.logSigma, b.z);
    }
    const a = one.getWeights();
    const c = many.getWeights();
    let diff = 0;
    a.forEach((x, i) => x.forEach((v, j) => (diff = Math.max(diff, Math.abs(v - c[i][j])))));
    return { threads: many.threads, diff };
  } finally {
    one.dispose();
    many.dispose();
  }
}
