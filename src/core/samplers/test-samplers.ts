// Test utility: sampler options around the Gaussian closed forms, so each test states only what it varies.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { makeSchedule } from '../schedules';
import { createSampler, loadSamplers } from './registry';
import { gaussianLogDensity, gaussianScore, TARGET, type Gauss2 } from './test-gaussian';
import type { Sampler, SamplerId, SamplerOptions } from './types';
import { SAMPLERS, samplerNeeds } from './catalog';

// every catalog sampler's class, before any test builds one (createSampler is synchronous)
await loadSamplers();

/** N(0, scale^2 I) particles from a seed (independent of the sampler's own stream) */
export function normalInit(n: number, seed: number, scale = 1): Tensor2D {
  return tf.tidy(() => tf.mul(tf.randomNormal([n, 2], 0, 1, 'float32', seed), scale) as Tensor2D);
}

export function gaussianSampler(
  id: SamplerId,
  o: Partial<SamplerOptions> & { n?: number; seed?: number; T?: number; target?: Gauss2 } = {},
): Sampler {
  const { n = 2000, seed = 1, T = 100, target = TARGET, ...rest } = o;
  const opts: SamplerOptions = {
    init: normalInit(n, seed + 1000),
    score: gaussianScore(target),
    logDensity: gaussianLogDensity(target),
    rng: new Rng(seed),
    step: 0.05,
    leapfrog: 5,
    schedule: makeSchedule('linear', T),
    eta: 0,
    integrator: 'euler',
    annealSigmas: Float32Array.from([2, 1, 0.5, 0.25]),
    annealStepsPerLevel: 5,
    // the Gaussian as a one-component mixture, only for a sampler that needs one (Gibbs): the others would
    // take their fused mixture kernels with it, and these tests check the op-by-op code
    mixture: samplerNeeds(SAMPLERS[id] ?? { family: 'mcmc', metropolis: false }).mixture ? [{ w: 1, mean: target.m, cov: target.S }] : undefined,
    ...rest,
  };
  return createSampler(id, opts);
}

/** run to the end (or n steps) and return a copy of the particles' values */
export function run(s: Sampler, n = s.length): Float32Array {
  for (let i = 0; i < n && !s.done; i++) s.step();
  return Float32Array.from(s.particles().dataSync());
}
