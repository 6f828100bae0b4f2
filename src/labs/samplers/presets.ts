// Classroom demos for the Samplers lab. Each sets only the keys it cares about; the rest are defaults.
import type { Preset } from '../types';

export const samplerPresets: readonly Preset[] = [
  {
    id: 'langevin-stuck',
    topics: ['MCMC', 'mode collapse', 'diffusion'],
    title: 'Langevin gets stuck, diffusion does not',
    lookFor:
      'ULA with the exact score on MoG-40, started from N(0, I): the particles fall into the few modes near the origin and stay there, because the valleys between modes are far too deep to cross. Switch the sampler to DDPM with the same exact score: the reverse diffusion starts from broad noise where the noised density is nearly unimodal, and the modes separate only as the noise shrinks, so all 40 are covered. Watch "modes covered".',
    params: { target: 'mog40', sampler: 'ula', score: 'exact', step: 0.1, particles: 2000, init: 'normal' },
    steps: 2000,
  },
  {
    id: 'langevin-stuck-ddpm',
    topics: ['diffusion', 'mode collapse'],
    title: 'The same MoG-40 with DDPM',
    lookFor: 'The other half of the first demo: DDPM ancestral sampling with the exact noised score covers all 40 modes in T = 100 steps.',
    params: { target: 'mog40', sampler: 'ddpm', score: 'exact', T: 100, particles: 2000 },
    steps: 100,
  },
  {
    id: 'mala-acceptance',
    topics: ['MCMC', 'step size'],
    title: "MALA's acceptance vs step size",
    lookFor:
      'MALA on the banana. Raise the step size while it runs: the acceptance rate falls, slowly at first and then sharply; at small steps nearly every move is accepted but the particles barely move. A rate around 0.5–0.6 mixes best. Compare with ULA at the same large step: it accepts everything and is biased.',
    params: { target: 'banana', sampler: 'mala', step: 0.05, particles: 2000 },
    steps: 1000,
  },
  {
    id: 'learned-spirals',
    topics: ['diffusion', 'training', 'score error'],
    title: 'A learned score on two spirals',
    lookFor:
      'The score of a data set is unknown, so an MLP learns it by denoising score matching (see the loss curve), then DDPM samples with it. Turn on the score field to see the learned arrows. Fewer training steps give blurrier spirals.',
    params: { target: 'spirals', sampler: 'ddpm', score: 'learned', T: 100, trainSteps: 2000, particles: 2000 },
    steps: 100,
  },
  {
    id: 'hmc-funnel',
    topics: ['MCMC', 'step size'],
    title: "HMC in Neal's funnel",
    lookFor: 'The funnel\'s neck needs tiny steps and its mouth large ones: with one fixed step size HMC either rejects in the neck or crawls in the mouth. Watch the acceptance rate and the marginal of x1.',
    params: { target: 'funnel', sampler: 'hmc', step: 0.2, leapfrog: 10, particles: 1000 },
    steps: 500,
  },
  {
    id: 'annealed-8g',
    topics: ['MCMC', 'mode collapse', 'diffusion'],
    title: 'Annealed Langevin on 8 Gaussians',
    lookFor: 'Langevin at a large noise level first, then smaller ones: the particles spread over all eight modes before the modes separate, unlike plain ULA from the same start.',
    params: { target: '8gaussians', sampler: 'annealed', levels: 10, perLevel: 50, step: 0.01, particles: 2000 },
    steps: 500,
  },
];
