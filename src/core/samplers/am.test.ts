import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';
import type { AmSampler } from './kinds/am';

describe('adaptive Metropolis', () => {
  it('learns a proposal covariance of 2.4²/2 times the target\'s, whatever scale it starts from, and samples the target', () => {
    let calls = 0;
    // chains started on the target (exact draws), so their history is the target's from the start, and a
    // scale 10x too small: plain random-walk Metropolis would crawl; adaptation fixes it
    const n = 1000;
    const [l11, l21] = [Math.sqrt(TARGET.S[0]), TARGET.S[1] / Math.sqrt(TARGET.S[0])];
    const l22 = Math.sqrt(TARGET.S[2] - l21 * l21);
    const init = tf.tidy(() => {
      const [z1, z2] = tf.unstack(tf.randomNormal([n, 2], 0, 1, 'float32', 9), 1);
      return tf.stack([tf.add(tf.mul(z1, l11), TARGET.m[0]), tf.add(tf.add(tf.mul(z1, l21), tf.mul(z2, l22)), TARGET.m[1])], 1) as Tensor2D;
    });
    const s = gaussianSampler('am', { n, init, seed: 4, settings: { scale: 0.05, adaptStart: 20 }, score: () => { calls++; throw new Error('am read a gradient'); } }) as AmSampler;
    const first = tf.tidy(() => Array.from(tf.mean(s.proposalCov(), 0).dataSync()));
    expect(first[0]).toBeCloseTo(0.0025, 6);
    let acc = 0;
    for (let i = 0; i < 300; i++) {
      const info = s.step();
      if (i >= 200) acc += info.accept!;
    }
    const cov = tf.tidy(() => Array.from(tf.mean(s.proposalCov(), 0).dataSync()));
    const [a, b, c] = TARGET.S.map((v) => v * 2.88);
    // each chain's covariance from 300 correlated states (the first 20 barely moving): their mean over
    // the chains is within 20% of s_d times the target's (measured: 12-14% under, the finite history's bias)
    expect(Math.abs(cov[0] / a - 1)).toBeLessThan(0.2);
    expect(Math.abs(cov[1] / b - 1)).toBeLessThan(0.2);
    expect(Math.abs(cov[2] / c - 1)).toBeLessThan(0.2);
    // the optimal-scaling acceptance of a 2D Gaussian, about 0.35
    expect(acc / 100).toBeGreaterThan(0.25);
    expect(acc / 100).toBeLessThan(0.45);
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    s.dispose();
    expect(calls).toBe(0);
    // 1000 particles: standard errors about 0.045 (mean of x1) and 0.09 (its variance)
    expect(err.mean).toBeLessThan(0.15);
    expect(err.cov).toBeLessThan(0.27);
  });

  it('keeps the fixed σ² I proposal until t₀, then adapts; its history tensors are freed on dispose', () => {
    const before = tf.memory().numTensors;
    const s = gaussianSampler('am', { n: 50, seed: 6, settings: { scale: 0.3, adaptStart: 10 } }) as AmSampler;
    run(s, 9);
    const fixed = tf.tidy(() => Array.from((s.proposalCov() as Tensor2D).dataSync().slice(0, 3)));
    expect(fixed.map((v) => +v.toFixed(6))).toEqual([0.09, 0, 0.09]);
    run(s, 5);
    const adapted = tf.tidy(() => Array.from(s.proposalCov().dataSync().slice(0, 3)));
    expect(adapted[0]).not.toBeCloseTo(0.09, 3);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
