import { describe, expect, it } from 'vitest';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET, ulaStationaryCov } from './test-gaussian';

describe('ULA on a correlated Gaussian', () => {
  it('reaches the target mean and covariance from N(0, I) at a small step', () => {
    const s = gaussianSampler('ula', { step: 0.02, n: 3000, seed: 3 });
    const start = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    expect(start.mean).toBeGreaterThan(1); // the test is not vacuous: init is far away
    run(s, 500);
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    s.dispose();
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.15);
  });

  it('at a large step is biased exactly as predicted: cov = Sigma (I - h Sigma^-1 / 2)^-1', () => {
    const h = 0.25;
    const s = gaussianSampler('ula', { step: h, n: 3000, seed: 4 });
    run(s, 80);
    const m = moments(s.particles());
    s.dispose();
    const predicted = ulaStationaryCov(TARGET.S, h);
    // the bias is real and inflates the covariance (the small-variance direction most) ...
    expect(predicted[2] - TARGET.S[2]).toBeGreaterThan(0.2);
    expect(momentError(m, { mean: TARGET.m, cov: TARGET.S }).cov).toBeGreaterThan(0.2);
    // ... and the sampler matches the closed form of its own bias (the mean stays unbiased)
    const err = momentError(m, { mean: TARGET.m, cov: predicted });
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.12);
  });
});
