import { describe, expect, it } from 'vitest';
import { gaussianSampler, run } from './test-samplers';
import { diffusionMoments, momentError, moments, TARGET } from './test-gaussian';
import { makeSchedule } from '../schedules';

const target = { mean: TARGET.m, cov: TARGET.S };

describe('DDPM and DDIM with the exact noised Gaussian score, T = 100', () => {
  const cases = [
    { id: 'ddpm', eta: 0, ref: { kind: 'ddim', eta: 1 } }, // DDPM is DDIM eta = 1 in exact arithmetic
    { id: 'ddim', eta: 0, ref: { kind: 'ddim', eta: 0 } },
    { id: 'ddim', eta: 1, ref: { kind: 'ddim', eta: 1 } },
  ] as const;
  for (const c of cases) {
    it(`${c.id}${c.id === "ddim" ? ` eta=${c.eta}` : ""}: right mean/cov, and exactly the finite-T moments of its own recursion`, () => {
      const s = gaussianSampler(c.id, { eta: c.eta, T: 100, n: 4000, seed: 31 });
      const init = moments(s.particles());
      expect(momentError(init, target).mean).toBeGreaterThan(1);
      run(s);
      const out = moments(s.particles());
      s.dispose();
      const err = momentError(out, target);
      // T = 100 DDPM/DDIM shrink the covariance by a few percent; the bound leaves room for that only
      expect(err.mean).toBeLessThan(0.05);
      expect(err.cov).toBeLessThan(0.2);
      // the float64 affine recursion from the same init moments: deterministic maps agree to rounding,
      // stochastic ones to Monte Carlo error
      const pred = diffusionMoments(TARGET, makeSchedule('linear', 100), c.ref, init);
      const e2 = momentError(out, pred);
      const tol = c.ref.eta === 0 ? 2e-3 : 0.08;
      expect(e2.mean).toBeLessThan(tol);
      expect(e2.cov).toBeLessThan(tol);
    });
  }

  it('DDIM with eta = 1 reproduces DDPM draw for draw (same seed)', () => {
    const a = run(gaussianSampler('ddpm', { T: 30, n: 500, seed: 5 }));
    const b = run(gaussianSampler('ddim', { eta: 1, T: 30, n: 500, seed: 5 }));
    let max = 0;
    for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
    expect(max).toBeLessThan(1e-3);
  });

  it('eta is live and changes the outcome; the level runs T..0', () => {
    const a = gaussianSampler('ddim', { eta: 0, T: 20, n: 200, seed: 6 });
    const b = gaussianSampler('ddim', { eta: 0, T: 20, n: 200, seed: 6 });
    expect(a.update({ eta: 0.7 })).toBe(true);
    const levels: number[] = [];
    while (!a.done) levels.push(a.step().level.s2);
    run(b);
    expect(levels.length).toBe(20);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeLessThan(levels[i - 1]);
    expect(levels[19]).toBe(0);
    expect(a.particles().dataSync()).not.toEqual(b.particles().dataSync());
    a.dispose();
    b.dispose();
  });
});
