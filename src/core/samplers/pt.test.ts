import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gmmLogProbAndScoreFast, gmmScoreFast } from '../fused/gmm-fused';
import { CLEAN, type Mixture } from '../types';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';
import type { PtSampler } from './kinds/pt';

// two modes far apart for MALA (the valley between them is 32 nats deep) at weights 0.3 / 0.7
const TWO: Mixture = [
  { w: 0.3, mean: [-4, 0], cov: [0.25, 0, 0.25] },
  { w: 0.7, mean: [4, 0], cov: [0.25, 0, 0.25] },
];
/** every particle starts in the left (lighter) mode */
const leftInit = (n: number) => tf.tidy(() => tf.add(tf.mul(tf.randomNormal([n, 2], 0, 1, 'float32', 77), 0.5), tf.tensor1d([-4, 0])) as Tensor2D);
const logDensity = (x: Tensor2D) => {
  const { logp, score } = gmmLogProbAndScoreFast(x, TWO, CLEAN);
  score.dispose();
  return logp;
};
const twoModes = (id: 'pt' | 'mala', n: number, settings = {}) =>
  gaussianSampler(id, { n, seed: 11, init: leftInit(n), step: 0.1, settings, logDensity, score: (x, l) => gmmScoreFast(x, TWO, l) });
const rightShare = (xs: Float32Array) => {
  let right = 0;
  for (let i = 0; i < xs.length; i += 2) if (xs[i] > 0) right++;
  return right / (xs.length / 2);
};

describe('parallel tempering', () => {
  it('its cold chains reach the mean and covariance of a correlated Gaussian; the hottest replicas the tempered one (tMax × S)', () => {
    const n = 1500;
    const s = gaussianSampler('pt', { n, seed: 3, step: 0.1, settings: { replicas: 3, tMax: 8 } }) as PtSampler;
    run(s, 100);
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    const hot = tf.slice(s.allReplicas(), [2 * n, 0], [n, 2]) as Tensor2D;
    const hotErr = momentError(moments(hot), { mean: TARGET.m, cov: TARGET.S.map((v) => 8 * v) as [number, number, number] });
    hot.dispose();
    expect(s.betas[0]).toBe(1);
    expect(s.betas[1]).toBeCloseTo(8 ** -0.5, 12);
    expect(s.betas[2]).toBeCloseTo(1 / 8, 12);
    s.dispose();
    expect(err.mean).toBeLessThan(0.1);
    expect(err.cov).toBeLessThan(0.15);
    // the hottest variances are 8 times the cold ones (up to 16): 15% of them
    expect(hotErr.mean).toBeLessThan(0.4);
    expect(hotErr.cov).toBeLessThan(0.15 * 16);
  });

  it('splits its particles between two separated modes by their weights (0.3 / 0.7); MALA from the same start stays in the first', () => {
    const n = 1000;
    const pt = twoModes('pt', n, { replicas: 4, tMax: 300 });
    const ptShare = rightShare(run(pt, 200));
    pt.dispose();
    const mala = twoModes('mala', n);
    const malaShare = rightShare(run(mala, 200));
    mala.dispose();
    // 1000 independent ladders: one binomial standard error is 0.015
    expect(ptShare).toBeGreaterThan(0.65);
    expect(ptShare).toBeLessThan(0.75);
    expect(malaShare).toBeLessThan(0.01);
  });

  it('reports its swap rate every step, in (0, 1]: exactly 1 when every temperature is 1, lower when the ladder is spread', () => {
    const rates = (tMax: number) => {
      const s = twoModes('pt', 300, { replicas: 4, tMax });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const stats = s.step().stats!();
        expect(Object.keys(stats)).toEqual(['swap_rate']);
        out.push(stats.swap_rate.dataSync()[0]);
        tf.dispose(Object.values(stats)); // the caller owns the copies
      }
      s.dispose();
      return out;
    };
    const flat = rates(1);
    expect(flat.every((r) => r === 1)).toBe(true);
    const spread = rates(300);
    const mean = spread.reduce((a, b) => a + b, 0) / spread.length;
    expect(spread.every((r) => r > 0 && r <= 1)).toBe(true);
    expect(mean).toBeLessThan(0.95);
    expect(mean).toBeGreaterThan(0.05);
  });

  it('a stale StepInfo reads NaN, and the kept scalars leak nothing', () => {
    const before = tf.memory().numTensors;
    const s = gaussianSampler('pt', { n: 32 });
    const old = s.step();
    s.step();
    const stale = old.stats!();
    expect(Number.isNaN(stale.swap_rate.dataSync()[0])).toBe(true);
    tf.dispose(Object.values(stale));
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses K = 1 (a ladder needs two temperatures) and tMax < 1, freeing its init', () => {
    const before = tf.memory().numTensors;
    expect(() => gaussianSampler('pt', { n: 8, settings: { replicas: 1 } })).toThrow(/replicas must be an integer in \[2, 32\]/);
    expect(() => gaussianSampler('pt', { n: 8, settings: { replicas: 2.5 } })).toThrow(/replicas/);
    expect(() => gaussianSampler('pt', { n: 8, settings: { tMax: 0.5 } })).toThrow(/tMax must be a finite number >= 1/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes the step live, and the ladder settings only with a restart', () => {
    const s = gaussianSampler('pt', { n: 16 });
    expect(s.update({ step: 0.02 })).toBe(true);
    expect(s.update({ replicas: 4 })).toBe(false);
    expect(s.update({ tMax: 10 })).toBe(false);
    s.step();
    s.dispose();
  });
});
