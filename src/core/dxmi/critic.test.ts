// The energy's scoring copy (EMA of the weights, ours) and the weight copy used by the τ = 0 twin.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { Critic } from './critic';

const opts = { T: 2, hidden: 8, mode: 'time' as const, lrEnergy: 1e-2, lrValue: 1e-2, confine: 0.3 };

describe('Critic', () => {
  it('the EMA copy is β·old + (1 − β)·new after each energy step, and scores with the same confinement', () => {
    const before = tf.memory().numTensors;
    const c = new Critic({ ...opts, rng: new Rng(1), ema: 0.75 });
    const data = tf.tensor2d([[1, 0], [0, 1], [-1, 0]]) as Tensor2D;
    const xs = tf.tensor2d([[0.2, 0.1], [2, 2], [0, -1.5]]) as Tensor2D;
    const x = tf.tensor2d([[0.3, -0.4], [1.5, 0.5]]) as Tensor2D;
    // before any step the copy equals the energy
    const read = (f: () => tf.Tensor) => {
      const t = tf.tidy(f);
      const a = Array.from(t.dataSync());
      t.dispose();
      return a;
    };
    expect(read(() => c.scoreE(x))).toEqual(read(() => c.E(x)));
    const w0 = c.energy.vars.map((v) => v.arraySync());
    const { loss, gap } = tf.tidy(() => c.energyStep(data, xs, 1)); // inside a tidy, as in DxdpTrainer.iterate
    tf.dispose([loss, gap]);
    const w1 = c.energy.vars.map((v) => v.arraySync());
    const ema = (c as unknown as { emaNet: { vars: tf.Variable[] } }).emaNet.vars;
    const flat = (a: unknown) => [a].flat(3) as number[];
    ema.forEach((v, i) => {
      const got = flat(v.arraySync());
      const want = flat(w0[i]).map((o, k) => 0.75 * o + 0.25 * flat(w1[i])[k]);
      got.forEach((g, k) => expect(g).toBeCloseTo(want[k], 6));
    });
    expect(flat(w1[0])).not.toEqual(flat(w0[0])); // the step moved the live energy
    // the score differs from the live energy after a step, and both carry α|x|²
    const [se, e] = [read(() => c.scoreE(x)), read(() => c.E(x))];
    expect(se[0]).not.toBeCloseTo(e[0], 6);
    tf.dispose([data, xs, x]);
    c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('copyFrom makes two critics built from different seeds score identically; bad β is refused', () => {
    const a = new Critic({ ...opts, rng: new Rng(1), ema: 0.9 });
    const b = new Critic({ ...opts, rng: new Rng(2), ema: 0.9 });
    const x = tf.tensor2d([[0.3, -0.4], [1.5, 0.5]]) as Tensor2D;
    expect(Array.from(a.E(x).dataSync())).not.toEqual(Array.from(b.E(x).dataSync()));
    b.copyFrom(a);
    expect(Array.from(b.E(x).dataSync())).toEqual(Array.from(a.E(x).dataSync()));
    expect(Array.from(b.scoreE(x).dataSync())).toEqual(Array.from(a.scoreE(x).dataSync()));
    expect(Array.from(b.V(x, 0).dataSync())).toEqual(Array.from(a.V(x, 0).dataSync()));
    x.dispose();
    a.dispose();
    b.dispose();
    expect(() => new Critic({ ...opts, rng: new Rng(1), ema: 1 })).toThrow(/EMA β must be in \[0, 1\)/);
  });
});
