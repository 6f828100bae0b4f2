// The learned noised score (ScoreNet contract in types.ts): MLP + sigma embedding, trained by DSM
// (dsm.ts) in the normalized VP frame, served as a ScoreFn for any NoiseLevel in original coordinates.
//
// Model: eps^(x~, sigma~) = s'(sigma~) x~ + MLP([x~, emb(log sigma~)]), output layer zero-initialized.
// The first term is the exact eps-prediction for N(0, I) data in the normalized frame, so an untrained
// net already gives a sensible (Gaussian) score and the MLP only learns the departure from it. It also
// carries the large-sigma limit eps ~ x~ that a small net would otherwise have to learn.
//
// Serving a level (a, s2) given in original coordinates, x = a x0 + s z (s = sqrt(s2); VP or VE):
//   x / (a d) = x0/d + (s/(a d)) z = x0~ + sigma~ z,       sigma~ = s / (a d),  d = dataScale
//   x~ := a'(sigma~) x / (a d) = c x,   c = a'/(a d)       is exactly the VP training sample at sigma~.
//   Densities: p_x(x) = c^2 p~(c x) (2D Jacobian), so grad_x log p_x(x) = c grad log p~(x~),
//   and grad log p~(x~) = -E[z | x~] / s' = -eps^/s' (Tweedie). Hence
//   grad_x log p_x(x) = -(a'/(a d)) eps^ / (sigma~ a') = -eps^ / (a d sigma~) = -eps^(c x, sigma~) / s.
// Below the trained range (0 < sigma~ < sigmaMin, and the clean level s2 = 0) the level is served as
// sigma~ = sigmaMin (c and s taken at that sigma). Above it the embedding is clamped to sigmaMax but c and
// s use the true sigma~: the net then sees x~ ~ z, where its output eps^ ~ x~ remains right.
// a = 0 (pure noise): x = s z exactly, so the score is -x/s2 without the net.
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';
import type { NoiseLevel, ScoreFn } from '../types';
import type { ScoreNet, ScoreNetOptions } from './types';
import { DEFAULT_EMBED_DIM, DEFAULT_SIGMA_RANGE, checkEmbedding, embedLogSigma, embedLogSigmaAt } from './embedding';
import type { SigmaRange } from './embedding';
import { clipByGlobalNorm, dsmLoss, sampleLogSigma, vpFromLogSigma } from './dsm';
import { createFusedDsmTrainer } from './dsm-fused';
import type { FusedDsmTrainer } from './dsm-fused';
import { Mlp } from './mlp';
import { normalDraws, uniformDraws } from './seeded-draws';

// The fused training step (dsm-fused.ts) runs where the weights live in main memory anyway: the CPU and
// WASM backends. On the GPU backends the tfjs step keeps the weights on the device.
const FUSED_BACKENDS = new Set(['cpu', 'wasm']);
let fusedAllowed = true;
/** switch the fused DSM step off (or back on) for nets created afterwards: A/B benchmarks and tests */
export function setFusedDsm(on: boolean): void {
  fusedAllowed = on;
}

/** defaults of the contract's options (rng and dataScale have none) */
export const SCORE_NET_DEFAULTS = { hidden: 128, depth: 3, lr: 2e-3, batch: 512 } as const;

/** knobs beyond the contract, with defaults */
export interface ScoreNetExtras extends SigmaRange {
  /** embedding width (even) */
  embedDim: number;
  /** global gradient-norm clip; Infinity disables. Guards against the rare huge-loss batch. */
  clipNorm: number;
}
export const SCORE_NET_EXTRAS: ScoreNetExtras = { ...DEFAULT_SIGMA_RANGE, embedDim: DEFAULT_EMBED_DIM, clipNorm: 1 };

