// The fused mixture kernels as WGSL for tfjs's WebGPU backend: one dispatch per step, one thread per
// particle, the counter-based normals drawn in the shader (no upload). Plain strings (no DOM, no backend
// import), so core/ holds them and the unit tests read them; worker/webgpu-kernels.ts wraps them in a
// WebGPUProgram and registers it. The math is the JavaScript kernel's (gmm-kernel-js.ts) and the
// normals are counter-rng.ts's, line for line in float32; the constants they share are written in from
// those files. copies.ts lists every copy and the test that proves it equal to the reference.
import { PCG_INCREMENT, PCG_MULTIPLIER, PCG_OUTPUT_MULTIPLIER } from './counter-rng';
import { SKIP } from './gmm-kernel-js';
import { PACK_STRIDE } from './gmm-pack';
import type { GmmProgramMode } from './register-kernels';
import { shaderFloat, shaderUint } from './shader-literals';

/** the program's inputs, in order: the particles X [n,2] and the packed mixture P [K, PACK_STRIDE] (gmm-pack.ts) */
export const WGSL_GMM_INPUTS = ['X', 'P'] as const;

/** the program's uniforms, in the order of their declaration and of the values the worker passes */
export const WGSL_GMM_UNIFORMS = [
  ['c0', 'f32'], ['c1', 'f32'], ['c2', 'f32'], ['seed', 'u32'], ['n', 'i32'], ['K', 'i32'],
] as const;
export type WgslGmmUniform = (typeof WGSL_GMM_UNIFORMS)[number][0];

/** the uniforms as tfjs's WebGPUProgram.uniforms declares them */
export const WGSL_GMM_UNIFORM_DECL = WGSL_GMM_UNIFORMS.map(([name, type]) => `${name} : ${type},`).join(' ');

/** counter-rng.ts's pcgHash, toUnit and normalPair */
export const WGSL_COUNTER_RNG = /* wgsl */ `
fn pcgHash(v: u32) -> u32 {
  let state = v * ${shaderUint(PCG_MULTIPLIER)} + ${shaderUint(PCG_INCREMENT)};
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * ${shaderUint(PCG_OUTPUT_MULTIPLIER)};
  return (word >> 22u) ^ word;
}
fn toUnit(h: u32) -> f32 {
  return (f32(h >> 8u) + 0.5) / 16777216.0;
}
fn normalPair(seed: u32, k: u32) -> vec2<f32> {
  let h1 = pcgHash(pcgHash(2u * k) + seed);
  let h2 = pcgHash(pcgHash(2u * k + 1u) + seed);
  let r = sqrt(-2.0 * log(toUnit(h1)));
  let th = ${shaderFloat(2 * Math.PI)} * toUnit(h2);
  return vec2<f32>(r * cos(th), r * sin(th));
}
`;

/**
 * gmm-kernel-js.ts's scoreAt: (score x, score y, log density) at p, by the online log-sum-exp. The running
 * max starts at -3e38 (float32 has no -Infinity literal), below any finite logit, so the first component
 * sets it as -Infinity does in JavaScript.
 */
export const WGSL_SCORE_AT = /* wgsl */ `
fn scoreAt(p: vec2<f32>) -> vec3<f32> {
  var m = -3.0e38;
  var s = 0.0;
  var g = vec2<f32>(0.0, 0.0);
  for (var k = 0; k < uniforms.K; k++) {
    let o = ${PACK_STRIDE} * k;
    let d = p - vec2<f32>(P[o], P[o + 1]);
    let w11 = P[o + 2];
    let w21 = P[o + 3];
    let w22 = P[o + 4];
    let u = w11 * d.x;
    let v = w21 * d.x + w22 * d.y;
    let l = P[o + 5] - 0.5 * (u * u + v * v);
    if (l < m - ${shaderFloat(SKIP)}) { continue; }
    let c = -vec2<f32>(w11 * u + w21 * v, w22 * v);
    if (l > m) {
      let r = exp(m - l);
      s = s * r + 1.0;
      g = g * r + c;
      m = l;
    } else {
      let e = exp(l - m);
      s = s + e;
      g = g + e * c;
    }
  }
  return vec3<f32>(g / s, m + log(s));
}
`;

/** the whole user code of the program for one mode (tfjs's WebGPUProgram.getUserCode) */
export function wgslGmmSource(mode: GmmProgramMode): string {
  const body = mode === 2
    ? 'result[index] = r.z;'
    : mode === 1
      ? 'result[2 * index] = r.x;\n    result[2 * index + 1] = r.y;'
      : `var xi = vec2<f32>(0.0, 0.0);
    if (uniforms.c2 != 0.0) { xi = normalPair(uniforms.seed, u32(index)) * uniforms.c2; }
    let y = uniforms.c0 * p + uniforms.c1 * r.xy + xi;
    result[2 * index] = y.x;
    result[2 * index + 1] = y.y;`;
  return `${WGSL_COUNTER_RNG}
${WGSL_SCORE_AT}
fn main(index : i32) {
  if (index < uniforms.n) {
    let p = vec2<f32>(X[2 * index], X[2 * index + 1]);
    let r = scoreAt(p);
    ${body}
  }
}`;
}
