import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';

describe('HMC', () => {
  it('reaches the target mean and covariance with acceptance in (0, 1]', () => {
    // trajectory length h L = 0.9: avoids the resonance h L ~ pi sqrt(lambda_min) where identity-mass HMC
    // with a fixed L maps the narrow direction to about minus itself and stops mixing
    const s = gaussianSampler('hmc', { step: 0.15, leapfrog: 6, n: 2000, seed: 11 });
    let acc = 0;
    const steps = 50;
    for (let i = 0; i < steps; i++) {
      const a = s.step().accept!;
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThanOrEqual(1);
      acc += a;
    }
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    s.dispose();
    expect(acc / steps).toBeGreaterThan(0.8);
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.15);
  });

  it('rejects more with a coarse leapfrog; leapfrog and step are live', () => {
    const s = gaussianSampler('hmc', { step: 0.1, leapfrog: 4, n: 1000, seed: 12 });
    run(s, 10);
    let fine = 0;
    for (let i = 0; i < 10; i++) fine += s.step().accept!;
    expect(s.update({ step: 0.8, leapfrog: 2 })).toBe(true);
    let coarse = 0;
    for (let i = 0; i < 10; i++) coarse += s.step().accept!;
    s.dispose();
    expect(fine / 10).toBeGreaterThan(coarse / 10 + 0.1);
  });

  it('needs a log density', () => {
    const before = tf.memory().numTensors;
    expect(() => gaussianSampler('hmc', { logDensity: undefined })).toThrow(/logDensity/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
