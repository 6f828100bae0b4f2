// Samplers lab schema: every URL key, its range and its help text (tensorflow/playground's one table).
import type { Mixture } from '../../core/types';
import { TARGET_IDS } from '../../core/targets/types';
import { SAMPLER_IDS } from '../../core/samplers/types';
import type { ParamSpec, ParamValue } from '../types';

type P = Record<string, ParamValue>;
const isDiffusionSampler = (p: P) => p.sampler === 'ddpm' || p.sampler === 'ddim' || p.sampler === 'flow';
const usesLearned = (p: P) =>
  p.score === 'learned' ||
  (isDiffusionSampler(p) || p.sampler === 'annealed') && ['banana', 'funnel', 'double-well', 'moons', 'spirals', 'checkerboard', 'drawn'].includes(String(p.target)) ||
  ['moons', 'spirals', 'checkerboard', 'drawn'].includes(String(p.target));

export const DEFAULT_CUSTOM: Mixture = [
  { w: 1, mean: [-2, 0], cov: [0.5, 0, 0.5] },
  { w: 1, mean: [2, 1], cov: [0.5, 0, 0.5] },
  { w: 0.5, mean: [0, -2.5], cov: [0.3, 0, 0.3] },
];

export const samplerParams: readonly ParamSpec[] = [
  { key: 'seed', label: 'Seed', group: 'run', help: 'All randomness flows from this number: the same seed replays the same run.', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1 },
  {
    key: 'target', label: 'Target', group: 'target', kind: 'enum', values: TARGET_IDS,
    valueLabels: ['MoG-40', '8 Gaussians', 'Hexagon (6-GMM)', 'Ring of Gaussians', 'Asymmetric 2 modes', 'My mixture (edit in plot)', 'Banana', 'Funnel', 'Double well', 'Two moons (data)', 'Two spirals (data)', 'Checkerboard (data)', 'Drawn points (data)'],
    help: 'The distribution to sample. Mixtures have every quantity in closed form; banana, funnel and double well have an analytic density; the data sets only give samples (the score must be learned).',
    default: 'mog40',
  },
  { key: 'comps', label: 'Components', group: 'target', kind: 'points', default: DEFAULT_CUSTOM, help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.', when: (p) => p.target === 'custom' },
  { key: 'drawn', label: 'Drawn points', group: 'target', kind: 'xy', default: new Float32Array(0), help: 'Points drawn with the mouse or a finger; the learned score trains on them.', when: (p) => p.target === 'drawn' },
  {
    key: 'sampler', label: 'Sampler', group: 'sampler', kind: 'enum', values: SAMPLER_IDS,
    valueLabels: ['ULA (Langevin)', 'MALA', 'HMC', 'Annealed Langevin', 'DDPM ancestral', 'DDIM', 'Probability-flow ODE'],
    help: 'ULA, MALA and HMC target the clean density; annealed Langevin walks down noise levels; DDPM, DDIM and the probability-flow ODE reverse a VP diffusion in T steps.',
    default: 'ula',
  },
  { key: 'score', label: 'Score', group: 'sampler', kind: 'enum', values: ['exact', 'learned'], valueLabels: ['Exact (closed form)', 'Learned (MLP, DSM)'], help: 'Exact: the closed-form noised score of a mixture, or the analytic score. Learned: an MLP trained by denoising score matching in the worker. Data sets and reverse diffusion on non-mixtures always use the learned score.', default: 'exact' },
  { key: 'particles', label: 'Particles', group: 'sampler', kind: 'int', min: 10, max: 100000, scale: 'log', default: 2000, help: 'Number of particles N.' },
  { key: 'init', label: 'Initial particles', group: 'sampler', kind: 'enum', values: ['normal', 'uniform', 'corner'], valueLabels: ['N(0, I)', 'Uniform in the box', 'A corner'], default: 'normal', help: 'Where MCMC particles start. Diffusion samplers always start from N(0, I) noise.', when: (p) => !isDiffusionSampler(p) },
  { key: 'step', label: 'Step size', group: 'sampler', kind: 'number', min: 1e-5, max: 100, scale: 'log', default: 0.05, live: true, help: 'ULA/MALA: x += h ∇log p + √(2h) z. HMC: leapfrog step. Annealed: step at the smallest noise (scaled by σ² per level).', when: (p) => !isDiffusionSampler(p) },
  { key: 'leapfrog', label: 'Leapfrog steps', group: 'sampler', kind: 'int', min: 1, max: 100, default: 10, live: true, help: 'HMC: leapfrog steps per proposal.', when: (p) => p.sampler === 'hmc' },
  { key: 'levels', label: 'Noise levels', group: 'sampler', kind: 'int', min: 2, max: 100, default: 10, help: 'Annealed Langevin: geometric noise levels from σ_max to σ_min.', when: (p) => p.sampler === 'annealed' },
  { key: 'perLevel', label: 'Steps per level', group: 'sampler', kind: 'int', min: 1, max: 1000, default: 50, help: 'Annealed Langevin: Langevin steps at each noise level.', when: (p) => p.sampler === 'annealed' },
  { key: 'T', label: 'Steps T', group: 'sampler', kind: 'int', min: 2, max: 2000, scale: 'log', default: 100, help: 'Number of reverse steps of the VP diffusion.', when: isDiffusionSampler },
  { key: 'schedule', label: 'Schedule', group: 'sampler', kind: 'enum', values: ['linear', 'cosine'], default: 'linear', help: 'VP noise schedule: linear (score_sde β from 0.1 to 20) or cosine (Nichol & Dhariwal).', when: isDiffusionSampler },
  { key: 'eta', label: 'DDIM η', group: 'sampler', kind: 'number', min: 0, max: 1, step: 0.05, default: 0, live: true, help: 'DDIM stochasticity: 0 is deterministic, 1 matches DDPM.', when: (p) => p.sampler === 'ddim' },
  { key: 'integrator', label: 'ODE integrator', group: 'sampler', kind: 'enum', values: ['euler', 'heun'], default: 'heun', help: 'Probability-flow ODE: Euler (1 score call per step) or Heun (2).', when: (p) => p.sampler === 'flow' },
  { key: 'trainSteps', label: 'Training steps', group: 'learned score', kind: 'int', min: 0, max: 20000, scale: 'log', default: 1500, help: 'DSM training steps of the MLP before sampling (the loss curve shows them).', when: usesLearned },
  { key: 'hidden', label: 'MLP width', group: 'learned score', kind: 'int', min: 16, max: 512, default: 128, help: 'Hidden width of the score MLP.', when: usesLearned },
  { key: 'lr', label: 'Learning rate', group: 'learned score', kind: 'number', min: 1e-5, max: 0.1, scale: 'log', default: 0.002, help: 'Adam learning rate of the score MLP.', when: usesLearned },
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 1000, scale: 'log', default: 5, live: true, help: 'Iterations per drawn frame.' },
  { key: 'density', label: 'Density', group: 'view', kind: 'enum', values: ['log', 'density', 'off'], valueLabels: ['log-density', 'density', 'off'], default: 'log', live: true, help: 'Heatmap of the (noised) target density.' },
  { key: 'field', label: 'Score field', group: 'view', kind: 'bool', default: false, live: true, help: 'Arrows of the score the sampler uses (exact and learned side by side when both exist).' },
  { key: 'paths', label: 'Trajectories', group: 'view', kind: 'bool', default: true, live: true, help: 'A few particle trajectories.' },
  { key: 'hist', label: 'Marginals', group: 'view', kind: 'bool', default: true, live: true, help: 'Marginal histograms against the true marginals.' },
];
