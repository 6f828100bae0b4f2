import { describe, expect, it } from 'vitest';
import { gaussianSampler, normalInit, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';
import { defaultAnnealSigmas } from './registry';

describe('annealed Langevin', () => {
  it('ends near the moments of the target smoothed at the last level, from a wide init', () => {
    const sigmas = defaultAnnealSigmas(3, 0.1, 10);
    const s = gaussianSampler('annealed', {
      annealSigmas: sigmas, annealStepsPerLevel: 60, step: 0.006, n: 2000, seed: 21, init: normalInit(2000, 22, 3),
    });
    expect(s.length).toBe(600);
    const sL2 = 0.1 * 0.1;
    const want = { mean: TARGET.m, cov: [TARGET.S[0] + sL2, TARGET.S[1], TARGET.S[2] + sL2] as typeof TARGET.S };
    expect(momentError(moments(s.particles()), want).cov).toBeGreaterThan(5); // init var 9: far off
    const seen: number[] = [];
    while (!s.done) {
      const info = s.step();
      expect(info.level.a).toBe(1);
      if (seen[seen.length - 1] !== info.level.s2) seen.push(info.level.s2);
    }
    // levels are visited in order, once each, ending at sigma_L
    expect(seen.length).toBe(10);
    seen.forEach((s2, i) => expect(s2).toBeCloseTo(sigmas[i] ** 2, 6));
    const err = momentError(moments(s.particles()), want);
    s.dispose();
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.15);
  });

  it('is done after levels x steps and then no longer moves', () => {
    const s = gaussianSampler('annealed', { annealSigmas: Float32Array.from([1, 0.5]), annealStepsPerLevel: 3, n: 50 });
    const end = run(s);
    expect(s.iteration).toBe(6);
    expect(s.done).toBe(true);
    expect(s.step().level.s2).toBeCloseTo(0.25, 6);
    expect(s.iteration).toBe(6);
    expect(s.particles().dataSync()).toEqual(end);
    s.dispose();
  });

  it('rejects bad ladders', () => {
    expect(() => gaussianSampler('annealed', { annealSigmas: Float32Array.from([0.5, 1]) })).toThrow(/descending/);
    expect(() => gaussianSampler('annealed', { annealSigmas: new Float32Array(0) })).toThrow(/at least one/);
    expect(() => gaussianSampler('annealed', { annealStepsPerLevel: 0 })).toThrow(/integer/);
  });
});
