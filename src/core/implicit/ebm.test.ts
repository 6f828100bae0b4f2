// Chain restarts of the EBM trainer (the replay-buffer fraction of Du & Mordatch): the expected number of
// chains is redrawn per update, fractions accumulate across updates, bad fractions are refused.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { EbmTrainer, MixtureEnergy } from './ebm';

function trainer(reinit: number, seed = 1): EbmTrainer {
  const data = tf.randomNormal([50, 2], 0, 1, 'float32', 3) as Tensor2D;
  // a tiny chain step: a chain moves by ~1e-6 per step unless it is restarted (moves by ~initStd)
  return new EbmTrainer({ energy: new MixtureEnergy(Float32Array.from([0, 0, 1, 1]), 1), data, chains: 200, batch: 16, gamma: 1e-12, inner: 1, lr: 1e-6, clip: 100, reg: 0, initStd: 2, reinit, rng: new Rng(seed) });
}

function movedRows(t: EbmTrainer, updates: number): number {
  const before = t.chains.dataSync().slice();
  for (let i = 0; i < updates; i++) t.iterate();
  const after = t.chains.dataSync();
  let moved = 0;
  for (let i = 0; i < 200; i++) if (Math.hypot(after[2 * i] - before[2 * i], after[2 * i + 1] - before[2 * i + 1]) > 1e-3) moved++;
  return moved;
}

describe('EBM chain restarts', () => {
  it('restarts about reinit × chains per update; none at 0; sub-chain fractions accumulate', () => {
    const before = tf.memory().numTensors;
    const cases: [number, number, number, number][] = [
      [0, 3, 0, 0], // [reinit, updates, min moved, max moved]
      [0.05, 1, 8, 10], // 10 draws with replacement: 8–10 distinct rows (the chance a row moves by < 1e-3 is tiny)
      [0.002, 2, 0, 0], // 0.4 chains per update: none yet after 2 updates
      [0.002, 3, 1, 1], // the debt reaches one chain at the 3rd update
    ];
    for (const [ri, n, lo, hi] of cases) {
      const t = trainer(ri);
      const m = movedRows(t, n);
      const data = (t as unknown as { o: { data: Tensor2D } }).o.data;
      t.dispose();
      data.dispose();
      expect(m, `reinit ${ri}, ${n} updates`).toBeGreaterThanOrEqual(lo);
      expect(m, `reinit ${ri}, ${n} updates`).toBeLessThanOrEqual(hi);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(() => trainer(1.5)).toThrow(/restart fraction must be in \[0, 1\]/);
  });
});
