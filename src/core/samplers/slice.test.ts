import { describe, expect, it } from 'vitest';
import type { Tensor2D } from '../tf';
import { gmmLogProb } from '../gmm';
import type { Mixture } from '../types';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';

describe('slice sampling', () => {
  it('reaches the moments of a correlated Gaussian without a gradient, at a width near its scale and one 10x too large', () => {
    for (const width of [1.5, 15]) {
      let calls = 0;
      const s = gaussianSampler('slice', { n: 1200, seed: 3, settings: { width }, score: () => { calls++; throw new Error('slice read a gradient'); } });
      let unfinished = 0;
      for (let i = 0; i < 40; i++) unfinished = Math.max(unfinished, s.step().stats!().slice_unfinished.dataSync()[0]);
      const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
      s.dispose();
      expect(calls).toBe(0);
      // 1200 particles: standard errors about 0.04 (mean of x1) and 0.11 (its variance)
      expect(err.mean, `width ${width}`).toBeLessThan(0.12);
      expect(err.cov, `width ${width}`).toBeLessThan(0.25);
      // the fixed shrinkage passes suffice: (nearly) every particle found a point in its slice
      expect(unfinished, `width ${width}`).toBeLessThan(0.002);
    }
  });

  it('splits its particles between two separated modes by their weights (0.3 / 0.7), stepping out across the gap', () => {
    const mix: Mixture = [
      { w: 0.3, mean: [-1.5, 0], cov: [0.25, 0, 0.25] },
      { w: 0.7, mean: [1.5, 0], cov: [0.25, 0, 0.25] },
    ];
    const s = gaussianSampler('slice', { n: 1000, seed: 11, settings: { width: 2 }, logDensity: (x: Tensor2D) => gmmLogProb(x, mix) });
    const xs = run(s, 40);
    s.dispose();
    let right = 0;
    for (let i = 0; i < xs.length; i += 2) if (xs[i] > 0) right++;
    // 1000 particles: one binomial standard error is 0.015
    expect(right / 1000).toBeGreaterThan(0.65);
    expect(right / 1000).toBeLessThan(0.75);
  });
});
