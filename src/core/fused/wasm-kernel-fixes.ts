// Three slow paths of tfjs-backend-wasm 4.x that every backward pass of an MLP hits, replaced by wrappers
// (profiled on the DSM training step 2+16 -> 128 -> 128 -> 2, batch 1024: 33 ms a step before, most of it
// in these kernels):
//
// - BatchMatMul runs through XNNPACK only when neither operand is transposed; with transposeA or
//   transposeB it falls back to a naive blocked triple loop, ~10x slower. The gradient of x @ W is
//   dy @ W^T (transposeB) and x^T @ dy (transposeA): 10.0 and 10.4 ms vs 1.0 ms for the forward product.
//   The wrapper materializes the transposed operand and takes the fast path. For x^T @ dy with a narrow
//   dy (the output layer: [1024,128]^T @ [1024,2]) it computes (dy^T @ x)^T instead, moving 2k floats
//   instead of 131k.
// - Transpose of a [1024,128] matrix takes 0.9 ms (a generic strided loop); a cache-blocked loop in JS
//   on the WASM heap takes a fraction of that.
// - Sum over axis 0 (every bias gradient) transposes first and then reduces: 1.05 ms vs 0.05 ms for
//   axis 1. Column sums in JS on the heap skip the transpose.
//
// Results are the same sums in another order (float32 rounding only; column sums accumulate in float64).
// Transposed copies are fresh tensors, so XNNPACK's operator cache (keyed by the right operand's id and
// dropped when that tensor is disposed) never sees stale weights. Like register-kernels.ts, this reads
// the WASM heap in place, so core/ needs no backend package: the backend is typed structurally.
import { tf } from '../tf';

type Info = { dataId: object; shape: number[]; dtype: string };
interface WasmBackendLike {
  disposeData(dataId: object): void;
  makeOutput(shape: number[], dtype: string): Info;
  typedArrayFromHeap(t: Info): Float32Array;
}
type KernelFn = (args: { inputs: Record<string, Info>; backend: unknown; attrs?: Record<string, unknown> }) => Info;

const BLOCK = 32;
let installed = false;

const size = (shape: number[]) => shape.reduce((a, c) => a * c, 1);

/** out[b, j, i] = x[b, i, j] for a float32 tensor of rank >= 2 (the last two axes swapped) */
export function transposeLast2(wasm: WasmBackendLike, x: Info): Info {
  const r = x.shape.length;
  const rows = x.shape[r - 2];
  const cols = x.shape[r - 1];
  const batch = size(x.shape.slice(0, -2));
  const out = wasm.makeOutput([...x.shape.slice(0, -2), cols, rows], 'float32');
  // views after the allocation: growing the heap detaches older views
  const src = wasm.typedArrayFromHeap(x);
  const dst = wasm.typedArrayFromHeap(out);
  const m = rows * cols;
  for (let b = 0; b < batch; b++) {
    const o = b * m;
    for (let i0 = 0; i0 < rows; i0 += BLOCK) {
      const i1 = Math.min(i0 + BLOCK, rows);
      for (let j0 = 0; j0 < cols; j0 += BLOCK) {
        const j1 = Math.min(j0 + BLOCK, cols);
        // contiguous writes, strided reads: writing with a power-of-two stride (rows = 1024) thrashes the
        // cache (0.84 ms for 1024x128 with this loop order swapped, 0.15 ms as it is)
        for (let j = j0; j < j1; j++) {
          const d = o + j * rows;
          for (let i = i0; i < i1; i++) dst[d + i] = src[o + i * cols + j];
        }
      }
    }
  }
  return out;
}

/** the permutation swaps the last two axes and keeps the others in place */
function swapsLast2(perm: number[]): boolean {
  const r = perm.length;
  return r >= 2 && perm.every((p, i) => (i < r - 2 ? p === i : i === r - 2 ? p === r - 1 : p === r - 2));
}

/** a Sum over exactly axis 0 of a float32 matrix: the bias-gradient reduction */
function isColumnSum(x: Info, axis: unknown): boolean {
  if (x.dtype !== 'float32' || x.shape.length !== 2 || axis == null) return false; // null: every axis
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (Number(a) + 2) % 2);
  return axes.length === 1 && axes[0] === 0;
}

function columnSum(wasm: WasmBackendLike, x: Info, keepDims: boolean): Info {
  const [rows, cols] = x.shape;
  const out = wasm.makeOutput(keepDims ? [1, cols] : [cols], 'float32');
  const src = wasm.typedArrayFromHeap(x);
  const dst = wasm.typedArrayFromHeap(out);
  const acc = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const s = i * cols;
    for (let j = 0; j < cols; j++) acc[j] += src[s + j];
  }
  dst.set(acc);
  return out;
}

function wrap(name: string, make: (orig: KernelFn) => KernelFn): boolean {
  const cfg = tf.getKernel(name, 'wasm');
  if (!cfg) return false;
  const kernelFunc = make(cfg.kernelFunc as unknown as KernelFn);
  // keep setupFunc: when the backend initializes after this call, the original kernel still gets its
  // handle to the WASM function it calls
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...cfg, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  return true;
}

/**
 * Install the wrappers on the WASM backend's kernels. Idempotent; call after `@tensorflow/tfjs-backend-wasm`
 * has been imported (it registers the kernels being wrapped). Returns whether they are in place.
 */
export function installWasmKernelFixes(): boolean {
  if (installed) return true;
  if (!tf.getKernel('BatchMatMul', 'wasm') || !tf.getKernel('Transpose', 'wasm') || !tf.getKernel('Sum', 'wasm')) return false;

  wrap('Transpose', (orig) => (args) => {
    const { x } = args.inputs;
    const perm = (args.attrs?.perm ?? []) as number[];
    return x.dtype === 'float32' && swapsLast2(perm) ? transposeLast2(args.backend as WasmBackendLike, x) : orig(args);
  });

  wrap('Sum', (orig) => (args) => {
    const { x } = args.inputs;
    return isColumnSum(x, args.attrs?.axis)
      ? columnSum(args.backend as WasmBackendLike, x, Boolean(args.attrs?.keepDims))
      : orig(args);
  });

  wrap('BatchMatMul', (matmul) => ({ inputs, backend, attrs }) => {
    const { a, b } = inputs;
    const tA = Boolean(attrs?.transposeA);
    const tB = Boolean(attrs?.transposeB);
    if (!tA && !tB) return matmul({ inputs, backend, attrs });
    const wasm = backend as WasmBackendLike;
    const plain = { ...attrs, transposeA: false, transposeB: false };
    const temps: Info[] = [];
    const t = (x: Info) => {
      const y = transposeLast2(wasm, x);
      temps.push(y);
      return y;
    };
    try {
      const ra = a.shape.length;
      const rb = b.shape.length;
      // a^T b with a [.., k, m], b [.., k, n]: transposing the narrower operand and the [n, m] result moves
      // k*n + m*n floats instead of k*m
      if (tA && !tB && ra === 2 && rb === 2) {
        const [k, m] = a.shape;
        const n = b.shape[1];
        if (k * n + m * n < k * m) {
          const prod = matmul({ inputs: { a: t(b), b: a }, backend, attrs: plain });
          temps.push(prod);
          return transposeLast2(wasm, prod);
        }
      }
      return matmul({ inputs: { a: tA ? t(a) : a, b: tB ? t(b) : b }, backend, attrs: plain });
    } finally {
      for (const x of temps) wasm.disposeData(x.dataId);
    }
  });
  installed = true;
  return true;
}
