// Classroom demos for the DxMI lab. Each sets only the keys it cares about; the rest are defaults.
import type { Preset } from '../types';

export const dxmiPresets: readonly Preset[] = [
  {
    id: 'sharpen-ddpm',
    topics: ['energy models', 'diffusion', 'training'],
    title: 'DxMI sharpens a 4-step DDPM on 8 Gaussians',
    lookFor:
      'First a 4-step DDPM is fitted to the data: with so few steps its samples (red) are a blurry ring around the eight modes (white), and "sliced W₂ to the data" starts at the DDPM baseline. Then DxMI trains the sampler with the energy as reward: its mean moves pull the samples toward the modes and sliced W₂ falls to about half the baseline within ~400 iterations. They stay visibly wider than the data: the sample entropy stays above the data\'s (≈ 3.5 against 2.8 nats), because τ = 0.1 rewards keeping noise, and at the default lr σ_t = 1e-4 the σ_t hardly move (0.103 → 0.112; the "without entropy" presets raise it to 1e-2). The energy gap E_data[E] − E_π[E] turns negative and stays there (−0.06 … −0.23): the energy still tells data from samples, so the two models are not at equilibrium after 1000 iterations; that same gap makes the energy an anomaly detector (AUROC 0.69 → 0.90). Measured (1000 iterations, seeds 1/2/3): sliced W₂ 0.347 → 0.166, 0.363 → 0.159, 0.325 → 0.213 (52/56/34% lower), 8/8 modes, AUROC 0.901/0.907/0.916 (the true density itself scores 0.92). Longer runs lose AUROC again (0.86–0.90 at 1500). The 2D settings are ours: to confirm against the paper.',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0.1 },
    steps: 1000,
  },
  {
    id: 'no-entropy',
    topics: ['energy models', 'regularization', 'mode collapse'],
    title: 'Without entropy (τ = 0)',
    lookFor:
      'DxMI with the entropy term removed (τ = 0), at the settings where its effect shows: σ_t learn fast (lr σ_t = 1e-2) and the sampler moves fast (lr sampler 5e-4). Nothing rewards the sampler for keeping its noise, so σ_t collapse (σ_t chart: down to ~0.015), the sampler chases the lowest energy, and the energy in turn chases the sampler: within a few hundred iterations the samples jump between a few modes (modes covered 8 → 1–4, sliced W₂ up to ~2, sample entropy far below the data\'s). The same run with τ = 0.05 is the preset "τ = 0.05 and τ = 0 side by side" (this run is exactly its twin). Measured, seeds 1/2/3 at 1000 iterations: see docs/dxmi-lab.md. 2D settings ours: to confirm against the paper.',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0, samplerLr: 5e-4, sigmaLr: 1e-2 },
    steps: 1000,
  },
  {
    id: 'entropy-side-by-side',
    topics: ['energy models', 'regularization', 'mode collapse'],
    title: 'The entropy term matters: τ = 0.05 and τ = 0 side by side (same start)',
    lookFor:
      'Two DxMI runs from the same fitted DDPM, the same initial nets and the same random draws: the main one with τ = 0.05 and a twin with τ = 0 (its own plane; "τ = 0 twin" on the charts). Only the entropy term differs. σ_t learn fast here (lr σ_t = 1e-2; at the default 1e-4 they barely move in 1000 iterations and the two runs stay alike) and the sampler moves fast (lr 5e-4). Watch the σ_t chart: with τ = 0.05 they grow, with τ = 0 they collapse; then the sample entropy and modes charts: the τ = 0 twin drops modes and piles its samples onto a few of them while the τ = 0.05 run keeps all eight. Measured at 1000 iterations (seeds 1/2/3): τ = 0.05 keeps 8/8 modes (sliced W₂ 0.23/0.29/0.29, DDPM 0.35/0.36/0.32); the τ = 0 twin ends on 1/2/1 modes (sliced W₂ 2.6/2.3/2.8), its σ_t at ~0.015 and its sample entropy −0.9/1.1/−1.5 nats against the data\'s 2.8–2.9. The τ = 0.05 run is over-spread (entropy 3.4–3.8) and only 10–33% sharper than the DDPM: the entropy that prevents the collapse also blurs. With lr σ_t at 1e-4 both runs collapse alike. Each iteration costs twice as much. 2D settings ours: to confirm against the paper.',
    params: { data: '8gaussians', T: 4, init: 'ddpm', tau: 0.05, samplerLr: 5e-4, sigmaLr: 1e-2, tau0Twin: true },
    steps: 1000,
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
