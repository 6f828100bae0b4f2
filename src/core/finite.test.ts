import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstNonFinite } from './finite';
import { tf } from './tf';

describe('firstNonFinite', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds NaN and ±Infinity in tensors and plain values; -1 when all are fine', async () => {
    const fine = tf.tensor2d([[1, 2], [3, -4]]);
    const nan = tf.tensor1d([0, NaN]);
    const inf = tf.tensor1d([-Infinity, 1]);
    expect(await firstNonFinite([{ values: () => [fine] }, { values: () => [1, new Float32Array([2, 3]), [4]] }])).toBe(-1);
    expect(await firstNonFinite([{ values: () => [fine] }, { values: () => [fine, nan] }])).toBe(1);
    expect(await firstNonFinite([{ values: () => [inf] }, { values: () => [nan] }])).toBe(0);
    expect(await firstNonFinite([{ values: () => [fine] }, { values: () => [new Float32Array([1, NaN])] }])).toBe(1);
    expect(await firstNonFinite([{ values: () => [Infinity] }, { values: () => [nan] }])).toBe(0);
    expect(await firstNonFinite([{ values: () => [[1, 2]] }, { values: () => [fine] }, { values: () => [[-Infinity]] }])).toBe(2);
    // int tensors, empty tensors, nothing to watch (null, no values, no watches)
    expect(await firstNonFinite([{ values: () => [tf.tensor1d([1, 2], 'int32'), tf.zeros([0, 2]), null, undefined] }, { values: () => [] }])).toBe(-1);
    expect(await firstNonFinite([])).toBe(-1);
    tf.dispose([fine, nan, inf]);
  });

  it('a value beyond the limit counts as diverged, tensor or plain; without a limit only NaN/Inf do', async () => {
    const big = tf.tensor1d([1, -2e6]);
    expect(await firstNonFinite([{ values: () => [big] }])).toBe(-1);
    expect(await firstNonFinite([{ values: () => [big], limit: 1e6 }])).toBe(0);
    expect(await firstNonFinite([{ values: () => [big], limit: 3e6 }])).toBe(-1);
    expect(await firstNonFinite([{ values: () => [5], limit: 10 }, { values: () => [[1, 11]], limit: 10 }])).toBe(1);
    expect(await firstNonFinite([{ values: () => [-10], limit: 10 }])).toBe(-1);
    big.dispose();
  });

  it('reads the device once for all watches, frees what values() made and leaves the caller\'s tensors alone', async () => {
    const own = [tf.tensor2d([[1, 2]]), tf.tensor1d([3]), tf.scalar(NaN)];
    const made: tf.Tensor[] = [];
    const before = tf.memory().numTensors;
    const data = vi.spyOn(tf.Tensor.prototype, 'data');
    const i = await firstNonFinite([
      { values: () => [own[0], own[1]], limit: 10 },
      { values: () => { const t = tf.mul(own[0], 2); made.push(t); return [t, 1]; } },
      { values: () => [own[2]] },
    ]);
    expect(i).toBe(2);
    expect(data).toHaveBeenCalledTimes(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(made[0].isDisposed).toBe(true);
    expect(own.every((t) => !t.isDisposed)).toBe(true);
    // no reads at all when nothing is on the device
    data.mockClear();
    expect(await firstNonFinite([{ values: () => [NaN] }])).toBe(0);
    expect(data).not.toHaveBeenCalled();
    tf.dispose(own);
  });
});
