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
import { mlpSimdKernels } from '../fused/mlp-simd';
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
}

export interface FusedDsmTrainer {
  /** one Adam step on normalized clean data x0 [2B], levels logSigma [B] and noise z [2B]; returns the loss */
  step(x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>): number;
  /** the loss and the (unclipped) gradients in the weights' order and shapes, without updating anything */
  lossAndGrads(x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>): { loss: number; grads: Float32Array[] };
  getWeights(): Float32Array[];
  setWeights(values: Float32Array[]): void;
}

// tf.train.adam's defaults (beta1, beta2) and the float32 backends' epsilon, so both paths take the same step
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;
const OUT = 8; // padded output width (2 used)

const up = (n: number, m: number) => Math.ceil(n / m) * m;

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
  const k = mlpSimdKernels();
  if (!k) return null;
  const inReal = 2 + cfg.embedDim;
  const in0 = up(inReal, 4);
  const hp = up(cfg.hidden, 8);
  const B = cfg.batch;
  const Bp = up(B, 4);
  const d = cfg.depth;

  // parameter block: W_l then b_l for each layer; G, M1, M2 have the same layout
  const layers: Layer[] = [];
  let nP = 0;
  for (let l = 0; l <= d; l++) {
    const fin = l === 0 ? in0 : hp;
    const fout = l === d ? OUT : hp;
    layers.push({ fin, fout, inReal: l === 0 ? inReal : cfg.hidden, outReal: l === d ? 2 : cfg.hidden, w: nP, b: nP + fin * fout });
    nP += fin * fout + fout;
  }
  // every block starts on a 16-byte boundary: sizes are multiples of 4 floats
  let top = 0;
  const alloc = (n: number) => {
    const at = top;
    top += up(n, 4);
    return at;
  };
  const P = alloc(nP);
  const G = alloc(nP);
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
  let GA = alloc(Bp * hp);
  let GB = alloc(Bp * hp);
  const WT = alloc(hp * Math.max(hp, OUT));
  const SP = alloc(Bp); // s' per row, for the skip term
  ensureBytes(k.memory, 4 * top);
  // the memory never grows after this, so one view serves for the trainer's life
  const mem = new Float32Array(k.memory.buffer, 0, top);
  mem.fill(0);
  let t = 0; // Adam's step count

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
  const read = (base: number) =>
    layers.flatMap((L) => {
      const w = new Float32Array(L.inReal * L.outReal);
      for (let i = 0; i < L.inReal; i++) for (let j = 0; j < L.outReal; j++) w[i * L.outReal + j] = mem[base + L.w + i * L.fout + j];
      return [w, mem.slice(base + L.b, base + L.b + L.outReal)];
    });
  setWeights(cfg.weights);

  const b4 = (f: number) => 4 * f; // float offset -> byte offset

  /** forward and backward: fills G, returns the loss */
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
    }
    embedLogSigmaInto(logSigma, B, cfg.embedDim, cfg.range, mem, X0 + 2, in0);
    // forward
    for (let l = 0; l < d; l++) {
      const L = layers[l];
      k.gemm(b4(H[l]), b4(P + L.w), b4(Z[l + 1]), Bp, hp, L.fin, L.fin, 1, 0);
      k.bias_silu(b4(Z[l + 1]), b4(P + L.b), b4(S[l + 1]), b4(H[l + 1]), Bp, hp);
    }
    const Lo = layers[d];
    k.gemm(b4(H[d]), b4(P + Lo.w), b4(Y), Bp, OUT, hp, hp, 1, 0);
    k.bias_add(b4(Y), b4(P + Lo.b), Bp, OUT);
    // loss = mean_i |eps^_i - z_i|^2; G_out = 2 (eps^ - z) / B on the two real columns (others stay 0)
    let loss = 0;
    for (let i = 0; i < B; i++) {
      for (let c = 0; c < 2; c++) {
        const err = mem[SP + i] * mem[X0 + i * in0 + c] + mem[Y + i * OUT + c] - z[2 * i + c];
        loss += err * err;
        mem[GOUT + i * OUT + c] = (2 * err) / B;
      }
    }
    // backward
    k.gemm(b4(H[d]), b4(GOUT), b4(G + Lo.w), hp, OUT, Bp, 1, hp, 0);
    k.colsum(b4(GOUT), b4(G + Lo.b), Bp, OUT);
    transpose(P + Lo.w, hp, OUT);
    k.gemm(b4(GOUT), b4(WT), b4(GA), Bp, hp, OUT, OUT, 1, 0);
    k.silu_grad(b4(GA), b4(Z[d]), b4(S[d]), (Bp * hp) / 4);
    for (let l = d - 1; l >= 0; l--) {
      const L = layers[l];
      k.gemm(b4(H[l]), b4(GA), b4(G + L.w), L.fin, hp, Bp, 1, L.fin, 0);
      k.colsum(b4(GA), b4(G + L.b), Bp, hp);
      if (l === 0) break;
      transpose(P + L.w, hp, hp);
      k.gemm(b4(GA), b4(WT), b4(GB), Bp, hp, hp, hp, 1, 0);
      k.silu_grad(b4(GB), b4(Z[l]), b4(S[l]), (Bp * hp) / 4);
      [GA, GB] = [GB, GA];
    }
    return loss / B;
  };

  /** WT = W^T for W [rows, cols] at float offset w (the backward product G W^T needs W^T row-major) */
  const transpose = (w: number, rows: number, cols: number) => {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mem[WT + j * rows + i] = mem[w + i * cols + j];
  };

  const checkBatch = (x0: ArrayLike<number>, logSigma: ArrayLike<number>, z: ArrayLike<number>) => {
    if (x0.length < 2 * B || logSigma.length < B || z.length < 2 * B) throw new Error(`fused DSM: a batch of ${B} needs x0 and z of ${2 * B} and logSigma of ${B} values`);
  };

  return {
    step(x0, logSigma, z) {
      checkBatch(x0, logSigma, z);
      const loss = gradients(x0, logSigma, z);
      let scale = 1;
      if (cfg.clipNorm > 0 && Number.isFinite(cfg.clipNorm)) {
        const norm = Math.sqrt(k.sumsq(b4(G), nP / 4));
        scale = Math.min(1, cfg.clipNorm / (norm + 1e-12));
      }
      t++;
      k.adam(b4(P), b4(G), b4(M1), b4(M2), nP / 4, scale, BETA1, BETA2, 1 / (1 - BETA1 ** t), 1 / (1 - BETA2 ** t), cfg.lr, EPSILON);
      return loss;
    },
    lossAndGrads(x0, logSigma, z) {
      checkBatch(x0, logSigma, z);
      const loss = gradients(x0, logSigma, z);
      return { loss, grads: read(G) };
    },
    getWeights: () => read(P),
    setWeights,
  };
}
