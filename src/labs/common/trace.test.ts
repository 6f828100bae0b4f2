import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import { MetricTrace } from './trace';

describe('MetricTrace', () => {
  it('returns every recorded row in order, numbers and tensors alike, and frees the tensors', async () => {
    const trace = new MetricTrace();
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 5; i++) trace.record(i, { loss: 1 / i }, { accept: tf.scalar(i / 10) });
    trace.record(6, {}, { v: tf.tensor1d([3, 4]) }, (raw) => ({ norm: Math.hypot(raw.v[0], raw.v[1]) }));
    const rows = await trace.drain();
    expect(rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[2].m.loss).toBeCloseTo(1 / 3);
    expect(rows[2].m.accept).toBeCloseTo(0.3);
    expect(rows[5].m).toEqual({ norm: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(await trace.drain()).toEqual([]);
  });

  it('keeps an even half of a long undrained stretch and disposes what it drops', async () => {
    const trace = new MetricTrace(8);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 40; i++) trace.record(i, {}, { a: tf.scalar(i) });
    expect(trace.size).toBeLessThanOrEqual(8);
    const rows = await trace.drain();
    const xs = rows.map((r) => r.x);
    // evenly spaced from the start: a stride of a power of two
    const gaps = new Set(xs.slice(1).map((x, i) => x - xs[i]));
    expect(gaps.size).toBe(1);
    expect(xs[0]).toBe(0);
    expect(rows.every((r) => r.m.a === r.x)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('dispose frees rows never drained', () => {
    const trace = new MetricTrace();
    const before = tf.memory().numTensors;
    trace.record(1, {}, { a: tf.scalar(1), b: null });
    trace.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
