import type { LabSchema } from '../types';
import { dxmiParams } from './params';
import { dxmiPresets } from './presets';

/** number of value small multiples: V(·, t) for t spread over 0..T-1 (every t when T ≤ 4) */
export const VALUE_PANELS = 4;

export const dxmiSchema: LabSchema = {
  id: 'dxmi',
  title: 'DxMI',
  paper: 'Yoon, Hwang, Kwon, Noh, Park 2024: Maximum Entropy Inverse Reinforcement Learning of Diffusion Models with Energy-Based Models (NeurIPS 2024)',
  iterationMeans: 'one DxMI update: a rollout of B trajectories, one energy step, T value (TD) steps and one sampler step (the DDPM fitting before it does not count)',
  params: dxmiParams,
  presets: dxmiPresets,
  defaultSteps: 1000,
  // a rollout and the energy, value and sampler updates by autodiff: 25 ms an iteration on WASM, 286 on CPU here (the probe's units: engine/bench/probe.ts)
  backendProfile: { net: 3 },
  views: [
    { id: 'energy', kind: 'plane', title: 'Energy E(x) (bright = low), data (white), samples (red)', layers: ['energy', 'paths', 'samples', 'data', 'handles'], legend: { energy: 'energy E (bright = low)', paths: 'sampler trajectories', samples: 'samples', data: 'data', handles: 'data components (drag to edit)' }, click: { x: 'probeX', y: 'probeY', hint: 'Click to read the energy of a point (status line).' } },
    { id: 'tau0', kind: 'plane', title: 'τ = 0 twin, same start: its energy, data (white), samples (red)', layers: ['energy_tau0', 'samples_tau0', 'data'], legend: { energy_tau0: 'energy E of the τ = 0 twin (bright = low)', samples_tau0: 'samples of the twin', data: 'data' }, when: (p) => Boolean(p.tau0Twin) },
    ...Array.from({ length: VALUE_PANELS }, (_, k) => ({
      id: `value${k}`, kind: 'plane' as const, small: true, title: `Value V(·, t), panel ${k + 1} (t in the note above)`, layers: [`value${k}`, 'samples'], legend: { [`value${k}`]: 'value V(·, t)', samples: 'samples' },
    })),
    { id: 'sigma', kind: 'bars', title: 'σ_t per step (bars) and velocity scale s_t (ticks)', layer: 'sigma' },
    { id: 'roc', kind: 'xy', title: 'ROC: held-out data vs uniform outliers, scored by E', layer: 'roc', xLabel: 'false-positive rate', legendValues: false },
    { id: 'quality', kind: 'chart', title: 'Sliced W₂ to the data', metrics: [{ key: 'sw2_data', label: 'DxMI sampler', log: true }, { key: 'baseline_sw2', label: 'initial sampler (DDPM)', log: true }, { key: 'sw2_tau0', label: 'τ = 0 twin', log: true }] },
    { id: 'entropy', kind: 'chart', title: 'Sample entropy (k-NN estimate, nats): what the entropy term keeps up', metrics: [{ key: 'entropy_samples', label: 'DxMI sampler' }, { key: 'entropy_tau0', label: 'τ = 0 twin' }, { key: 'entropy_data', label: 'data' }] },
    { id: 'sigmas', kind: 'chart', title: 'Learned σ_t (geometric mean over the learnable steps)', metrics: [{ key: 'sigma_mean', label: 'DxMI sampler', log: true }, { key: 'sigma_mean_tau0', label: 'τ = 0 twin', log: true }] },
    { id: 'gap', kind: 'chart', title: 'Energy gap E_data[E] − E_π[E] (→ 0 at equilibrium)', metrics: [{ key: 'energy_gap', label: 'gap' }] },
    { id: 'auroc', kind: 'chart', title: 'AUROC of the energy', metrics: [{ key: 'auroc', label: 'AUROC', range: [0, 1] }] },
    { id: 'modes', kind: 'chart', title: 'Modes covered', metrics: [{ key: 'modes_covered', label: 'modes covered', range: [0, null], maxKey: 'modes_total' }, { key: 'modes_tau0', label: 'τ = 0 twin', range: [0, null] }] },
    { id: 'losses', kind: 'chart', title: 'TD loss of the value function', metrics: [{ key: 'td_loss', label: 'TD loss', log: true }] },
    { id: 'fit', kind: 'chart', title: 'DDPM fitting before DxMI: DSM loss per fitting step', metrics: [{ key: 'ddpm_loss', label: 'DSM loss' }] },
  ],
};
