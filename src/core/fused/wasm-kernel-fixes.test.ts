// The WASM kernel wrappers (wasm-kernel-fixes.ts) against the CPU backend: transposed products in every
// combination and shape regime (including the narrow-output swap and batched 3D products), transposes of
// rank 2 and 3, column sums with and without keepDims, the reductions the wrappers must leave alone, and
// the gradients of a small MLP, which is what the wrappers exist for.
import { describe, expect, it } from 'vitest';
import { runOnWasmBackend } from '../../test/wasm-backend';
import { tf } from '../tf';
import type { Tensor } from '../tf';
import { installWasmKernelFixes } from './wasm-kernel-fixes';

runOnWasmBackend();

function values(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
}

/** run f on WASM and on CPU with the same inputs; return both outputs as flat arrays */
async function both(f: () => Tensor): Promise<{ wasm: Float32Array; cpu: Float32Array; shape: number[] }> {
  await tf.setBackend('wasm');
  const w = f();
  const out = { wasm: w.dataSync() as Float32Array, shape: w.shape };
  await tf.setBackend('cpu');
  const c = f();
  await tf.setBackend('wasm');
  expect(c.shape).toEqual(out.shape);
  return { ...out, cpu: c.dataSync() as Float32Array };
}

function expectClose(a: Float32Array, b: Float32Array, tol = 1e-4): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  expect(worst).toBeLessThanOrEqual(tol);
}

describe('WASM kernel wrappers', () => {
  it('install once and report it', () => {
    expect(installWasmKernelFixes()).toBe(true);
    expect(installWasmKernelFixes()).toBe(true);
  });

  it.each([
    // [a shape, b shape, transposeA, transposeB]
    [[64, 48], [48, 40], false, false],
    [[64, 48], [40, 48], false, true],
    [[48, 64], [48, 40], true, false],
    [[48, 64], [40, 48], true, true],
    [[300, 33], [300, 2], true, false], // narrow right operand: the (b^T a)^T route
    [[300, 2], [300, 33], true, false],
    [[3, 20, 7], [3, 20, 5], true, false], // batched
    [[3, 7, 20], [3, 5, 20], false, true],
  ] as const)('matMul %j x %j (tA=%s, tB=%s) matches the CPU backend', async (sa, sb, tA, tB) => {
    const r = await both(() =>
      tf.matMul(tf.tensor(values(sa.reduce((p, q) => p * q, 1), 1), [...sa]), tf.tensor(values(sb.reduce((p, q) => p * q, 1), 2), [...sb]), tA, tB),
    );
    expectClose(r.wasm, r.cpu);
  });

  it.each([
    [[37, 53], [1, 0]],
    [[4, 37, 53], [0, 2, 1]],
    [[4, 5, 6], [2, 0, 1]], // not a last-two swap: the original kernel
  ] as const)('transpose %j perm %j matches the CPU backend', async (shape, perm) => {
    const n = shape.reduce((p, q) => p * q, 1);
    const r = await both(() => tf.transpose(tf.tensor(values(n, 3), [...shape]), [...perm]));
    expectClose(r.wasm, r.cpu, 0);
  });

  it.each([
    [0, false],
    [0, true],
    [-2, false],
    [[0], true],
    [1, false], // not a column sum: the original kernel
    [null, false], // every axis
    [[0, 1], false],
  ] as const)('sum over axis %j (keepDims %s) matches the CPU backend', async (axis, keepDims) => {
    const r = await both(() => tf.sum(tf.tensor(values(1000 * 7, 4), [1000, 7]), (axis ?? undefined) as number | number[] | undefined, keepDims));
    expectClose(r.wasm, r.cpu, 1e-5);
  });

  it('gradients of a small MLP match the CPU backend', async () => {
    const grads = () => {
      const x = tf.tensor2d(values(256 * 5, 5), [256, 5]);
      const w1 = tf.tensor2d(values(5 * 32, 6), [5, 32]);
      const b1 = tf.tensor1d(values(32, 7));
      const w2 = tf.tensor2d(values(32 * 2, 8), [32, 2]);
      const g = tf.grads((a: Tensor, b: Tensor, c: Tensor) => {
        const h = tf.add(tf.matMul(x, a), b);
        return tf.sum(tf.square(tf.matMul(tf.mul(h, tf.sigmoid(h)), c)));
      })([w1, b1, w2]);
      return tf.concat(g.map((t) => tf.reshape(t, [-1])));
    };
    const r = await both(grads);
    expectClose(r.wasm, r.cpu, 1e-4);
  });

  it('frees every temporary', async () => {
    const a = tf.tensor2d(values(300 * 33, 1), [300, 33]);
    const b = tf.tensor2d(values(300 * 2, 2), [300, 2]);
    const c = tf.tensor2d(values(40 * 33, 3), [40, 33]);
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let i = 0; i < 5; i++) {
      tf.matMul(a, b, true, false).dispose();
      tf.matMul(a, c, false, true).dispose();
      tf.sum(a, 0).dispose();
      tf.transpose(a).dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
  });
});
