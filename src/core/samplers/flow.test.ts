import { describe, expect, it } from 'vitest';
import { gaussianSampler, run } from './test-samplers';
import { diffusionMoments, gaussianScore, momentError, moments, TARGET } from './test-gaussian';
import { abarAt, makeSchedule } from '../schedules';

const target = { mean: TARGET.m, cov: TARGET.S };

function flow(integrator: 'euler' | 'heun', T: number, n = 4000) {
  const s = gaussianSampler('flow', { integrator, T, n, seed: 41 });
  const init = moments(s.particles());
  run(s);
  const out = moments(s.particles());
  s.dispose();
  return { init, out };
}

describe('probability-flow ODE with the exact noised Gaussian score', () => {
  it('euler is the DDIM eta = 0 map', () => {
    const a = run(gaussianSampler('flow', { integrator: 'euler', T: 25, n: 300, seed: 2 }));
    const b = run(gaussianSampler('ddim', { eta: 0, T: 25, n: 300, seed: 2 }));
    let max = 0;
    for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
    expect(max).toBeLessThan(1e-4);
  });

  for (const integrator of ['euler', 'heun'] as const) {
    it(`${integrator}, T = 100: right mean/cov and exactly the moments of its own affine recursion`, () => {
      const { init, out } = flow(integrator, 100);
      const err = momentError(out, target);
      expect(err.mean).toBeLessThan(0.05);
      expect(err.cov).toBeLessThan(integrator === 'heun' ? 0.1 : 0.2);
      const ref = integrator === 'euler' ? ({ kind: 'ddim', eta: 0 } as const) : ({ kind: 'heun' } as const);
      const e2 = momentError(out, diffusionMoments(TARGET, makeSchedule('linear', 100), ref, init));
      expect(e2.mean).toBeLessThan(2e-3);
      expect(e2.cov).toBeLessThan(2e-3);
    });
  }

  it('heun beats euler at T = 10 (same init)', () => {
    const e = momentError(flow('euler', 10).out, target);
    const h = momentError(flow('heun', 10).out, target);
    expect(e.cov).toBeGreaterThan(0.3); // euler's few-step shrinkage is large ...
    expect(h.cov).toBeLessThan(e.cov / 3); // ... heun removes most of it
    expect(h.mean).toBeLessThanOrEqual(e.mean + 0.01);
  });

  it('reports the level after each step and uses 2T - 1 score calls with heun', () => {
    const exact = gaussianScore(TARGET);
    let calls = 0;
    const s = gaussianSampler('flow', {
      integrator: 'heun', T: 8, n: 10,
      score: (x, lv) => {
        calls++;
        return exact(x, lv);
      },
    });
    const sched = makeSchedule('linear', 8);
    for (let k = 1; k <= 8; k++) {
      const lv = s.step().level; // particles are now at t = 8 - k
      expect(lv.a).toBeCloseTo(Math.sqrt(abarAt(sched, 8 - k)), 6);
    }
    expect(calls).toBe(15); // heun everywhere but the final Euler step to sigma = 0
    expect(s.done).toBe(true);
    s.dispose();
  });
});
