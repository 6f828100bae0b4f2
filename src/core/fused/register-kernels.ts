// The fused mixture kernels as tfjs kernels, so they take and return ordinary tensors and mix with the
// op-by-op code: on the CPU backend they read and write its arrays, on the WASM backend they work in place
// on the WASM heap (no copy in or out). WebGPU and WebGL get shader programs (sources in gmm-wgsl.ts and
// gmm-glsl.ts, registered by worker/webgpu-kernels.ts and worker/webgl-kernels.ts). A backend without
// them makes hasFusedKernels() false and the callers use the op-by-op closed forms. copies.ts lists every
// copy of the kernel and the test that proves it equal to the reference.
import { tf } from '../tf';
import { gmmAffineStepJs, gmmScoreJs } from './gmm-kernel-js';
import { gmmAffineStepSimd, gmmScoreSimd } from './gmm-simd';
import { PACK_STRIDE } from './gmm-pack';

export const GMM_SCORE_KERNEL = 'PlaygroundGmmScore';
export const GMM_AFFINE_KERNEL = 'PlaygroundGmmAffineStep';

/**
 * What one GPU program of the fused kernels writes (gmm-wgsl.ts, gmm-glsl.ts): 0 the affine step
 * c0 x + c1 score + c2 xi [n,2], 1 the score [n,2], 2 the log density [n]. GMM_SCORE_KERNEL runs 1 and 2.
 */
export type GmmProgramMode = 0 | 1 | 2;

type Info = { dataId: object; shape: number[]; dtype: string };
export interface AffineAttrs {
  c0: number;
  c1: number;
  c2: number;
  /** uint32 seed of the step's counter normals */
  seed: number;
}

/** what the kernels need from a JS-memory backend: typed views of inputs, a fresh output */
interface JsMemory {
  read(t: Info): Float32Array;
  /** allocate an output; returns its info and a writable view (valid until the next allocation) */
  alloc(shape: number[]): { info: Info; view: Float32Array };
}

// backend internals (tfjs-backend-cpu / -wasm 4.x public methods), typed structurally so core/ needs no
// backend package
interface CpuLike { data: { get(id: object): { values: unknown } }; makeTensorInfo(shape: number[], dtype: string, values?: Float32Array): Info }
interface WasmLike { makeOutput(shape: number[], dtype: string): Info; typedArrayFromHeap(t: Info): Float32Array }

function cpuMemory(b: CpuLike): JsMemory {
  return {
    read: (t) => b.data.get(t.dataId).values as Float32Array,
    alloc: (shape) => {
      const view = new Float32Array(shape.reduce((a, c) => a * c, 1));
      return { info: b.makeTensorInfo(shape, 'float32', view), view };
    },
  };
}
function wasmMemory(b: WasmLike): JsMemory {
  return {
    read: (t) => b.typedArrayFromHeap(t),
    alloc: (shape) => {
      const info = b.makeOutput(shape, 'float32');
      return { info, view: b.typedArrayFromHeap(info) };
    },
  };
}

const MEMORIES: Record<string, (backend: unknown) => JsMemory> = {
  cpu: (b) => cpuMemory(b as CpuLike),
  wasm: (b) => wasmMemory(b as WasmLike),
};

function checkInputs(x: Info, p: Info): { n: number; K: number } {
  if (x.dtype !== 'float32' || p.dtype !== 'float32') throw new Error('fused gmm kernel: float32 inputs only');
  if (p.shape[1] !== PACK_STRIDE) throw new Error(`fused gmm kernel: packed mixture must be [K, ${PACK_STRIDE}]`);
  return { n: x.shape[0], K: p.shape[0] };
}

let useSimd = true;
/** Choose the kernels' implementation: WebAssembly SIMD (default, where available) or plain JavaScript (for benchmarks and tests). */
export function setSimdKernels(on: boolean): void {
  useSimd = on;
}

/**
 * Register a GPU backend's kernels (idempotent): GMM_AFFINE_KERNEL runs program 0 with the step's attrs,
 * GMM_SCORE_KERNEL programs 1 and 2. runProgram(backend, x, p, mode, attrs) runs one program on that
 * backend (worker/webgpu-kernels.ts, worker/webgl-kernels.ts), which is all that differs between them.
 */
export function registerGpuKernels<B, I>(backendName: string, runProgram: (backend: B, x: I, p: I, mode: GmmProgramMode, a: AffineAttrs) => I): void {
  if (tf.getKernel(GMM_AFFINE_KERNEL, backendName)) return;
  tf.registerKernel({
    kernelName: GMM_AFFINE_KERNEL,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, p } = inputs as unknown as { x: I; p: I };
      return runProgram(backend as B, x, p, 0, attrs as unknown as AffineAttrs) as never;
    },
  });
  tf.registerKernel({
    kernelName: GMM_SCORE_KERNEL,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const { x, p } = inputs as unknown as { x: I; p: I };
      const none = { c0: 0, c1: 0, c2: 0, seed: 0 };
      return [runProgram(backend as B, x, p, 1, none), runProgram(backend as B, x, p, 2, none)] as never;
    },
  });
}

/** Register the JS kernels for the CPU and WASM backends (idempotent; backends may load later). */
export function registerJsKernels(): void {
  for (const [backendName, memoryOf] of Object.entries(MEMORIES)) {
    if (tf.getKernel(GMM_AFFINE_KERNEL, backendName)) continue;
    tf.registerKernel({
      kernelName: GMM_SCORE_KERNEL,
      backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { x, p } = inputs as unknown as { x: Info; p: Info };
        const { n, K } = checkInputs(x, p);
        const mem = memoryOf(backend);
        // allocate first: a WASM allocation may grow the heap and detach views taken before it
        const score = mem.alloc([n, 2]);
        const logp = mem.alloc([n]);
        // WebAssembly SIMD where the runtime has it (every current browser and Node), else plain JS
        const [xs, ps, out, lp] = [mem.read(x), mem.read(p), mem.read(score.info), mem.read(logp.info)];
        if (!useSimd || !gmmScoreSimd(xs, n, ps, K, out, lp)) gmmScoreJs(xs, n, ps, K, out, lp);
        return [score.info, logp.info] as never;
      },
    });
    if (!tf.getKernel(GMM_AFFINE_KERNEL, backendName)) tf.registerKernel({
      kernelName: GMM_AFFINE_KERNEL,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, p } = inputs as unknown as { x: Info; p: Info };
        const { c0, c1, c2, seed } = attrs as unknown as AffineAttrs;
        const { n, K } = checkInputs(x, p);
        const mem = memoryOf(backend);
        const out = mem.alloc([n, 2]);
        const [xs, ps, o] = [mem.read(x), mem.read(p), mem.read(out.info)];
        if (!useSimd || !gmmAffineStepSimd(xs, n, ps, K, c0, c1, c2, seed >>> 0, o)) gmmAffineStepJs(xs, n, ps, K, c0, c1, c2, seed >>> 0, o);
        return out.info as never;
      },
    });
  }
}
