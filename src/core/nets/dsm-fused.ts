// The DSM training step of the score MLP (score-net.ts) as WebAssembly SIMD kernels (core/fused/mlp-simd.wat):
// the same loss (dsm.ts), gradients written out by hand instead of taped by autodiff, the same global-norm
// clipping and the same Adam update as tf.train.adam. It exists for speed: tfjs runs one step as ~250
// kernels (a 2+16 -> 128 -> 128 -> 2 net, batch 1024: ~10 ms in the browser, ~4 ms of it in per-kernel
// overhead and slow small kernels); here it is ~20 calls on buffers that stay in one WebAssembly memory.
// score-net.ts uses it on the CPU and WASM backends and keeps the tfjs step as the reference (tests compare
// the two) and as the path on GPU backends, where the weights live on the device.
//
// The net: eps^(x~, sigma~) = s' x~ + MLP([x~, emb(log sigma~)]), MLP = depth SiLU layers and a linear
// output. Backward, with G_l the gradient with respect to layer l's pre-activation Z_l:
//   G_out = 2 (eps^ - z) / B,  dW_l = H_{l-1}^T G_l,  db_l = sum_rows G_l,  G_{l-1} = (G_l W_l^T) * silu'(Z_{l-1}).
//
// Padding, so every product fits the kernels' 4 x 8 blocks: the input width (2 + 16) to a multiple of 4,
// the hidden width to a multiple of 8, the 2 outputs to 8, the batch to a multiple of 4. Padded weights start
// at 0 and their gradients are exactly 0 (padded inputs are 0; a padded unit's output weights are 0, so its
// backward signal is 0; padded rows of the batch get a zero output gradient), so Adam leaves them at 0.
//
// Threads (core/fused/mlp-pool.ts). The batch is cut into a fixed number of chunks of rows (chunkCount: it
// depends on the batch alone); each chunk's forward and backward pass is one call list written once into
// the trainer's memory, and computes the chunk's own gradient block. A step prepares the inputs (here),
// transposes the weights for the backward products, runs the chunks (over the pool's threads where one is
// installed, one after another otherwise), adds the blocks in chunk order and takes the Adam step. So the
// threaded and the single-threaded step compute the same numbers in the same order: the same bits.
import { mlpSimdKernels } from '../fused/mlp-simd';
import type { MlpSimdKernels } from '../fused/mlp-simd';
import { encodeCalls, MAX_CHUNKS, mlpPool, runCalls } from '../fused/mlp-pool';
import type { Call, MlpPool } from '../fused/mlp-pool';
import { ensureBytes } from '../fused/wasm-module';
import { embedLogSigmaInto } from './embedding';
import type { SigmaRange } from './embedding';

export interface FusedDsmConfig {
  hidden: number;
  depth: number;
  embedDim: number;
  range: SigmaRange;
  batch: number;
  lr: number;
  /** global gradient-norm clip; not finite or <= 0 disables it */
  clipNorm: number;
  /** initial weights W0, b0, ..., Wout, bout (unpadded, the Mlp's order and shapes) */
  weights: Float32Array[];
  /** the thread pool to run on; default: the installed one (mlpPool()), null for this thread alone */
  pool?: MlpPool | null;
}

export interface FusedDsmTrainer {
  /** one Adam step on normalized clean data x0 [2B], levels logSigma [B] and noise z [2B]; returns the loss */
  step(x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>): number;
  /** the loss and the (unclipped) gradients in the weights' order and shapes, without updating anything */
  lossAndGrads(x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>): { loss: number; grads: Float32Array[] };
  getWeights(): Float32Array[];
  setWeights(values: Float32Array[]): void;
  /** threads this trainer's steps run on now (1 without a pool, or while its helpers start) */
  readonly threads: number;
  /** the chunks its batch is cut into */
  readonly chunks: number;
  /** gives its region of a shared memory back; the trainer is unusable afterwards */
  dispose(): void;
}

// tf.train.adam's defaults (beta1, beta2) and the float32 backends' epsilon, so both paths take the same step
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;
const OUT = 8; // padded output width (2 used)

const up = (n: number, m: number) => Math.ceil(n / m) * m;

