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
    for (let i = 0; i < 3; i++) {
      s.step();
      f.record(s);
    }
    const l = f.layer()!;
    expect(l.path.length).toBe(2 * 7); // the start, L = 6 leapfrog positions, the last one the proposal
    expect(Array.from(l.path.slice(0, 2))).toEqual(Array.from(l.moves.slice(-4, -2)));
    expect(Array.from(l.path.slice(-2))).toEqual(Array.from(l.moves.slice(-2)));
    s.dispose();
  });

  it("gives NUTS's tree as the path, in trajectory order, with the chosen state on it", () => {
    const before = tf.memory().numTensors;
    const s = gaussianSampler('nuts', { step: 0.3, n: 20, seed: 6 });
    s.follow!(true);
    const f = new ChainFollow();
    for (let i = 0; i < 5; i++) {
      s.step();
      f.record(s);
    }
    const l = f.layer()!;
    const pts = Array.from({ length: l.path.length / 2 }, (_, i) => `${l.path[2 * i]},${l.path[2 * i + 1]}`);
    expect(pts.length).toBeGreaterThan(2);
    expect(pts).toContain(`${l.moves.at(-4)},${l.moves.at(-3)}`); // where the chain was
    expect(pts).toContain(`${l.current[0]},${l.current[1]}`); // the state it moved to
    expect(l.accepted.every((a) => a === 1)).toBe(true); // NUTS always moves to a state of its tree
    // the build order: the start first, then every leaf once, each side outward from the start
    const order = Array.from(l.pathOrder);
    expect(order[l.pathStart]).toBe(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order.map((_, i) => i));
    for (let i = l.pathStart; i + 1 < order.length; i++) expect(order[i + 1]).toBeGreaterThan(order[i]);
    for (let i = l.pathStart; i > 0; i--) expect(order[i - 1]).toBeGreaterThan(order[i]);
    // consecutive leapfrog states are about one step apart (the order is the trajectory's)
    for (let i = 1; i < pts.length; i++) {
      const d = Math.hypot(l.path[2 * i] - l.path[2 * i - 2], l.path[2 * i + 1] - l.path[2 * i - 1]);
      expect(d).toBeLessThan(2);
    }
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
