// The fused mixture kernels of core/fused/ as WGSL programs for tfjs's WebGPU backend: one dispatch per
// step, one thread per particle, the counter-based normals drawn in the shader (no upload). The math is
// the JavaScript kernel's (gmm-kernel-js.ts) line for line, in float32; e2e/fused-kernels.spec.ts
// checks it against the op-by-op closed forms on the browser's WebGPU.
import * as tf from '@tensorflow/tfjs-core';
import { webgpu_util, type WebGPUProgram, type WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { WGSL_COUNTER_RNG } from '../core/fused/counter-rng';
import { GMM_AFFINE_KERNEL, GMM_SCORE_KERNEL, type AffineAttrs } from '../core/fused/register-kernels';

type Info = tf.TensorInfo;
/** 0: affine step c0 x + c1 score + c2 xi -> [n,2]; 1: score -> [n,2]; 2: log density -> [n] */
type Mode = 0 | 1 | 2;

const SCORE_AT = /* wgsl */ `
fn scoreAt(p: vec2<f32>) -> vec3<f32> {
  var m = -3.0e38;
  var s = 0.0;
  var g = vec2<f32>(0.0, 0.0);
  for (var k = 0; k < uniforms.K; k++) {
    let o = 6 * k;
    let d = p - vec2<f32>(P[o], P[o + 1]);
    let w11 = P[o + 2];
    let w21 = P[o + 3];
    let w22 = P[o + 4];
    let u = w11 * d.x;
    let v = w21 * d.x + w22 * d.y;
    let l = P[o + 5] - 0.5 * (u * u + v * v);
    if (l < m - 30.0) { continue; }
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

class GmmProgram implements WebGPUProgram {
  variableNames = ['X', 'P'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  uniforms = 'c0 : f32, c1 : f32, c2 : f32, seed : u32, n : i32, K : i32,';

  constructor(n: number, private readonly mode: Mode) {
    this.outputShape = mode === 2 ? [n] : [n, 2];
    this.shaderKey = `playground_gmm_${mode}`;
    this.dispatchLayout = webgpu_util.flatDispatchLayout([n]);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, [n], this.workgroupSize);
  }

  getUserCode(): string {
    const body = this.mode === 2
      ? 'result[index] = r.z;'
      : this.mode === 1
        ? 'result[2 * index] = r.x;\n    result[2 * index + 1] = r.y;'
        : `var xi = vec2<f32>(0.0, 0.0);
    if (uniforms.c2 != 0.0) { xi = normalPair(uniforms.seed, u32(index)) * uniforms.c2; }
    let y = uniforms.c0 * p + uniforms.c1 * r.xy + xi;
    result[2 * index] = y.x;
    result[2 * index + 1] = y.y;`;
    return `${WGSL_COUNTER_RNG}
${SCORE_AT}
fn main(index : i32) {
  if (index < uniforms.n) {
    let p = vec2<f32>(X[2 * index], X[2 * index + 1]);
    let r = scoreAt(p);
    ${body}
  }
}`;
  }
}

function run(backend: WebGPUBackend, x: Info, p: Info, mode: Mode, a: AffineAttrs): Info {
  const n = x.shape[0];
  const uniforms = [
    { type: 'float32', data: [a.c0] }, { type: 'float32', data: [a.c1] }, { type: 'float32', data: [a.c2] },
    { type: 'uint32', data: [a.seed >>> 0] }, { type: 'int32', data: [n] }, { type: 'int32', data: [p.shape[0]] },
  ];
  return backend.runWebGPUProgram(new GmmProgram(n, mode), [x, p], 'float32', uniforms);
}

/** Register the WGSL kernels (call once the WebGPU backend is loaded). */
export function registerWebGpuKernels(): void {
  if (tf.getKernel(GMM_AFFINE_KERNEL, 'webgpu')) return;
  tf.registerKernel({
    kernelName: GMM_AFFINE_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, p } = inputs as unknown as { x: Info; p: Info };
      return run(backend as WebGPUBackend, x, p, 0, attrs as unknown as AffineAttrs);
    },
  });
  tf.registerKernel({
    kernelName: GMM_SCORE_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const { x, p } = inputs as unknown as { x: Info; p: Info };
      const none = { c0: 0, c1: 0, c2: 0, seed: 0 };
      return [run(backend as WebGPUBackend, x, p, 1, none), run(backend as WebGPUBackend, x, p, 2, none)] as never;
    },
  });
}