/**
 * Chunks of a padded batch of Bp rows: 128 rows or more each (the labs train at batch 256 and 512), at most 4
 * (the thread cap). A function of the batch alone, so a seed gives the same bits on any number of threads.
 */
export function chunkCount(Bp: number): number {
  return Bp >= 1024 ? 4 : Bp >= 256 ? 2 : 1;
}

interface Layer {
  fin: number; // padded fan-in
  fout: number; // padded fan-out
  inReal: number;
  outReal: number;
  w: number; // float offsets into the parameter block
  b: number;
}

/** the fused trainer, or null where WebAssembly SIMD is unavailable */
export function createFusedDsmTrainer(cfg: FusedDsmConfig): FusedDsmTrainer | null {
  const pool = cfg.pool === undefined ? mlpPool() : cfg.pool;
  const own = pool ? null : mlpSimdKernels();
  const k: MlpSimdKernels | null = pool ? pool.kernels : own;
  if (!k) return null;
  const inReal = 2 + cfg.embedDim;
  const in0 = up(inReal, 4);
  const hp = up(cfg.hidden, 8);
  const B = cfg.batch;
  const Bp = up(B, 4);
  const d = cfg.depth;
  const C = Math.min(chunkCount(Bp), MAX_CHUNKS);
  const R = up(Math.ceil(Bp / C), 4); // rows per chunk (the last may have fewer)
  const rows = Array.from({ length: C }, (_, c) => [Math.min(c * R, Bp), Math.min((c + 1) * R, Bp)] as const);

  // parameter block: W_l then b_l for each layer; each chunk's gradient block, M1, M2 have the same layout
  const layers: Layer[] = [];
  let nP = 0;
  for (let l = 0; l <= d; l++) {
    const fin = l === 0 ? in0 : hp;
    const fout = l === d ? OUT : hp;
    layers.push({ fin, fout, inReal: l === 0 ? inReal : cfg.hidden, outReal: l === d ? 2 : cfg.hidden, w: nP, b: nP + fin * fout });
    nP += fin * fout + fout;
  }
  // float offsets from the region's start; every block starts on a 16-byte boundary (sizes are multiples of 4)
  let top = 0;
  const alloc = (n: number) => {
    const at = top;
    top += up(n, 4);
    return at;
  };
  const P = alloc(nP);
  const Gc = rows.map(() => alloc(nP)); // Gc[0] also receives the sum
  const M1 = alloc(nP);
  const M2 = alloc(nP);
  const X0 = alloc(Bp * in0); // H_0: the net's input rows [x~, emb]
  const Z: number[] = [];
  const S: number[] = [];
  const H: number[] = [X0];
  for (let l = 1; l <= d; l++) {
    Z[l] = alloc(Bp * hp);
    S[l] = alloc(Bp * hp);
    H[l] = alloc(Bp * hp);
  }
  const Y = alloc(Bp * OUT); // the MLP's output
  const GOUT = alloc(Bp * OUT);
  const GA = alloc(Bp * hp);
  const GB = alloc(Bp * hp);
  const WT: number[] = []; // W_l^T for the backward products: layer d (the output) and 1 .. d-1
  WT[d] = alloc(OUT * hp);
  for (let l = 1; l < d; l++) WT[l] = alloc(hp * hp);
  const SP = alloc(Bp); // s' per row, for the skip term
  const ZIN = alloc(2 * Bp); // the noise z, rows of 2
  const LOSS = alloc(2 * C); // each chunk's sum of squared errors, an f64
  // one call list per chunk (below); its size is known before its offsets are
  const callsOf = (c: number, base: number): Call[] => {
    const [r0, r1] = rows[c];
    const nr = r1 - r0;
    const at = (f: number, row: number, width: number) => 4 * (base + f + row * width); // byte offset of a row
    const G = base + Gc[c];
    const calls: Call[] = [];
    for (let l = 0; l < d; l++) {
      const L = layers[l];
      calls.push(['gemm', at(H[l], r0, L.fin), 4 * (base + P + L.w), at(Z[l + 1], r0, hp), nr, hp, L.fin, L.fin, 1, 0]);
      calls.push(['bias_silu', at(Z[l + 1], r0, hp), 4 * (base + P + L.b), at(S[l + 1], r0, hp), at(H[l + 1], r0, hp), nr, hp]);
    }
    const Lo = layers[d];
    calls.push(['gemm', at(H[d], r0, hp), 4 * (base + P + Lo.w), at(Y, r0, OUT), nr, OUT, hp, hp, 1, 0]);
    calls.push(['bias_add', at(Y, r0, OUT), 4 * (base + P + Lo.b), nr, OUT]);
    // loss = mean_i |eps^_i - z_i|^2; G_out = 2 (eps^ - z) / B on the two real columns of the real rows
    calls.push(['dsm_out', at(X0, r0, in0), at(SP, r0, 1), at(Y, r0, OUT), at(ZIN, r0, 2), at(GOUT, r0, OUT), 4 * (base + LOSS + 2 * c), Math.max(0, Math.min(r1, B) - r0), in0, B]);
    // backward: dW = H^T G over this chunk's rows (A stored [rows, fin], read transposed), db = column sums
    calls.push(['gemm', at(H[d], r0, hp), at(GOUT, r0, OUT), 4 * (G + Lo.w), hp, OUT, nr, 1, hp, 0]);
    calls.push(['colsum', at(GOUT, r0, OUT), 4 * (G + Lo.b), nr, OUT]);
    calls.push(['gemm', at(GOUT, r0, OUT), 4 * (base + WT[d]), at(GA, r0, hp), nr, hp, OUT, OUT, 1, 0]);
    calls.push(['silu_grad', at(GA, r0, hp), at(Z[d], r0, hp), at(S[d], r0, hp), (nr * hp) / 4]);
    let [ga, gb] = [GA, GB];
    for (let l = d - 1; l >= 0; l--) {
      const L = layers[l];
      calls.push(['gemm', at(H[l], r0, L.fin), at(ga, r0, hp), 4 * (G + L.w), L.fin, hp, nr, 1, L.fin, 0]);
      calls.push(['colsum', at(ga, r0, hp), 4 * (G + L.b), nr, hp]);
      if (l === 0) break;
      calls.push(['gemm', at(ga, r0, hp), 4 * (base + WT[l]), at(gb, r0, hp), nr, hp, hp, hp, 1, 0]);
      calls.push(['silu_grad', at(gb, r0, hp), at(Z[l], r0, hp), at(S[l], r0, hp), (nr * hp) / 4]);
      [ga, gb] = [gb, ga];
    }
    return calls;
  };
  const listWords = rows.map((_, c) => encodeCalls(callsOf(c, 0)).length);
  const LISTS = listWords.map((w) => alloc(w)); // float offsets, used as word offsets (both 4 bytes)

  // the region: at float `base` of the pool's shared memory, or at 0 of this trainer's own memory
  let base = 0;
  if (pool) {
    const at = pool.alloc(4 * top);
    if (at === null) return createFusedDsmTrainer({ ...cfg, pool: null }); // the shared memory is full
    base = at / 4;
  } else {
    ensureBytes(own!.memory, 4 * top);
  }
  // an own memory never grows after this; a shared one may grow for later trainers, which leaves the bytes
  // under this view where they are (a shared buffer is never detached)
  const mem = new Float32Array(k.memory.buffer, 4 * base, top);
  const i32 = new Int32Array(k.memory.buffer, 4 * base, top);
  if (!pool) mem.fill(0);
  const listAt = rows.map((_, c) => {
    i32.set(encodeCalls(callsOf(c, base)), LISTS[c]);
    return 4 * (base + LISTS[c]);
  });
  const lossAt = new Float64Array(k.memory.buffer, 4 * (base + LOSS), C);
  const words = pool ? null : new Int32Array(k.memory.buffer); // the whole own memory, for runCalls
  let t = 0; // Adam's step count
  let disposed = false;

  const setWeights = (values: Float32Array[]) => {
    if (values.length !== 2 * (d + 1)) throw new Error(`fused DSM: expected ${2 * (d + 1)} weight arrays, got ${values.length}`);
    layers.forEach((L, l) => {
      const w = values[2 * l];
      const b = values[2 * l + 1];
      if (w.length !== L.inReal * L.outReal || b.length !== L.outReal) {
        throw new Error(`fused DSM: layer ${l} weights have ${w.length} + ${b.length} values, expected ${L.inReal * L.outReal} + ${L.outReal}`);
      }
      for (let i = 0; i < L.inReal; i++) for (let j = 0; j < L.outReal; j++) mem[P + L.w + i * L.fout + j] = w[i * L.outReal + j];
      for (let j = 0; j < L.outReal; j++) mem[P + L.b + j] = b[j];
    });
  };
  const read = (at: number) =>
    layers.flatMap((L) => {
      const w = new Float32Array(L.inReal * L.outReal);
      for (let i = 0; i < L.inReal; i++) for (let j = 0; j < L.outReal; j++) w[i * L.outReal + j] = mem[at + L.w + i * L.fout + j];
      return [w, mem.slice(at + L.b, at + L.b + L.outReal)];
    });
  setWeights(cfg.weights);

  const b4 = (f: number) => 4 * (base + f); // float offset in the region -> byte offset in the memory

  /** forward and backward over every chunk: fills Gc[0] with the batch's gradient, returns the loss */
  const gradients = (x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>): number => {
    // inputs: x~ = a' x0 + s' z with a' = exp(-softplus(2 ls)/2), s' = exp(ls - softplus(2 ls)/2) (as dsm.ts)
    for (let i = 0; i < B; i++) {
      const ls = logSigma[i];
      const sp = Math.max(2 * ls, 0) + Math.log1p(Math.exp(-Math.abs(2 * ls)));
      const aP = Math.exp(-sp / 2);
      const sP = Math.exp(ls - sp / 2);
      mem[SP + i] = sP;
      mem[X0 + i * in0] = aP * x0[2 * i] + sP * z[2 * i];
      mem[X0 + i * in0 + 1] = aP * x0[2 * i + 1] + sP * z[2 * i + 1];
      mem[ZIN + 2 * i] = z[2 * i];
      mem[ZIN + 2 * i + 1] = z[2 * i + 1];
    }
    embedLogSigmaInto(logSigma, B, cfg.embedDim, cfg.range, mem, X0 + 2, in0);
    k.transpose(b4(P + layers[d].w), b4(WT[d]), hp, OUT);
    for (let l = 1; l < d; l++) k.transpose(b4(P + layers[l].w), b4(WT[l]), hp, hp);
    if (pool) pool.run(listAt);
    else for (const at of listAt) runCalls(k, words!, at);
    let loss = 0;
    for (let c = 0; c < C; c++) loss += lossAt[c];
    for (let c = 1; c < C; c++) k.add_into(b4(Gc[0]), b4(Gc[c]), nP / 4);
    return loss / B;
  };

  const checkBatch = (x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>) => {
    if (disposed) throw new Error('fused DSM: used after dispose()');
    if (x0.length < 2 * B || logSigma.length < B || z.length < 2 * B) throw new Error(`fused DSM: a batch of ${B} needs x0 and z of ${2 * B} and logSigma of ${B} values`);
  };

  return {
    step(x0, logSigma, z) {
      checkBatch(x0, logSigma, z);
      const loss = gradients(x0, logSigma, z);
      let scale = 1;
      if (cfg.clipNorm > 0 && Number.isFinite(cfg.clipNorm)) {
        const norm = Math.sqrt(k.sumsq(b4(Gc[0]), nP / 4));
        scale = Math.min(1, cfg.clipNorm / (norm + 1e-12));
      }
      t++;
      k.adam(b4(P), b4(Gc[0]), b4(M1), b4(M2), nP / 4, scale, BETA1, BETA2, 1 / (1 - BETA1 ** t), 1 / (1 - BETA2 ** t), cfg.lr, EPSILON);
      return loss;
    },
    lossAndGrads(x0, logSigma, z) {
      checkBatch(x0, logSigma, z);
      const loss = gradients(x0, logSigma, z);
      return { loss, grads: read(Gc[0]) };
    },
    getWeights: () => read(P),
    setWeights,
    get threads() {
      return pool ? Math.min(pool.active, C) : 1;
    },
    chunks: C,
    dispose() {
      if (disposed) return;
      disposed = true;
      pool?.free(4 * base);
    },
  };
}
