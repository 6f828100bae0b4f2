// Typed access to the MLP training kernels of mlp-simd.wat. Each call of mlpSimdKernels() is a fresh
// instance with its own memory, so every network that trains this way owns its buffers. Offsets are in
// bytes, shapes as documented in the .wat (rows of a product a multiple of 4, columns a multiple of 8).
// mlpSimdKernelsShared() is the threaded build: every thread's instance works on one shared memory.
import { MLP_SIMD_SHARED_WASM_BASE64, MLP_SIMD_WASM_BASE64 } from './mlp-simd-bytes';
import { instantiateSimd } from './wasm-module';
import type { WasmMemory } from './wasm-module';

export interface MlpSimdKernels {
  memory: WasmMemory;
  /** C[M,N] (+)= A B, A[m,k] at a + 4 (m sam + k sak), B [K,N] row-major; accum 0 overwrites C */
  gemm(a: number, b: number, c: number, M: number, N: number, K: number, sam: number, sak: number, accum: number): void;
  /** z[M,N] += bias[N]; s = sigmoid(z); h = z s */
  bias_silu(z: number, bias: number, s: number, h: number, M: number, N: number): void;
  /** z[M,N] += bias[N] */
  bias_add(z: number, bias: number, M: number, N: number): void;
  /** g *= s (1 + z (1 - s)) over n4 groups of four */
  silu_grad(g: number, z: number, s: number, n4: number): void;
  /** out[N] = column sums of g[M,N] */
  colsum(g: number, out: number, M: number, N: number): void;
  /** sum of squares over n4 groups of four */
  sumsq(g: number, n4: number): number;
  /** tf.train.adam's update with the gradient scaled by `scale`; c1, c2 the bias corrections 1/(1 - b^t) */
  adam(p: number, g: number, m: number, v: number, n4: number, scale: number, b1: number, b2: number, c1: number, c2: number, lr: number, eps: number): void;
  /** the DSM loss's output gradient on n rows (g = 2 (sp x~ + y - z) / B) and its sum of squares, an f64 at `loss` */
  dsm_out(x: number, sp: number, y: number, z: number, g: number, loss: number, n: number, in0: number, B: number): void;
  /** dst += src over n4 groups of four */
  add_into(dst: number, src: number, n4: number): void;
  /** wt[cols,rows] = w[rows,cols]^T */
  transpose(w: number, wt: number, rows: number, cols: number): void;
}

const NAMES = ['gemm', 'bias_silu', 'bias_add', 'silu_grad', 'colsum', 'sumsq', 'adam', 'dsm_out', 'add_into', 'transpose'] as const;

const typed = (ex: Record<string, unknown> | null, memory?: WasmMemory): MlpSimdKernels | null => {
  if (!ex || NAMES.some((n) => typeof ex[n] !== 'function')) return null;
  return (memory ? { ...ex, memory } : ex) as unknown as MlpSimdKernels;
};

/** a fresh instance of the kernels, or null where WebAssembly SIMD is unavailable */
export function mlpSimdKernels(): MlpSimdKernels | null {
  return typed(instantiateSimd(MLP_SIMD_WASM_BASE64));
}

/** an instance of the threaded build on the shared `memory` (one per thread), or null where it cannot run */
export function mlpSimdKernelsShared(memory: WasmMemory): MlpSimdKernels | null {
  return typed(instantiateSimd(MLP_SIMD_SHARED_WASM_BASE64, { env: { memory } }), memory);
}
