import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import { gaussianSampler } from '../../core/samplers/test-samplers';
import { ChainFollow, MOVES } from './chain-follow';

describe('the single-chain view', () => {
  it("records chain 0's proposals, accepted and rejected, and stays where a rejection leaves it", () => {
    const before = tf.memory().numTensors;
    const s = gaussianSampler('mala', { step: 0.5, n: 50, seed: 3 });
    s.follow!(true);
    const f = new ChainFollow();
    for (let i = 0; i < 60; i++) {
      s.step();
      f.record(s);
    }
    const l = f.layer()!;
    expect(l.accepted.length).toBe(MOVES);
    const acc = Array.from(l.accepted);
    expect(acc).toContain(0);
    expect(acc).toContain(1);
    for (let k = 1; k < MOVES; k++) {
      // each event starts where the previous one left the chain: at its proposal if accepted, else where it was
      const prevEnd = l.accepted[k - 1] ? [l.moves[4 * k - 2], l.moves[4 * k - 1]] : [l.moves[4 * k - 4], l.moves[4 * k - 3]];
      expect([l.moves[4 * k], l.moves[4 * k + 1]]).toEqual(prevEnd);
    }
    const k = MOVES - 1;
    expect(Array.from(l.current)).toEqual(l.accepted[k] ? [l.moves[4 * k + 2], l.moves[4 * k + 3]] : [l.moves[4 * k], l.moves[4 * k + 1]]);
    expect(l.path.length).toBe(0); // MALA has no path
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("gives HMC's leapfrog positions as the path, and nothing while off", () => {
    const s = gaussianSampler('hmc', { step: 0.2, leapfrog: 6, n: 20, seed: 4 });
    const f = new ChainFollow();
    s.step();
    expect(s.probe!().proposal).toBeNull(); // off: nothing kept
    s.follow!(true);
    s.step();
    f.record(s);
    expect(f.layer()!.path.length).toBe(2 * 5); // L - 1 positions between the start and the proposal
    s.dispose();
  });
});