function checkOptions(o: ScoreNetOptions): void {
  const bad = (k: string, v: unknown, want: string) => new Error(`scoreNet: ${k} must be ${want}, got ${v}`);
  if (!Number.isInteger(o.hidden) || o.hidden < 1) throw bad('hidden', o.hidden, 'a positive integer');
  if (!Number.isInteger(o.depth) || o.depth < 1) throw bad('depth', o.depth, 'a positive integer');
  if (!Number.isInteger(o.batch) || o.batch < 1) throw bad('batch', o.batch, 'a positive integer');
  if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw bad('lr', o.lr, 'a positive number');
  if (!(o.dataScale > 0) || !Number.isFinite(o.dataScale)) throw bad('dataScale', o.dataScale, 'a positive number');
  if (!o.rng) throw new Error('scoreNet: rng is required');
}

export function createScoreNet(opts: ScoreNetOptions, extras: Partial<ScoreNetExtras> = {}): ScoreNet {
  checkOptions(opts);
  const ex: ScoreNetExtras = { ...SCORE_NET_EXTRAS, ...extras };
  checkEmbedding(ex.embedDim, ex);
  const { dataScale: d, batch } = opts;
  const rng = opts.rng.split(); // own stream: the caller's later draws do not depend on our usage
  const mlp = new Mlp({ inDim: 2 + ex.embedDim, outDim: 2, hidden: opts.hidden, depth: opts.depth, rng, outScale: 0 });
  const optimizer: tf.Optimizer = tf.train.adam(opts.lr); // base type: Adam's d.ts narrows applyGradients to variables
  const varList = mlp.vars;
  let steps = 0;
  let disposed = false;
  const fused: FusedDsmTrainer | null = fusedAllowed && FUSED_BACKENDS.has(tf.getBackend())
    ? createFusedDsmTrainer({ hidden: opts.hidden, depth: opts.depth, embedDim: ex.embedDim, range: ex, batch, lr: opts.lr, clipNorm: ex.clipNorm, weights: mlp.getWeights().values })
    : null;
  /** the fused trainer's weights are newer than the tfjs variables (which serve the score) */
  let stale = false;
  const sync = () => {
    if (!fused || !stale) return;
    stale = false;
    const values = fused.getWeights();
    mlp.setWeights({ shapes: mlp.vars.map((v) => v.shape.slice()), values });
  };
  // the fused step's batch draws, reused from step to step
  const drawn = { logSigma: new Float32Array(batch), z: new Float32Array(2 * batch) };
  // the last data tensor's values, read once (tensors are immutable, so the object identifies its values)
  let dataCache: { t: Tensor2D; values: Float32Array } | null = null;

  /** eps^ for normalized VP points xt [N,2], given the embedding [N,E] (or [1,E], broadcast by tiling) and s' */
  const epsFromEmb = (xt: Tensor2D, emb: Tensor2D, sP: Tensor2D | number): Tensor2D => {
    const e = emb.shape[0] === xt.shape[0] ? emb : tf.tile(emb, [xt.shape[0], 1]);
    return tf.add(tf.mul(xt, sP), mlp.apply(tf.concat([xt, e], 1) as Tensor2D)) as Tensor2D;
  };
  const epsModel = (xt: Tensor2D, logSigma: Tensor2D): Tensor2D =>
    epsFromEmb(xt, embedLogSigma(logSigma, ex.embedDim, ex), vpFromLogSigma(logSigma).s);

  const alive = () => {
    if (disposed) throw new Error('scoreNet: used after dispose()');
  };

  const checkData = (data: Tensor2D) => {
    alive();
    if (data.rank !== 2 || data.shape[1] !== 2 || data.shape[0] < 1) {
      throw new Error(`scoreNet.trainStep: data must be [M,2] with M >= 1, got [${data.shape}]`);
    }
  };
  /** the batch's random choices, in the same order on both paths, so a seed means the same batches */
  const draws = (m: number) => {
    const idx = new Int32Array(batch);
    for (let i = 0; i < batch; i++) idx[i] = rng.int(m); // with replacement: fine for M < batch too
    return { idx, sSeed: rng.seed(), zSeed: rng.seed() };
  };

  /** one Adam step on the tfjs path; returns the loss tensor (caller reads and disposes it) */
  const step = (data: Tensor2D): Scalar => {
    checkData(data);
    const { idx, sSeed, zSeed } = draws(data.shape[0]);
    const loss = tf.tidy(() => {
      const x0 = tf.div(tf.gather(data, tf.tensor1d(idx, 'int32')), d) as Tensor2D;
      const logSigma = sampleLogSigma(batch, ex, sSeed);
      const z = tf.randomNormal([batch, 2], 0, 1, 'float32', zSeed) as Tensor2D;
      const { value, grads } = tf.variableGrads(() => dsmLoss(epsModel, x0, logSigma, z), varList);
      optimizer.applyGradients(clipByGlobalNorm(grads, ex.clipNorm));
      return value;
    });
    steps++;
    return loss;
  };

  /** one Adam step on the fused path: the same draws (tfjs's seeded generators, read back), no tensors kept */
  const stepFused = (f: FusedDsmTrainer, data: Tensor2D): number => {
    checkData(data);
    if (dataCache?.t !== data) dataCache = { t: data, values: data.dataSync() as Float32Array };
    const values = dataCache.values;
    const { idx, sSeed, zSeed } = draws(data.shape[0]);
    const x0 = new Float32Array(2 * batch);
    for (let i = 0; i < batch; i++) {
      x0[2 * i] = values[2 * idx[i]] / d;
      x0[2 * i + 1] = values[2 * idx[i] + 1] / d;
    }
    // the tfjs path's draws, computed here without tensors (seeded-draws.ts: the same bits; seed 0 is
    // tfjs's 'unseeded', which only tfjs can reproduce)
    uniformDraws(drawn.logSigma, Math.log(ex.sigmaMin), Math.log(ex.sigmaMax), sSeed);
    if (zSeed) normalDraws(drawn.z, 0, 1, zSeed);
    else drawn.z.set(tf.tidy(() => tf.randomNormal([batch, 2], 0, 1, 'float32', zSeed).dataSync() as Float32Array));
    const loss = f.step(x0, drawn.logSigma, drawn.z);
    stale = true;
    steps++;
    return loss;
  };

  const score: ScoreFn = (x: Tensor2D, level: NoiseLevel): Tensor2D => {
    alive();
    sync();
    const { a, s2 } = level;
    if (!(a >= 0) || !(s2 >= 0) || !Number.isFinite(a) || !Number.isFinite(s2)) {
      throw new Error(`scoreNet.score: bad noise level a=${a}, s2=${s2}`);
    }
    if (a === 0) {
      if (s2 === 0) throw new Error('scoreNet.score: level a=0, s2=0 has no density');
      return tf.tidy(() => tf.div(x, -s2) as Tensor2D);
    }
    const sigma = Math.max(Math.sqrt(s2) / (a * d), ex.sigmaMin);
    const aP = 1 / Math.sqrt(1 + sigma * sigma);
    const c = aP / (a * d);
    const sEff = a * d * sigma; // = s inside the trained range and above it
    const logEmb = Math.log(Math.min(sigma, ex.sigmaMax));
    const emb = embedLogSigmaAt(logEmb, ex.embedDim, ex);
    return tf.tidy(() => {
      const xt = tf.mul(x, c) as Tensor2D;
      const eps = epsFromEmb(xt, tf.tensor2d(emb, [1, ex.embedDim]), sigma * aP);
      return tf.mul(eps, -1 / sEff) as Tensor2D;
    });
  };

  return {
    trainStep(data: Tensor2D): number {
      if (fused) return stepFused(fused, data);
      const loss = step(data);
      const v = loss.dataSync()[0];
      loss.dispose();
      return v;
    },
    async trainStepAsync(data: Tensor2D): Promise<number> {
      if (fused) return stepFused(fused, data);
      const loss = step(data);
      try {
        return (await loss.data())[0];
      } finally {
        loss.dispose();
      }
    },
    score,
    get steps() {
      return steps;
    },
    getWeights: () => (alive(), sync(), mlp.getWeights()),
    setWeights: (w) => {
      alive();
      mlp.setWeights(w); // checks the shapes
      fused?.setWeights(w.values);
      stale = false;
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      mlp.dispose();
      fused?.dispose();
    },
  };
}
