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

type ScoreFn = (p: number, K: number, xs: number, ys: number, gx: number, gy: number, m: number, s: number, n4: number) => void;
// core/ compiles without DOM or Node types (tsconfig.core.json), so the little of the WebAssembly API
// used here is declared locally; every runtime the app supports has it
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
interface Kernel { memory: WasmMemory; score: ScoreFn }

const PAGE = 65536;
let kernel: Kernel | null | undefined;

// base64 decoding by hand: atob is a DOM/Node global outside core's types, and this runs once on ~1 KB
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function bytes(): Uint8Array {
  const s = GMM_SIMD_WASM_BASE64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 6) | B64.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** the compiled module, or null where WebAssembly SIMD is unavailable (compiled once, synchronously: ~2 KB) */
function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  try {
    if (!wasmApi) return kernel;
    const b = bytes();
    if (!wasmApi.validate(b)) return kernel;
    const inst = new wasmApi.Instance(new wasmApi.Module(b), {});
    kernel = { memory: inst.exports.memory as WasmMemory, score: inst.exports.score as ScoreFn };
  } catch {
    kernel = null;
  }
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
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
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
