// Registers the fused mixture kernels with tfjs's WebGL backend (WebGL 2). The GLSL source (one draw per
// step, one fragment per output value, the counter-based normals computed in the shader) is
// core/fused/gmm-glsl.ts; this file only wraps it in a GPGPUProgram, which needs the backend package.
// copies.ts in core/fused/ lists the test that checks the program against the op-by-op closed forms
// (e2e/fused-kernels.spec.ts).
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { GLSL_GMM_INPUTS, GLSL_GMM_UNIFORMS, glslGmmSource, type GlslGmmUniform } from '../core/fused/gmm-glsl';
import { registerGpuKernels, type AffineAttrs, type GmmProgramMode } from '../core/fused/register-kernels';

type Info = tf.TensorInfo;

class GmmProgram implements GPGPUProgram {
  variableNames = [...GLSL_GMM_INPUTS];
  outputShape: number[];
  userCode: string;
  customUniforms = GLSL_GMM_UNIFORMS.map((u) => ({ ...u }));

  constructor(n: number, K: number, mode: GmmProgramMode) {
    this.outputShape = mode === 2 ? [n] : [n, 2];
    this.userCode = glslGmmSource(K, mode);
  }
}

function run(backend: MathBackendWebGL, x: Info, p: Info, mode: GmmProgramMode, a: AffineAttrs): Info {
  const program = new GmmProgram(x.shape[0], p.shape[0], mode);
  // seeds are < 2^31 (Rng.seed); `| 0` keeps the bit pattern for the shader's uint() either way
  const values: Record<GlslGmmUniform, number> = { c0: a.c0, c1: a.c1, c2: a.c2, seed: a.seed | 0 };
  return backend.runWebGLProgram(program, [x, p], 'float32', GLSL_GMM_UNIFORMS.map((u) => [values[u.name]]));
}

/** Register the GLSL kernels (call once the WebGL backend is loaded). */
export function registerWebGlKernels(): void {
  registerGpuKernels('webgl', run);
}
