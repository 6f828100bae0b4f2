import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { normalDraws, uniformDraws } from './seeded-draws';

describe('seeded draws', () => {
  const rng = new Rng(12);
  const seeds = [1, 2, 7, 12345, 2 ** 31 - 1, ...Array.from({ length: 20 }, () => rng.seed() || 1)];

  it('are tf.randomUniform bit for bit', () => {
    for (const [k, seed] of seeds.entries()) {
      const n = [1, 2, 5, 1024, 3001][k % 5];
      const ref = tf.tidy(() => tf.randomUniform([n], -4.6, 4.4, 'float32', seed).dataSync() as Float32Array);
      expect(Array.from(uniformDraws(new Float32Array(n), -4.6, 4.4, seed))).toEqual(Array.from(ref));
    }
  });

  it('are tf.randomNormal bit for bit, odd lengths included', () => {
    for (const [k, seed] of seeds.entries()) {
      const n = [1, 2, 5, 2048, 3001][k % 5];
      const ref = tf.tidy(() => tf.randomNormal([n], 0.5, 2, 'float32', seed).dataSync() as Float32Array);
      expect(Array.from(normalDraws(new Float32Array(n), 0.5, 2, seed))).toEqual(Array.from(ref));
    }
  });

  it('refuse seed 0, which tfjs treats as no seed', () => {
    expect(() => normalDraws(new Float32Array(2), 0, 1, 0)).toThrow(/seed 0/);
  });
});
