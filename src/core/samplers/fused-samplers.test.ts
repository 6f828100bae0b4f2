// The samplers' fused path (one kernel per step when the target is a known mixture, core/fused/) against
// their op-by-op path and the Gaussian closed forms: deterministic samplers agree particle by particle,
// stochastic ones in distribution (their noise streams differ by design).
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Mixture } from '../types';
import { makeSchedule } from '../schedules';
import { gaussianSampler, normalInit, run } from './test-samplers';
import { defaultAnnealSigmas } from './registry';
import { diffusionMoments, momentError, moments, TARGET, ulaStationaryCov } from './test-gaussian';

const AS_MIXTURE: Mixture = [{ w: 1, mean: TARGET.m, cov: TARGET.S }];

describe('fused sampler steps (CPU backend)', () => {
  it('DDIM eta = 0 and Euler flow: fused and op-by-op runs agree particle by particle', () => {
    for (const id of ['ddim', 'flow'] as const) {
      const ops = run(gaussianSampler(id, { T: 50, n: 400, seed: 9 }));
      const before = tf.memory().numTensors;
      const s = gaussianSampler(id, { T: 50, n: 400, seed: 9, mixture: AS_MIXTURE });
      const fused = run(s);
      s.dispose();
      expect(tf.memory().numTensors).toBe(before);
      let max = 0;
      for (let i = 0; i < ops.length; i++) max = Math.max(max, Math.abs(ops[i] - fused[i]));
      expect(max, id).toBeLessThan(2e-4);
    }
  });

  it('DDPM and DDIM eta = 1: the fused run has the finite-T moments of the recursion', () => {
    for (const [id, eta] of [['ddpm', 0], ['ddim', 1]] as const) {
      const s = gaussianSampler(id, { eta, T: 100, n: 4000, seed: 31, mixture: AS_MIXTURE });
      const init = moments(s.particles());
      const out = moments(tf.tensor2d(run(s), [4000, 2]));
      s.dispose();
      const pred = diffusionMoments(TARGET, makeSchedule('linear', 100), { kind: 'ddim', eta: 1 }, init);
      const e = momentError(out, pred);
      expect(e.mean, id).toBeLessThan(0.08);
      expect(e.cov, id).toBeLessThan(0.08);
    }
  });

  it('ULA: the fused run matches the closed form of its own step-size bias, and a seed replays', () => {
    const h = 0.25;
    const s = gaussianSampler('ula', { step: h, n: 3000, seed: 4, mixture: AS_MIXTURE });
    const a = run(s, 80);
    s.dispose();
    const err = momentError(moments(tf.tensor2d(a, [3000, 2])), { mean: TARGET.m, cov: ulaStationaryCov(TARGET.S, h) });
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.12);
    const b = run(gaussianSampler('ula', { step: h, n: 3000, seed: 4, mixture: AS_MIXTURE }), 80);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('annealed Langevin: the fused run ends near the target', () => {
    const s = gaussianSampler('annealed', {
      annealSigmas: defaultAnnealSigmas(3, 0.1, 10), annealStepsPerLevel: 60, step: 0.006, n: 2000, seed: 21, init: normalInit(2000, 22, 3), mixture: AS_MIXTURE,
    });
    const out = moments(tf.tensor2d(run(s), [2000, 2]));
    s.dispose();
    const sL2 = 0.1 * 0.1;
    const err = momentError(out, { mean: TARGET.m, cov: [TARGET.S[0] + sL2, TARGET.S[1], TARGET.S[2] + sL2] });
    expect(err.mean).toBeLessThan(0.08);
    expect(err.cov).toBeLessThan(0.15);
  });
});
