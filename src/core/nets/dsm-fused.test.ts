// The fused DSM step (WebAssembly SIMD kernels, hand-written backward) against the tfjs reference:
// tf.variableGrads of dsmLoss for the gradients, tf.train.adam plus clipByGlobalNorm for the update, and
// the kernels one by one against plain loops.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { mlpSimdKernels } from '../fused/mlp-simd';
import { ensureBytes } from '../fused/wasm-module';
import { createFusedDsmTrainer } from './dsm-fused';
import { dsmBatch, fusedDsmAgreement, maxRelErr, referenceDsmGrads } from './dsm-fused-check';
import { clipByGlobalNorm } from './dsm';
import { DEFAULT_SIGMA_RANGE, embedLogSigma, embedLogSigmaInto } from './embedding';
import { Mlp } from './mlp';

const E = 16;

/** a net with random weights everywhere (the score net zero-initializes its output layer) */
function randomMlp(hidden: number, depth: number, seed: number): Mlp {
  return new Mlp({ inDim: 2 + E, outDim: 2, hidden, depth, rng: new Rng(seed), outScale: 1 });
}

describe('mlp-simd kernels', () => {
  const k = mlpSimdKernels();
  it('compile here (WebAssembly SIMD is in every runtime we support)', () => {
    expect(k).not.toBeNull();
  });

  it('gemm: plain, transposed-A and accumulating products match a triple loop', () => {
    const rng = new Rng(3);
    for (const [M, N, K, trans, accum] of [[8, 16, 5, false, 0], [12, 8, 33, true, 0], [4, 24, 7, false, 1], [20, 128, 64, true, 1]] as const) {
      ensureBytes(k!.memory, 4 * (M * K + K * N + M * N));
      const mem = new Float32Array(k!.memory.buffer);
      const A = new Float32Array(M * K).map(() => rng.normal());
      const Bm = new Float32Array(K * N).map(() => rng.normal());
      const C0 = new Float32Array(M * N).map(() => rng.normal());
      mem.set(A, 0);
      mem.set(Bm, M * K);
      mem.set(C0, M * K + K * N);
      // trans: A is stored [K, M] (A[m,k] at k M + m)
      k!.gemm(0, 4 * M * K, 4 * (M * K + K * N), M, N, K, trans ? 1 : K, trans ? M : 1, accum);
      const C = mem.slice(M * K + K * N, M * K + K * N + M * N);
      for (let m = 0; m < M; m++) {
        for (let n = 0; n < N; n++) {
          let s = accum ? C0[m * N + n] : 0;
          for (let q = 0; q < K; q++) s += A[trans ? q * M + m : m * K + q] * Bm[q * N + n];
          expect(Math.abs(C[m * N + n] - s)).toBeLessThan(1e-5 * (1 + Math.abs(s)));
        }
      }
    }
  });

  it('bias_silu: sigmoid to float32 accuracy over the whole range, NaN kept, saturation exact', () => {
    const zs = [-200, -88, -50, -10, -1, -1e-3, 0, 1e-3, 0.5, 1, 5, 20, 87, 200, NaN, -0.25];
    const n = zs.length; // one row of 16
    const mem = new Float32Array(k!.memory.buffer);
    mem.set(zs, 0);
    mem.fill(0, 16, 32); // zero bias
    k!.bias_silu(0, 64, 128, 192, 1, n);
    for (let i = 0; i < n; i++) {
      const z = zs[i];
      const sig = 1 / (1 + Math.exp(-z));
      if (Number.isNaN(z)) {
        expect(mem[32 + i]).toBeNaN();
        expect(mem[48 + i]).toBeNaN();
        continue;
      }
      expect(Math.abs(mem[32 + i] - sig)).toBeLessThanOrEqual(3e-7 * sig + 1e-38);
      expect(Math.abs(mem[48 + i] - z * sig)).toBeLessThanOrEqual(1e-6 * Math.abs(z * sig) + 1e-30);
    }
  });

  it('adam matches tf.train.adam with a clipped gradient over several steps', () => {
    const n = 24;
    const rng = new Rng(5);
    const p0 = new Float32Array(n).map(() => rng.normal());
    const v = tf.variable(tf.tensor1d(p0));
    const opt: tf.Optimizer = tf.train.adam(0.01); // base type: Adam's d.ts narrows applyGradients to variables
    const mem = new Float32Array(k!.memory.buffer);
    mem.set(p0, 0);
    mem.fill(0, 2 * n, 4 * n); // moments
    for (let t = 1; t <= 4; t++) {
      const g = new Float32Array(n).map(() => 3 * rng.normal());
      mem.set(g, n);
      const norm = Math.sqrt(g.reduce((s, x) => s + x * x, 0));
      const scale = Math.min(1, 2 / (norm + 1e-12));
      k!.adam(0, 4 * n, 8 * n, 12 * n, n / 4, scale, 0.9, 0.999, 1 / (1 - 0.9 ** t), 1 / (1 - 0.999 ** t), 0.01, 1e-7);
      tf.tidy(() => opt.applyGradients(clipByGlobalNorm({ [v.name]: tf.tensor1d(g) }, 2)));
    }
    expect(maxRelErr(mem.slice(0, n), v.dataSync() as Float32Array)).toBeLessThan(1e-5);
    v.dispose();
    opt.dispose();
  });
});

