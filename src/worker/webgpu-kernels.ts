// Registers the fused mixture kernels with tfjs's WebGPU backend. The WGSL source (one dispatch per step,
// one thread per particle, the counter-based normals drawn in the shader) is core/fused/gmm-wgsl.ts;
// this file only wraps it in a WebGPUProgram, which needs the backend package. copies.ts in core/fused/
// lists the test that checks the program against the op-by-op closed forms (e2e/fused-kernels.spec.ts).
import * as tf from '@tensorflow/tfjs-core';
import { webgpu_util, type WebGPUProgram, type WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { WGSL_GMM_INPUTS, WGSL_GMM_UNIFORMS, WGSL_GMM_UNIFORM_DECL, wgslGmmSource, type WgslGmmUniform } from '../core/fused/gmm-wgsl';
import { registerGpuKernels, type AffineAttrs, type GmmProgramMode } from '../core/fused/register-kernels';

type Info = tf.TensorInfo;

class GmmProgram implements WebGPUProgram {
  variableNames = [...WGSL_GMM_INPUTS];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  uniforms = WGSL_GMM_UNIFORM_DECL;

  constructor(n: number, private readonly mode: GmmProgramMode) {
    this.outputShape = mode === 2 ? [n] : [n, 2];
    this.shaderKey = `playground_gmm_${mode}`;
    this.dispatchLayout = webgpu_util.flatDispatchLayout([n]);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, [n], this.workgroupSize);
  }

  getUserCode(): string {
    return wgslGmmSource(this.mode);
  }
}

const UNIFORM_TYPE = { f32: 'float32', u32: 'uint32', i32: 'int32' } as const;

function run(backend: WebGPUBackend, x: Info, p: Info, mode: GmmProgramMode, a: AffineAttrs): Info {
  const n = x.shape[0];
  const values: Record<WgslGmmUniform, number> = { c0: a.c0, c1: a.c1, c2: a.c2, seed: a.seed >>> 0, n, K: p.shape[0] };
  const uniforms = WGSL_GMM_UNIFORMS.map(([name, type]) => ({ type: UNIFORM_TYPE[type], data: [values[name]] }));
  return backend.runWebGPUProgram(new GmmProgram(n, mode), [x, p], 'float32', uniforms);
}

/** Register the WGSL kernels (call once the WebGPU backend is loaded). */
export function registerWebGpuKernels(): void {
  registerGpuKernels('webgpu', run);
}
