// The fused mixture kernels as GLSL (WebGL 2, GLSL ES 3.0) for tfjs's WebGL backend: one draw per step,
// one fragment per output value, the counter-based normals computed in the shader. Plain strings (no DOM,
// no backend import), so core/ holds them and the unit tests read them; worker/webgl-kernels.ts wraps
// them in a GPGPUProgram and registers it. The math is the JavaScript kernel's (gmm-kernel-js.ts) and the
// normals are counter-rng.ts's, line for line in float32; the constants they share are written in from
// those files. The component count is baked into the source (GLSL loops need a constant bound), so each
// mixture size compiles once. copies.ts lists every copy and the test that proves it equal to the reference.
import { PCG_INCREMENT, PCG_MULTIPLIER, PCG_OUTPUT_MULTIPLIER } from './counter-rng';
import { SKIP } from './gmm-kernel-js';
import type { GmmProgramMode } from './register-kernels';
import { shaderFloat, shaderUint } from './shader-literals';

/** the program's inputs, in order: the particles X [n,2] and the packed mixture P [K, 6] (gmm-pack.ts's PACK_STRIDE) */
export const GLSL_GMM_INPUTS = ['X', 'P'] as const;

/** the program's custom uniforms, in the order of the values the worker passes */
export const GLSL_GMM_UNIFORMS = [
  { name: 'c0', type: 'float' }, { name: 'c1', type: 'float' }, { name: 'c2', type: 'float' }, { name: 'seed', type: 'int' },
] as const;
export type GlslGmmUniform = (typeof GLSL_GMM_UNIFORMS)[number]['name'];

/** counter-rng.ts's pcgHash, toUnit and normalPair */
export const GLSL_COUNTER_RNG = `
uint pcgHash(uint v) {
  uint state = v * ${shaderUint(PCG_MULTIPLIER)} + ${shaderUint(PCG_INCREMENT)};
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * ${shaderUint(PCG_OUTPUT_MULTIPLIER)};
  return (word >> 22u) ^ word;
}
float toUnit(uint h) { return (float(h >> 8u) + 0.5) / 16777216.0; }
vec2 normalPair(uint seed, uint k) {
  uint h1 = pcgHash(pcgHash(2u * k) + seed);
  uint h2 = pcgHash(pcgHash(2u * k + 1u) + seed);
  float r = sqrt(-2.0 * log(toUnit(h1)));
  float th = ${shaderFloat(2 * Math.PI)} * toUnit(h2);
  return vec2(r * cos(th), r * sin(th));
}
`;

/**
 * gmm-kernel-js.ts's scoreAt for K components: (score x, score y, log density) at p, by the online
 * log-sum-exp; getP(k, j) is column j of the packed row k (gmm-pack.ts). The running max starts at
 * -3e38 (no -Infinity literal), below any finite logit, as -Infinity does in JavaScript.
 */
export function glslScoreAt(K: number): string {
  if (!Number.isInteger(K) || K < 1) throw new Error(`glslScoreAt: K must be a positive integer, got ${K}`);
  return `
vec3 scoreAt(vec2 p) {
  float m = -3.0e38;
  float s = 0.0;
  vec2 g = vec2(0.0);
  for (int k = 0; k < ${K}; k++) {
    vec2 d = p - vec2(getP(k, 0), getP(k, 1));
    float w11 = getP(k, 2);
    float w21 = getP(k, 3);
    float w22 = getP(k, 4);
    float u = w11 * d.x;
    float v = w21 * d.x + w22 * d.y;
    float l = getP(k, 5) - 0.5 * (u * u + v * v);
    if (l < m - ${shaderFloat(SKIP)}) continue;
    vec2 c = -vec2(w11 * u + w21 * v, w22 * v);
    if (l > m) {
      float r = exp(m - l);
      s = s * r + 1.0;
      g = g * r + c;
      m = l;
    } else {
      float e = exp(l - m);
      s += e;
      g += e * c;
    }
  }
  return vec3(g / s, m + log(s));
}`;
}

/** the whole user code of the program for K components and one mode (tfjs's GPGPUProgram.userCode) */
export function glslGmmSource(K: number, mode: GmmProgramMode): string {
  const body = mode === 2
    ? 'int i = getOutputCoords();\n  vec3 r = scoreAt(vec2(getX(i, 0), getX(i, 1)));\n  setOutput(r.z);'
    : `ivec2 rc = getOutputCoords();
  int i = rc.x;
  vec2 p = vec2(getX(i, 0), getX(i, 1));
  vec3 r = scoreAt(p);
  ${mode === 1 ? 'vec2 y = r.xy;' : 'vec2 xi = c2 != 0.0 ? normalPair(uint(seed), uint(i)) * c2 : vec2(0.0);\n  vec2 y = c0 * p + c1 * r.xy + xi;'}
  setOutput(rc.y == 0 ? y.x : y.y);`;
  return `${GLSL_COUNTER_RNG}\n${glslScoreAt(K)}\nvoid main() {\n  ${body}\n}`;
}
