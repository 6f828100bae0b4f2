// The mixture kernels on WebAssembly SIMD (gmm-simd.wat): the same contract as gmmScoreJs and
// gmmAffineStepJs (gmm-kernel-js.ts), four particles per instruction in float32, as the GPU programs
// compute. JavaScript lays the particles out as structures of arrays in the module's own memory, calls
// it, and finishes what is cheap or must match the other backends bit for bit: log s, and the counter
// normals of the affine step (counter-rng.ts), so a seed draws the same noise on every backend.
// Where WebAssembly SIMD is missing (or fails to compile) hasSimdKernels() is false, the functions below
// return false and callers keep the JavaScript kernels.
import { normalPair } from './counter-rng';
import { PACK_STRIDE } from './gmm-pack';
import { GMM_SIMD_WASM_BASE64 } from './gmm-simd-bytes';

import { ensureBytes, instantiateSimd } from './wasm-module';
import type { WasmMemory } from './wasm-module';

type ScoreFn = (p: number, K: number, xs: number, ys: number, gx: number, gy: number, m: number, s: number, n4: number) => void;
interface Kernel { memory: WasmMemory; score: ScoreFn }

let kernel: Kernel | null | undefined;

/** the module's one instance, or null where WebAssembly SIMD is unavailable */
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  const ex = instantiateSimd(GMM_SIMD_WASM_BASE64);
  kernel = ex ? { memory: ex.memory as WasmMemory, score: ex.score as ScoreFn } : null;
  return kernel;
}

export function hasSimdKernels(): boolean {
  return load() !== null;
}

/**
 * Runs the SIMD score pass; returns float32 views (valid until the next call) of gx, gy, the max logit m
 * and the sum s, indexed by particle.
 */
function run(k: Kernel, x: Float32Array, n: number, P: Float32Array, K: number) {
  const n4 = Math.ceil(n / 4);
  const lane = 4 * n4; // floats per particle array, padded to whole groups
  const pFloats = K * PACK_STRIDE * 4;
  const need = 4 * (pFloats + 6 * lane);
  ensureBytes(k.memory, need);
  const mem = new Float32Array(k.memory.buffer, 0, need / 4);
  for (let i = 0; i < K * PACK_STRIDE; i++) {
    const v = P[i];
    mem[4 * i] = v;
    mem[4 * i + 1] = v;
    mem[4 * i + 2] = v;
    mem[4 * i + 3] = v;
  }
  const xs = pFloats;
  const ys = xs + lane;
  for (let i = 0; i < n; i++) {
    mem[xs + i] = x[2 * i];
    mem[ys + i] = x[2 * i + 1];
  }
  // the padding lanes sit at the origin: finite, computed and ignored
  for (let i = n; i < lane; i++) {
    mem[xs + i] = 0;
    mem[ys + i] = 0;
  }
  const gx = ys + lane;
  const gy = gx + lane;
  const m = gy + lane;
  const s = m + lane;
  k.score(0, K, 4 * xs, 4 * ys, 4 * gx, 4 * gy, 4 * m, 4 * s, n4);
  return { mem, gx, gy, m, s };
}

/** gmmScoreJs on SIMD: score [2n] and log p [n] (either may be null). False when SIMD is unavailable. */
export function gmmScoreSimd(x: Float32Array, n: number, P: Float32Array, K: number, score: Float32Array | null, logp: Float32Array | null): boolean {
  const k = load();
  if (!k) return false;
  const { mem, gx, gy, m, s } = run(k, x, n, P, K);
  for (let i = 0; i < n; i++) {
    if (score) {
      score[2 * i] = mem[gx + i];
      score[2 * i + 1] = mem[gy + i];
    }
    if (logp) logp[i] = mem[m + i] + Math.log(mem[s + i]);
  }
  return true;
}

/** gmmAffineStepJs on SIMD: out = c0 x + c1 score(x) + c2 xi. `out` may alias `x`. False when unavailable. */
export function gmmAffineStepSimd(
  x: Float32Array, n: number, P: Float32Array, K: number,
  c0: number, c1: number, c2: number, seed: number, out: Float32Array,
): boolean {
  const k = load();
  if (!k) return false;
  const { mem, gx, gy } = run(k, x, n, P, K);
  const pair = new Float32Array(2);
  for (let i = 0; i < n; i++) {
    pair[0] = 0;
    pair[1] = 0;
    if (c2 !== 0) normalPair(seed, i, pair, 0, c2);
    out[2 * i] = c0 * x[2 * i] + c1 * mem[gx + i] + pair[0];
    out[2 * i + 1] = c0 * x[2 * i + 1] + c1 * mem[gy + i] + pair[1];
  }
  return true;
}