describe('embedLogSigmaInto', () => {
  it('is the tensor embedding, by angle addition', () => {
    const ls = new Float32Array([-4.6, -1, 0, 0.7, 4.38, 6]);
    const out = new Float32Array(ls.length * 20);
    embedLogSigmaInto(ls, ls.length, E, DEFAULT_SIGMA_RANGE, out, 3, 20);
    const ref = tf.tidy(() => embedLogSigma(tf.tensor2d(ls, [ls.length, 1]), E, DEFAULT_SIGMA_RANGE).dataSync());
    for (let i = 0; i < ls.length; i++) for (let j = 0; j < E; j++) expect(out[3 + 20 * i + j]).toBeCloseTo(ref[i * E + j], 5);
  });
});

describe('fused DSM trainer', () => {
  // widths and batches that need padding (30 -> 32 units, 18 -> 20 inputs, 10 -> 12 rows) and one that does not
  for (const [hidden, depth, n] of [[30, 2, 10], [32, 3, 64], [8, 1, 5]] as const) {
    it(`loss and gradients match tfjs autodiff (width ${hidden}, depth ${depth}, batch ${n})`, async () => {
      const e = (await fusedDsmAgreement(hidden, depth, n, 11))!;
      expect(e.loss).toBeLessThan(1e-5);
      expect(e.grads).toBeLessThan(2e-5);
    });
  }

  it('a run of Adam steps tracks the tfjs step (clipping active), and padded weights stay zero', async () => {
    const hidden = 20;
    const n = 30;
    const mlp = randomMlp(hidden, 2, 13);
    const fused = createFusedDsmTrainer({ hidden, depth: 2, embedDim: E, range: DEFAULT_SIGMA_RANGE, batch: n, lr: 1e-3, clipNorm: 1, weights: mlp.getWeights().values })!;
    const opt: tf.Optimizer = tf.train.adam(1e-3);
    for (let s = 0; s < 5; s++) {
      const b = dsmBatch(n, 100 + s);
      fused.step(b.x0, b.logSigma, b.z);
      const g = (await referenceDsmGrads(mlp, b)).grads;
      tf.tidy(() => {
        const named: Record<string, tf.Tensor> = {};
        mlp.vars.forEach((v, i) => (named[v.name] = tf.tensor(g[i], v.shape)));
        opt.applyGradients(clipByGlobalNorm(named, 1));
      });
    }
    const ref = mlp.getWeights().values;
    fused.getWeights().forEach((w, i) => expect(maxRelErr(w, ref[i])).toBeLessThan(1e-4));
    // round trip through setWeights keeps the real weights; the padding never leaks into them
    fused.setWeights(ref);
    fused.getWeights().forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(ref[i])));
    mlp.dispose();
    opt.dispose();
  });

  it('rejects weights of the wrong shape and a short batch with a message', () => {
    const mlp = randomMlp(16, 1, 1);
    const w = mlp.getWeights().values;
    const fused = createFusedDsmTrainer({ hidden: 16, depth: 1, embedDim: E, range: DEFAULT_SIGMA_RANGE, batch: 8, lr: 1e-3, clipNorm: 1, weights: w })!;
    expect(() => fused.setWeights(w.slice(1))).toThrow(/weight arrays/);
    expect(() => fused.setWeights([w[0].slice(1), ...w.slice(1)])).toThrow(/layer 0/);
    expect(() => fused.step(new Float32Array(4), new Float32Array(8), new Float32Array(16))).toThrow(/batch of 8/);
    mlp.dispose();
  });
});
