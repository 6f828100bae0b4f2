// Classroom demos for the DxMI lab. Each sets only the keys it cares about; the rest are defaults.
import type { Preset } from '../types';

export const dxmiPresets: readonly Preset[] = [
  {
    id: 'sharpen-ddpm',
    topics: ['energy models', 'diffusion', 'training'],
    title: 'DxMI sharpens a 4-step DDPM on 8 Gaussians',
    lookFor:
      'First a 4-step DDPM is fitted to the data: with so few steps its samples (red) are a blurry ring around the eight modes (white), and "sliced W₂ to the data" starts at the DDPM baseline. Then DxMI trains the sampler with the energy as reward: the samples gather onto the modes, sliced W₂ falls well below the baseline, σ_t shrink, and the energy gap E_data[E] − E_π[E] returns towards 0 as the two models reach equilibrium. The energy also becomes an anomaly detector (AUROC). Measured (1000 iterations, seeds 1/2/3): sliced W₂ 0.347 → 0.166, 0.363 → 0.159, 0.325 → 0.213 (52/56/34% lower), 8/8 modes, AUROC 0.901/0.907/0.916 (the true density itself scores 0.92). Longer runs lose AUROC again (0.86–0.90 at 1500). The 2D settings are ours: to confirm against the paper.',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0.1 },
    steps: 1000,
  },
  {
    id: 'no-entropy',
    topics: ['energy models', 'regularization', 'mode collapse'],
    title: 'Without entropy (τ = 0)',
    lookFor:
      'The same run with the entropy term removed (τ = 0): nothing rewards the sampler for keeping its noise, so σ_t can only shrink, and the paper reports that DxMI without entropy degrades. Compare sliced W₂, modes and σ_t with the τ = 0.1 run of the same seed. Measured here (seed 1, 1500 iterations, same start via tau0Twin=1, α = 0.3, live sampler): τ = 0 ends at sliced W₂ 0.192 vs 0.139 with τ = 0.1, both 8/8 modes, but at iteration 1000 τ = 0 was ahead (0.149 vs 0.158): no mode collapse at these 2D settings (ours; to confirm against the paper).',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0 },
    steps: 1500,
  },
  {
    id: 'entropy-side-by-side',
    topics: ['energy models', 'regularization', 'mode collapse'],
    title: 'τ = 0.1 and τ = 0 side by side (same start)',
    lookFor:
      'Two DxMI runs from the same fitted DDPM, the same initial nets and the same random draws: the main one with τ = 0.1 and a twin with τ = 0 (its own plane, and "τ = 0 twin" on the sliced W₂ and modes charts). Only the entropy term differs. Watch σ_t: without entropy nothing keeps the sampler\'s noise up. At these 2D settings (ours) the two end close (seed 1, 1500 iterations: sliced W₂ 0.149 with τ = 0.1 vs 0.146 with τ = 0, both 8 modes). Each iteration costs twice as much.',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0.1, tau0Twin: true },
    steps: 1500,
  },
  {
    id: 'anomaly',
    topics: ['energy models'],
    title: 'The energy as an anomaly detector',
    lookFor:
      'Held-out data points are scored against uniform points in the box by their energy; the ROC curve and AUROC update live. Click the plane to read the energy of any point. Watch where the energy is wrong: regions the sampler never visits (a corner, the gaps between the arms) get no negative samples, so nothing raises their energy — this is what limits the AUROC here (measured on 8 Gaussians with the defaults: 0.90–0.92 at 1000 iterations over seeds 1–3, where the true density scores 0.92; lower again by 1500).',
    params: { data: 'spirals', T: 4, init: 'ddpm' },
    steps: 2000,
  },
  {
    id: 'values',
    topics: ['energy models', 'training'],
    title: 'Value functions at each step',
    lookFor:
      'The small multiples show V(·, t), the expected final energy from x_t under the current sampler: at t = 0 (pure noise) it is nearly flat, and step by step it takes the shape of the energy. DxDP updates the sampler through these values, one step at a time, instead of back-propagating through the whole chain.',
    params: { data: '8gaussians', T: 4, value: 'time' },
    steps: 1000,
  },
  {
    id: 'checkerboard-10',
    topics: ['energy models', 'diffusion'],
    title: 'Checkerboard with T = 10',
    lookFor: 'Ten steps on the VAR schedule of the official code: the DDPM starts less blurry, and DxMI sharpens the square edges.',
    params: { data: 'checkerboard', T: 10 },
    steps: 2000,
  },
];
