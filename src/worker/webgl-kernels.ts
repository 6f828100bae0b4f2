// The fused mixture kernels of core/fused/ as GLSL programs for tfjs's WebGL backend (WebGL 2): one draw
// per step, one fragment per output value; the counter-based normals are computed in the shader with the
// same PCG hash as the JavaScript and WGSL versions. The component count is baked into the shader (GLSL
// loops need a constant bound), so each mixture size compiles once. e2e/fused-kernels.spec.ts checks it
// against the op-by-op closed forms.
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { GMM_AFFINE_KERNEL, GMM_SCORE_KERNEL, type AffineAttrs } from '../core/fused/register-kernels';

type Info = tf.TensorInfo;
/** 0: affine step -> [n,2]; 1: score -> [n,2]; 2: log density -> [n] */
type Mode = 0 | 1 | 2;

const GLSL_COUNTER_RNG = `
uint pcgHash(uint v) {
  uint state = v * 747796405u + 2891336453u;
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}
float toUnit(uint h) { return (float(h >> 8u) + 0.5) / 16777216.0; }
vec2 normalPair(uint seed, uint k) {
  uint h1 = pcgHash(pcgHash(2u * k) + seed);
  uint h2 = pcgHash(pcgHash(2u * k + 1u) + seed);
  float r = sqrt(-2.0 * log(toUnit(h1)));
  float th = 6.283185307179586 * toUnit(h2);
  return vec2(r * cos(th), r * sin(th));
}
`;

function scoreAt(K: number): string {
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
    if (l < m - 30.0) continue;
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

class GmmProgram implements GPGPUProgram {
  variableNames = ['X', 'P'];
  outputShape: number[];
  userCode: string;
  customUniforms = [
    { name: 'c0', type: 'float' as const }, { name: 'c1', type: 'float' as const },
    { name: 'c2', type: 'float' as const }, { name: 'seed', type: 'int' as const },
  ];

  constructor(n: number, K: number, mode: Mode) {
    this.outputShape = mode === 2 ? [n] : [n, 2];
    const body = mode === 2
      ? 'int i = getOutputCoords();\n  vec3 r = scoreAt(vec2(getX(i, 0), getX(i, 1)));\n  setOutput(r.z);'
      : `ivec2 rc = getOutputCoords();
  int i = rc.x;
  vec2 p = vec2(getX(i, 0), getX(i, 1));
  vec3 r = scoreAt(p);
  ${mode === 1 ? 'vec2 y = r.xy;' : 'vec2 xi = c2 != 0.0 ? normalPair(uint(seed), uint(i)) * c2 : vec2(0.0);\n  vec2 y = c0 * p + c1 * r.xy + xi;'}
  setOutput(rc.y == 0 ? y.x : y.y);`;
    this.userCode = `${GLSL_COUNTER_RNG}\n${scoreAt(K)}\nvoid main() {\n  ${body}\n}`;
  }
}

function run(backend: MathBackendWebGL, x: Info, p: Info, mode: Mode, a: AffineAttrs): Info {
  const program = new GmmProgram(x.shape[0], p.shape[0], mode);
  // seeds are < 2^31 (Rng.seed); `| 0` keeps the bit pattern for the shader's uint() either way
  return backend.runWebGLProgram(program, [x, p], 'float32', [[a.c0], [a.c1], [a.c2], [a.seed | 0]]);
}

/** Register the GLSL kernels (call once the WebGL backend is loaded). */
export function registerWebGlKernels(): void {
  if (tf.getKernel(GMM_AFFINE_KERNEL, 'webgl')) return;
  tf.registerKernel({
    kernelName: GMM_AFFINE_KERNEL,
    backendName: 'webgl',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, p } = inputs as unknown as { x: Info; p: Info };
      return run(backend as MathBackendWebGL, x, p, 0, attrs as unknown as AffineAttrs);
    },
  });
  tf.registerKernel({
    kernelName: GMM_SCORE_KERNEL,
    backendName: 'webgl',
    kernelFunc: ({ inputs, backend }) => {
      const { x, p } = inputs as unknown as { x: Info; p: Info };
      const none = { c0: 0, c1: 0, c2: 0, seed: 0 };
      return [run(backend as MathBackendWebGL, x, p, 1, none), run(backend as MathBackendWebGL, x, p, 2, none)] as never;
    },
  });
}
