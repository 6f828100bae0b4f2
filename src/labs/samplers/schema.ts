import type { LabSchema } from '../types';
import { samplerParams } from './params';
import { samplerPresets } from './presets';

export const samplersSchema: LabSchema = {
  id: 'samplers',
  title: 'Samplers',
  paper: 'Langevin, MALA, HMC (Neal 2011); DDPM (Ho et al. 2020); DDIM (Song et al. 2021); score SDEs (Song et al. 2021)',
  iterationMeans: 'one sampler step (one Langevin/MALA/HMC move of every particle, or one reverse-diffusion step)',
  params: samplerParams,
  presets: samplerPresets,
  defaultSteps: 500,
  // a fused sampler step, a DSM step while a score is learned, metrics now and then: measured 0.24 ms an iteration on both CPU backends here (the probe's units: engine/bench/probe.ts)
  backendProfile: { mixture: 1, fusedNet: 0.5, ops: 0.1 },
  views: [
    { id: 'plane', kind: 'plane', title: 'Target and particles', layers: ['density', 'fieldExact', 'fieldLearned', 'paths', 'particles', 'handles'], legend: { density: 'target density', fieldExact: 'exact score field', fieldLearned: 'learned score field', paths: 'particle trajectories', particles: 'particles', handles: 'mixture components (drag to edit)' } },
    { id: 'histX', kind: 'hist', title: 'Marginal of x₁', axis: 0, layer: 'histX' },
    { id: 'histY', kind: 'hist', title: 'Marginal of x₂', axis: 1, layer: 'histY' },
    { id: 'quality', kind: 'chart', title: 'Distance to the target', metrics: [{ key: 'sw2', label: 'sliced W₂', log: true }, { key: 'mmd', label: 'MMD²', log: true }] },
    { id: 'modes', kind: 'chart', title: 'Modes covered', metrics: [{ key: 'modes_covered', label: 'modes covered', range: [0, null], maxKey: 'modes_total' }] },
    { id: 'logp', kind: 'chart', title: 'Mean log-density', metrics: [{ key: 'mean_log_density', label: 'E log p(x)' }] },
    { id: 'accept', kind: 'chart', title: 'Acceptance rate', metrics: [{ key: 'accept_rate', label: 'acceptance', range: [0, 1] }] },
    { id: 'loss', kind: 'chart', title: 'Score training loss (DSM)', metrics: [{ key: 'dsm_loss', label: 'DSM loss (one batch)' }, { key: 'dsm_loss_avg', label: 'running mean (100 batches)' }] },
  ],
};
