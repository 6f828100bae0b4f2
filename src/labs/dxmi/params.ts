// DxMI lab schema: every URL key, its range and its help text. 2D settings marked "ours" are not the
// paper's (its 2D code is unreleased, METHODS.md §5.4): to confirm against the paper.
import type { Mixture } from '../../core/types';
import type { ParamSpec, ParamsOf, ParamValue } from '../types';
import { targetMenu } from '../../core/targets/catalog';

type P = Record<string, ParamValue>;

export const DXMI_DATA = ['8gaussians', 'spirals', 'checkerboard', 'custom', 'drawn'] as const;

export const DEFAULT_MIXTURE: Mixture = [
  { w: 1, mean: [-2, -1], cov: [0.15, 0, 0.15] },
  { w: 1, mean: [2, -1], cov: [0.15, 0, 0.15] },
  { w: 1, mean: [0, 2], cov: [0.15, 0, 0.15] },
];

export const dxmiParams = [
  { key: 'seed', label: 'Seed', group: 'run', help: 'All randomness flows from this number: the same seed replays the same run (a τ = 0 run with the same seed starts from the same DDPM).', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1 },
  {
    key: 'data', label: 'Data', group: 'data', kind: 'enum',
    ...targetMenu(DXMI_DATA, { use: 'name', labels: { '8gaussians': '8 Gaussians (DxMI loader)', custom: 'My mixture (edit in plot)' } }),
    help: 'The data set both models learn from. 8 Gaussians follows the DxMI loader (centres on radius 2.83, std 0.354).', default: '8gaussians',
  },
  { key: 'comps', label: 'Mixture', group: 'data', kind: 'points', default: DEFAULT_MIXTURE, help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.', when: (p) => p.data === 'custom' },
  { key: 'drawn', label: 'Drawn points', group: 'data', kind: 'xy', default: new Float32Array(0), help: 'Points drawn with the mouse; the data are these points with a little jitter.', when: (p) => p.data === 'drawn' },
  { key: 'T', label: 'Sampler steps T', group: 'sampler', kind: 'int', min: 1, max: 10, default: 4, help: 'Number of Gaussian policy steps x_0 (noise) → x_T (sample), on the few-step VAR schedule of the official code.' },
  { key: 'schedule', label: 'VAR schedule', group: 'sampler', kind: 'enum', values: ['code', 'matched'], valueLabels: ['As the official code (capped)', 'Matched to DDPM-1000'], default: 'code', help: "Quadratic VAR betas. code: the official bisection, whose search cap binds, so T = 4 starts at Γ̄ = 0.34 (not pure noise). matched: Π(1 − β̃) equals DDPM-1000's ᾱ_1000, so the first step starts from pure noise." },
  { key: 'init', label: 'Initialization', group: 'sampler', kind: 'enum', values: ['ddpm', 'scratch'], valueLabels: ['Few-step DDPM fitted to the data', 'From scratch (random MLP)'], default: 'ddpm', help: 'ddpm: first fit a T-step DDPM by denoising score matching (blurry with few steps), then DxMI sharpens it. scratch: DxMI from a random policy.' },
  { key: 'pretrain', label: 'DDPM fitting steps', group: 'sampler', kind: 'int', min: 10, max: 20000, scale: 'log', default: 300, help: 'DSM steps of the few-step DDPM before DxMI starts (they do not count as iterations).', when: (p) => p.init === 'ddpm' },
  { key: 'hidden', label: 'MLP width', group: 'sampler', kind: 'int', min: 16, max: 256, default: 64, help: 'Hidden width of the policy, energy and value MLPs (2 hidden layers each). The 2D sizes, learning rates and coefficients here are ours, not the paper\'s (its 2D code is unreleased): to confirm against the paper.' },
  { key: 'learnSigma', label: 'Learnable σ_t', group: 'sampler', kind: 'bool', default: true, help: 'Train the per-step noise std σ_t (the last step stays fixed at 0.001, as in the code).' },
  { key: 'value', label: 'Value function', group: 'DxDP', kind: 'enum', values: ['time', 'shared'], valueLabels: ['Time-conditioned V(x, t)', 'Shared: V(x, t) = E(x)'], default: 'time', help: 'time: a separate MLP V(x, t) per step index, V(·, T) = E. shared: one time-independent net is the energy and every value (the released CIFAR-10 config).' },
  { key: 'tau', label: 'τ (entropy)', group: 'DxDP', kind: 'number', min: 0, max: 1, step: 0.01, default: 0.1, live: true, help: 'τ₁: weight of the entropy −log σ_t in the sampler loss. 0 removes the entropy (the comparison of the paper).' },
  { key: 'tauVelocity', label: 'τ velocity', group: 'DxDP', kind: 'number', min: 0, max: 1, step: 0.01, default: 0.01, live: true, help: 'τ₂: weight of the running cost ‖x_{t+1} − x_t‖²/(2 s_t²) (the auxiliary backward kernel of the entropy bound).' },
  { key: 'gamma', label: 'γ (energy reg.)', group: 'DxDP', kind: 'number', min: 0, max: 10, step: 0.1, default: 1, live: true, help: 'Weight of E_data[E²] + E_π[E²] in the energy loss: keeps the energy bounded.' },
  { key: 'rho', label: 'ρ (adaptive velocity)', group: 'DxDP', kind: 'number', min: 0.5, max: 1, step: 0.005, default: 0.99, live: true, help: 'Adaptive velocity regularization: s_t² ← ρ s_t² + (1 − ρ) mean (x_{t+1} − x_t)². 1 freezes s_t².' },
  { key: 'costsInValue', label: 'Costs in value target', group: 'DxDP', kind: 'bool', default: false, live: true, help: 'On: the TD target is V(x_{t+1}, t+1) + τ₂ running cost − τ₁ log σ_t (the recursion of §5.2). Off: V(x_{t+1}, t+1) only, the costs enter the sampler loss (the released configs).' },
  { key: 'confine', label: 'Energy confinement α', group: 'DxDP', kind: 'number', min: 0, max: 1, step: 0.01, default: 1, help: 'E(x) = MLP(x) + α|x|² in the normalized frame (ours, not the paper\'s): far from the data the energy rises, so the sampler cannot run to regions the MLP extrapolates too low. 0 = a plain MLP energy.' },
  { key: 'emaEnergy', label: 'Energy EMA β (score)', group: 'DxDP', kind: 'number', min: 0, max: 0.999, step: 0.001, default: 0.99, help: 'Exponential moving average of the energy weights, used only to score (AUROC, heatmap, probe); training uses the live energy. Ours, not the paper\'s: the contrastive energy oscillates around the equilibrium, and its average is a steadier anomaly score. 0 = off.' },
  { key: 'emaSampler', label: 'Sampler EMA β (shown)', group: 'DxDP', kind: 'number', min: 0, max: 0.999, step: 0.001, default: 0.99, help: 'Exponential moving average of the sampler weights: the samples, sliced W₂ and modes shown are the averaged sampler\'s; training uses the live one. Ours (standard for diffusion samplers), not the paper\'s 2D setting. 0 = show the live sampler.' },
  { key: 'tau0Twin', label: 'τ = 0 twin', group: 'DxDP', kind: 'bool', default: false, help: 'Also run DxMI with τ = 0 from the same start (the same fitted DDPM, initial nets and random streams), drawn in its own plane beside the main one; sliced W₂ and modes of both on the charts. Doubles the cost of an iteration.' },
  { key: 'batch', label: 'Batch B', group: 'training', kind: 'int', min: 16, max: 4096, scale: 'log', default: 256, help: 'Trajectories per iteration (and data points per energy step).' },
  { key: 'energyLr', label: 'lr energy', group: 'training', kind: 'number', min: 1e-5, max: 0.1, scale: 'log', default: 3e-3, help: 'Adam learning rate of the energy.' },
  { key: 'valueLr', label: 'lr value', group: 'training', kind: 'number', min: 1e-5, max: 0.1, scale: 'log', default: 1e-3, help: 'Adam learning rate of the value functions.' },
  { key: 'samplerLr', label: 'lr sampler', group: 'training', kind: 'number', min: 1e-6, max: 0.1, scale: 'log', default: 1e-4, help: 'Adam learning rate of the policy (MLP mean and log σ_t).' },
  { key: 'sigmaLr', label: 'lr σ_t', group: 'training', kind: 'number', min: 1e-6, max: 0.1, scale: 'log', default: 1e-4, help: 'Adam learning rate of the learnable log σ_t (the official code has a separate σ learning rate). Adam moves log σ by at most about this much per iteration, so at 1e-4 the σ_t barely move in 1000 iterations (with or without the entropy term); 1e-2 lets them find their level, and then τ decides it: τ = 0 shrinks them.' },
  { key: 'probeX', label: 'Probe x', group: 'anomaly', kind: 'number', min: -100, max: 100, default: 0, live: true, help: 'Click the energy plane: the energy at the clicked point shows in the status line.' },
  { key: 'probeY', label: 'Probe y', group: 'anomaly', kind: 'number', min: -100, max: 100, default: 0, live: true, help: 'Click the energy plane: the energy at the clicked point shows in the status line.' },
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 200, scale: 'log', default: 5, live: true, help: 'Iterations per drawn frame.' },
  { key: 'paths', label: 'Trajectories', group: 'view', kind: 'bool', default: true, live: true, help: 'A few trajectories x_0 → x_T of the policy.' },
] as const satisfies readonly ParamSpec[];

/** what the experiment, its evaluator and the τ = 0 twin read, typed from the specs above */
export type DxmiParams = ParamsOf<typeof dxmiParams>;

export const isMixtureData = (p: P): boolean => p.data === '8gaussians' || p.data === 'custom';
