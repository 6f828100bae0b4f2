import { describe, expect, it } from 'vitest';
import type { Tensor2D } from '../tf';
import { gmmLogProb } from '../gmm';
import type { Mixture } from '../types';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';

const meanAccept = (scale: number, seed: number) => {
  const s = gaussianSampler('rwm', { n: 1000, seed, settings: { scale } });
  let sum = 0;
  for (let i = 0; i < 40; i++) sum += s.step().accept!;
  s.dispose();
  return sum / 40;
};

describe('random-walk Metropolis', () => {
  it('reaches the mean and covariance of a correlated Gaussian, and never calls the score', () => {
    let calls = 0;
    const s = gaussianSampler('rwm', { n: 3000, seed: 3, settings: { scale: 1 }, score: () => { calls++; throw new Error('rwm read a gradient'); } });
    run(s, 200);
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    s.dispose();
    expect(calls).toBe(0);
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.12);
  });

  it('accepts less as the proposal scale grows (in (0, 1]), and takes the scale live', () => {
    const acc = [0.1, 1, 6].map((sc) => meanAccept(sc, 5));
    expect(acc[0]).toBeGreaterThan(acc[1] + 0.1);
    expect(acc[1]).toBeGreaterThan(acc[2] + 0.1);
    expect(acc[0]).toBeLessThanOrEqual(1);
    expect(acc[2]).toBeGreaterThan(0);
    const s = gaussianSampler('rwm', { n: 1000, seed: 5, settings: { scale: 0.1 } });
    s.step();
    expect(s.update({ scale: 6 })).toBe(true);
    let sum = 0;
    for (let i = 0; i < 40; i++) sum += s.step().accept!;
    s.dispose();
    expect(Math.abs(sum / 40 - acc[2])).toBeLessThan(0.1);
  });

  it('splits its particles between two modes by their weights (0.3 / 0.7)', () => {
    const mix: Mixture = [
      { w: 0.3, mean: [-1.5, 0], cov: [0.25, 0, 0.25] },
      { w: 0.7, mean: [1.5, 0], cov: [0.25, 0, 0.25] },
    ];
    const s = gaussianSampler('rwm', { n: 2000, seed: 11, settings: { scale: 1.5 }, logDensity: (x: Tensor2D) => gmmLogProb(x, mix) });
    const xs = run(s, 400);
    s.dispose();
    let right = 0;
    for (let i = 0; i < xs.length; i += 2) if (xs[i] > 0) right++;
    // 2000 particles: one binomial standard error is about 0.01
    expect(right / 2000).toBeGreaterThan(0.66);
    expect(right / 2000).toBeLessThan(0.74);
  });
});
