import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import type { Mixture } from '../types';
import { createSampler } from './registry';
import { gaussianSampler, normalInit, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';

// two correlated components with unequal weights: the conditionals are genuine two-component mixtures
const MIX: Mixture = [
  { w: 0.3, mean: [-1.5, -1], cov: [0.4, 0.2, 0.5] },
  { w: 0.7, mean: [1.5, 1], cov: [0.6, -0.25, 0.3] },
];
const gibbs = (mixture: Mixture, o: { n?: number; seed?: number; scan?: string; init?: Tensor2D } = {}) => {
  const n = o.n ?? 2000;
  return createSampler('gibbs', {
    init: o.init ?? normalInit(n, (o.seed ?? 1) + 1000), mixture, rng: new Rng(o.seed ?? 1),
    score: () => { throw new Error('Gibbs read a gradient'); },
    step: 1, leapfrog: 1, eta: 0, integrator: 'euler', annealStepsPerLevel: 1, settings: { scan: o.scan ?? 'systematic' },
  });
};

describe('Gibbs on a Gaussian mixture', () => {
  it('reaches the moments of a correlated Gaussian (a one-component mixture) without a gradient', () => {
    const s = gaussianSampler('gibbs', { n: 3000, seed: 2 });
    run(s, 60);
    const err = momentError(moments(s.particles()), { mean: TARGET.m, cov: TARGET.S });
    s.dispose();
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.12);
  });

  it('draws x1 | x2 from the exact conditional mixture (mean and variance at a fixed x2)', () => {
    // 4000 copies of one point, one systematic sweep: x1 is drawn first, given x2 = 0.4, and the x2 draw
    // that follows leaves the x1 column as it is
    const n = 4000, x2 = 0.4;
    const init = tf.tensor2d(Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? x2 : 0)), [n, 2]);
    const s = gibbs(MIX, { n, seed: 5, init, scan: 'systematic' });
    const xs = run(s, 1);
    s.dispose();
    // exact conditional: component weights ∝ w_k N(x2; μ_k2, Σ_k22), mean μ_k1 + Σ_k12/Σ_k22 (x2 − μ_k2)
    const comp = MIX.map((c) => {
      const [xx, xy, yy] = c.cov;
      return { w: c.w * Math.exp(-((x2 - c.mean[1]) ** 2) / (2 * yy)) / Math.sqrt(yy), m: c.mean[0] + (xy / yy) * (x2 - c.mean[1]), v: xx - (xy * xy) / yy };
    });
    const W = comp.reduce((t, c) => t + c.w, 0);
    const mean = comp.reduce((t, c) => t + (c.w / W) * c.m, 0);
    const second = comp.reduce((t, c) => t + (c.w / W) * (c.v + c.m * c.m), 0);
    const x1 = Float64Array.from({ length: n }, (_, i) => xs[2 * i]);
    const m = x1.reduce((t, v) => t + v, 0) / n;
    const v = x1.reduce((t, u) => t + (u - m) ** 2, 0) / n;
    const sdMean = Math.sqrt((second - mean * mean) / n);
    expect(Math.abs(m - mean)).toBeLessThan(5 * sdMean);
    expect(Math.abs(v / (second - mean * mean) - 1)).toBeLessThan(0.1);
  });

  it('splits the particles between the components by their weights, with either scan', () => {
    for (const scan of ['systematic', 'random']) {
      const s = gibbs(MIX, { n: 3000, seed: 7, scan });
      const xs = run(s, scan === 'random' ? 120 : 60);
      s.dispose();
      let right = 0;
      for (let i = 0; i < xs.length; i += 2) if (xs[i] + xs[i + 1] > 0) right++;
      // 3000 particles: a binomial standard error of 0.008; the components overlap a little along x1 + x2 = 0
      expect(right / 3000, scan).toBeGreaterThan(0.66);
      expect(right / 3000, scan).toBeLessThan(0.74);
    }
  });

  it('refuses a target without a mixture, freeing the particles it was handed', () => {
    const before = tf.memory().numTensors;
    expect(() => gaussianSampler('gibbs', { mixture: undefined })).toThrow(/needs the target's Gaussian mixture/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
