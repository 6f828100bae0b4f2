import type { LabSchema } from '../types';
import { guidanceParams } from './params';
import { guidancePresets } from './presets';

export const guidanceSchema: LabSchema = {
  id: 'guidance',
  title: 'Gradient guidance',
  paper: 'Guo, Yuan, Yang, Chen, Wang, "Gradient Guidance for Diffusion Models: An Optimization Perspective" (NeurIPS 2024, arXiv 2404.14743)',
  iterationMeans: 'one guidance round: a full guided reverse diffusion of the batch (T steps), after one fine-tuning step of the score in Algorithm 2; with a learned prior, the pre-training phase counts 10 DSM steps per iteration',
  params: guidanceParams,
  presets: guidancePresets,
  defaultSteps: 300,
  // a guided reverse pass with reward gradients per round: 23 ms a round on WASM, 136 on CPU here (the probe's units: engine/bench/probe.ts)
  backendProfile: { net: 1, ops: 4.5 },
  views: [
    { id: 'samples', kind: 'plane', title: 'Samples of this round over the objective (white: data)', layers: ['reward', 'samples', 'data', 'sweepSamples', 'handles'], legend: { reward: 'objective f', samples: 'samples of this round', data: 'data', sweepSamples: 'δ-sweep samples', handles: 'data components (drag to edit)' }, click: { x: 'bx', y: 'by', hint: 'click to place b of f2 (restarts the run)' } },
    { id: 'fieldNaive', kind: 'plane', title: 'Naive guidance G at step t', layers: ['reward', 'fieldNaive', 'data'], legend: { reward: 'objective f', fieldNaive: 'naive guidance G', data: 'data' } },
    { id: 'fieldLoss', kind: 'plane', title: 'Look-ahead guidance G_loss at step t', layers: ['reward', 'fieldLoss', 'data'], legend: { reward: 'objective f', fieldLoss: 'look-ahead guidance G_loss', data: 'data' } },
    { id: 'reward', kind: 'chart', title: 'Reward per round', metrics: [{ key: 'reward_mean', label: 'mean reward' }, { key: 'reward_top4', label: 'top-4 reward' }] },
    { id: 'off', kind: 'chart', title: 'Off-subspace ratio ‖x⊥‖/‖x∥‖ (circle: ‖x‖ − 1), median', metrics: [{ key: 'off_support_ratio', label: 'off-subspace' }], when: (p) => ['line', 'line2', 'circle'].includes(String(p.data)) },
    { id: 'front', kind: 'xy', title: 'Front over δ: mean reward vs off-subspace, G_loss and naive G', layer: 'front', xLabel: 'off-subspace (median over the chains of one δ)', when: (p) => p.sweep === true && ['line', 'line2', 'circle'].includes(String(p.data)) },
    { id: 'sweep', kind: 'xy', title: 'Sweep over δ', layer: 'sweep', xLabel: 'increment δ', current: { key: 'delta', label: 'δ' }, when: (p) => p.sweep === true },
    { id: 'loss', kind: 'chart', title: 'Score DSM loss (pre-training, fine-tuning)', metrics: [{ key: 'dsm_loss', label: 'pre-training' }, { key: 'dsm_loss_avg', label: 'pre-training, running mean' }, { key: 'ft_loss', label: 'fine-tuning' }] },
  ],
};
