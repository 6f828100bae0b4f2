// Counter-based normal noise: the k-th pair of normals of a step is a pure function of (seed, k), so
// a fused kernel draws its noise where it runs (no upload, no state) and every backend (JavaScript on
// CPU/WASM memory, WGSL on WebGPU, GLSL on WebGL) computes the same numbers from the same seed. The hash
// is the PCG output permutation (O'Neill 2014; "Hash functions for GPU rendering", Jarzynski & Olano 2020), which
// passes the tests that matter here (moments, independence across k and seeds: counter-rng.test.ts).
// This file is the reference; the shaders hold copies (WGSL in gmm-wgsl.ts, GLSL in gmm-glsl.ts). Every
// copy, and the test that proves each equal to this one, is listed in copies.ts.

/** the PCG hash's LCG step and output multiplier (the shader copies are built from these) */
export const PCG_MULTIPLIER = 747796405;
export const PCG_INCREMENT = 2891336453;
export const PCG_OUTPUT_MULTIPLIER = 277803737;

/** pcg_hash: uint32 -> uint32 */
export function pcgHash(v: number): number {
  const state = (Math.imul(v >>> 0, PCG_MULTIPLIER) + PCG_INCREMENT) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, PCG_OUTPUT_MULTIPLIER) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** uniform in (0, 1) from 24 bits: never 0, so log(u) is finite */
const toUnit = (h: number): number => ((h >>> 8) + 0.5) / 16777216;
const TWO_PI = 2 * Math.PI;

/**
 * Pair k of standard normals for `seed` (Box-Muller). Written into out[2k], out[2k+1] as float32.
 * Float32 arithmetic in the GPU version differs from this float64 one by a few ulps.
 */
export function normalPair(seed: number, k: number, out: Float32Array, at: number, scale: number): void {
  const h1 = pcgHash((pcgHash(2 * k) + seed) >>> 0);
  const h2 = pcgHash((pcgHash(2 * k + 1) + seed) >>> 0);
  const r = Math.sqrt(-2 * Math.log(toUnit(h1))) * scale;
  const th = TWO_PI * toUnit(h2);
  out[at] += r * Math.cos(th);
  out[at + 1] += r * Math.sin(th);
}

/** n pairs of standard normals for `seed` as a fresh array [2n] (the op-by-op reference of the kernels) */
export function counterNormals(seed: number, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) normalPair(seed, k, out, 2 * k, 1);
  return out;
}
