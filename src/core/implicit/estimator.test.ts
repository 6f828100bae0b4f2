// The particle estimator of ∇θJ against the exact gradient on exact samples of π*(θ), J(θ) against Monte
// Carlo, the regularizer's sign, and no tensor leaks in the loop.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { gmmSample } from '../gmm';
import type { Mixture } from '../types';
import { hexMixture, ParamMixture, softmax, type IsoMixture } from './param-mixture';
import { exactTerms, cosine, ExactFlow } from './exact-flow';
import { LangevinLoop } from './langevin-loop';
import { rewardAt, type RewardSpec } from './rewards';

function asMixture(m: IsoMixture, logits = m.logits, centres = m.centres): Mixture {
  const w = softmax(logits);
  return Array.from(w, (wk, k) => ({ w: wk, mean: [centres[2 * k], centres[2 * k + 1]] as [number, number], cov: [m.vars[k], 0, m.vars[k]] as [number, number, number] }));
}

const bump: RewardSpec = { kind: 'bump', bump: { x: 1, y: 3, width: 1.5, height: 1 } };

describe('Implicit Diffusion estimator', () => {
  it('J(θ) = Σ w_i r_i matches Monte Carlo on exact samples', () => {
    const mix = new ParamMixture(hexMixture(), 'logits');
    const t = exactTerms(mix, mix.theta0(), { kind: 'hard' });
    expect(t.J).toBeCloseTo(0.0725, 3); // METHODS.md §1.1: J(θ0) = 0.0725
    const xy = gmmSample(100_000, asMixture(mix.base), new Rng(1));
    const d = xy.dataSync();
    xy.dispose();
    let s = 0;
    for (let i = 0; i < d.length / 2; i++) s += rewardAt(d[2 * i], d[2 * i + 1], { kind: 'hard' });
    expect(Math.abs(s / (d.length / 2) - t.J)).toBeLessThan(0.002);
  });

  for (const [kind, reward] of [['logits', { kind: 'hard' }], ['means', bump]] as const) {
    it(`the estimator's mean over exact samples equals the exact ∇J (θ = ${kind})`, () => {
      const mix = new ParamMixture(hexMixture(), kind);
      const theta = mix.theta0();
      const exact = exactTerms(mix, theta, reward).grad;
      // a loop with η = 0 and particles replaced by exact samples: Γ_R is then an unbiased-in-the-limit estimate
      const loop = new LangevinLoop({ mix, theta0: theta, reward, particles: 10, gamma: 0.2, eta: 0, lambda: 0, ref: null, refBatch: 1, inner: 1, warm: true, rng: new Rng(2) });
      loop.x.dispose();
      loop.x = tf.keep(gmmSample(40_000, asMixture(mix.base), new Rng(3)));
      loop.thetaUpdate();
      const est = loop.lastGrad!.dataSync();
      loop.dispose();
      const norm = Math.hypot(...exact);
      expect(cosine(est, exact)).toBeGreaterThan(0.99);
      for (let i = 0; i < exact.length; i++) expect(Math.abs(est[i] - exact[i])).toBeLessThan(0.08 * norm);
    });
  }

  it('λ > 0 pulls θ toward π_ref (the intended sign), in the particle loop and the exact flow', () => {
    const mix = new ParamMixture(hexMixture(), 'logits');
    const ref = asMixture(mix.base, new Float64Array(6)); // uniform weights
    // reward-free: bump far away, so only the KL term moves θ
    const far: RewardSpec = { kind: 'bump', bump: { x: 50, y: 50, width: 0.1, height: 1 } };
    const loop = new LangevinLoop({ mix, theta0: mix.theta0(), reward: far, particles: 10_000, gamma: 0.2, eta: 1, lambda: 1, ref, refBatch: 10_000, inner: 1, warm: true, rng: new Rng(4) });
    loop.x.dispose();
    loop.x = tf.keep(gmmSample(10_000, asMixture(mix.base), new Rng(5)));
    loop.thetaUpdate();
    const th = loop.theta.dataSync();
    loop.dispose();
    const spread = (a: ArrayLike<number>) => Math.max(...Array.from(a)) - Math.min(...Array.from(a));
    expect(spread(th)).toBeLessThan(1.5 - 0.05); // the logits' spread shrinks toward the uniform reference
    const refXY = gmmSample(20_000, ref, new Rng(6)).dataSync() as Float32Array;
    const flow = new ExactFlow(mix, mix.theta0(), far, 1, 1, refXY);
    flow.step();
    expect(spread(flow.theta)).toBeLessThan(1.5 - 0.05);
    expect(Math.abs(spread(flow.theta) - spread(th))).toBeLessThan(0.05);
  });

  it('a nested loop spends inner × N gradient evaluations per update and leaks no tensors', () => {
    const mix = new ParamMixture(hexMixture(), 'logits');
    const make = () => new LangevinLoop({ mix, theta0: mix.theta0(), reward: { kind: 'hard' }, particles: 50, gamma: 0.2, eta: 0.1, lambda: 0, ref: null, refBatch: 1, inner: 4, warm: false, rng: new Rng(7) });
    make().dispose();
    const before = tf.memory().numTensors;
    const loop = make();
    loop.iterate();
    loop.iterate();
    expect(loop.updates).toBe(2);
    expect(loop.gradEvals).toBe(2 * 4 * 50);
    loop.tick();
    expect(loop.updates).toBe(2);
    loop.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => make().setLive({ gamma: -1 })).toThrow(/γ/);
  });
});
