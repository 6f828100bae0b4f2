import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { TARGET_IDS, type TargetId, type TargetOptions } from './types';
import { makeTarget } from './registry';
import { TARGETS, targetOffers } from './catalog';

const OPTS: Partial<Record<TargetId, TargetOptions>> = {
  custom: { components: [{ w: 1, mean: [0, 0], cov: [1, 0.2, 0.5] }] },
  drawn: { points: Float32Array.of(0, 0, 1, 1, -1, 2) },
};

describe('target registry', () => {
  it.each(TARGET_IDS)('%s: builds, and its kind decides which fields exist', (id) => {
    const t = makeTarget(id, OPTS[id]);
    expect(t.id).toBe(id);
    expect(t.kind).toBe(TARGETS[id].family);
    expect(t.label).toBe(TARGETS[id].name);
    // what the catalog says a family offers (the lab's score plan reads it without building a target)
    const offers = targetOffers(t.kind);
    expect(typeof t.logDensity === 'function').toBe(offers.density);
    expect(typeof t.score === 'function').toBe(offers.score);
    expect(t.exactNoisedScore).toBe(offers.noisedScore);
    expect(t.box.xmax).toBeGreaterThan(t.box.xmin);
    expect(t.box.ymax).toBeGreaterThan(t.box.ymin);
    if (t.kind === 'dataset') {
      expect(t.logDensity ?? t.score).toBeUndefined();
    } else {
      expect(t.normalized).toBe(true);
      expect(typeof t.logDensity).toBe('function');
      expect(typeof t.score).toBe('function');
      expect(typeof t.marginal).toBe('function');
      expect(t.exactNoisedScore).toBe(t.kind === 'mixture');
      expect(t.mixture !== undefined).toBe(t.kind === 'mixture');
    }
    const s = t.sample(500, new Rng(1));
    expect(s.shape).toEqual([500, 2]);
    expect(Array.from(s.dataSync()).every(Number.isFinite)).toBe(true);
    s.dispose();
  });

  it('names every id and refuses unknown ones', () => {
    expect(Object.keys(TARGETS)).toEqual([...TARGET_IDS]);
    expect(() => makeTarget('nope' as TargetId)).toThrow(/unknown target 'nope'.*mog40/);
  });

  it('a full create/sample/score cycle over all targets leaks no tensors', () => {
    const x = tf.tensor2d([[0.1, 0.2], [1, -1]]);
    const cycle = () => TARGET_IDS.forEach((id) => {
      const t = makeTarget(id, OPTS[id]);
      t.sample(5, new Rng(2)).dispose();
      t.logDensity?.(x).dispose();
      t.score?.(x, { a: 1, s2: 0 }).dispose();
    });
    cycle();
    const before = tf.memory().numTensors;
    cycle();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
