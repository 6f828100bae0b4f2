// The evaluation-only weight averages: exact update rule, first call copies, no leaks, bad β refused.
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import { Rng } from '../../core/rng';
import { GaussianPolicy } from '../../core/dxmi/policy';
import { PolicyEma, emaUpdate } from './ema';

describe('EMA of weights (evaluation only)', () => {
  it('dst ← β dst + (1 − β) src', () => {
    const a = tf.variable(tf.tensor1d([1, 2]));
    const b = tf.variable(tf.tensor1d([3, -2]));
    emaUpdate([a], [b], 0.75);
    const got = Array.from(a.dataSync());
    expect(got[0]).toBeCloseTo(1.5, 6);
    expect(got[1]).toBeCloseTo(1, 6);
    tf.dispose([a, b]);
  });

  it('PolicyEma copies the live policy on the first update, then averages, without leaks', () => {
    const before = tf.memory().numTensors;
    const live = new GaussianPolicy({ T: 3, hidden: 8, depth: 2, rng: new Rng(5) });
    const ema = new PolicyEma(3, 8, 'code', 0.5);
    ema.update(live);
    const flat = (p: GaussianPolicy) => p.trainable(true).flatMap((v) => Array.from(v.dataSync()));
    expect(flat(ema.policy)).toEqual(flat(live));
    const w0 = flat(live);
    tf.tidy(() => live.trainable(true).forEach((v) => v.assign(tf.add(v, 1))));
    ema.update(live);
    flat(ema.policy).forEach((x, i) => expect(x).toBeCloseTo(w0[i] + 0.5, 5));
    ema.dispose();
    live.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new PolicyEma(3, 8, 'code', 1)).toThrow(/sampler EMA β must be in \(0, 1\)/);
  });
});
