import type { LabSchema, ParamValue } from '../types';
import { implicitParams, usesLogits } from './params';
import { implicitPresets } from './presets';

const diff = (p: Record<string, ParamValue>) => p.mode === 'diffusion';
const langevin = (p: Record<string, ParamValue>) => p.mode !== 'diffusion' && p.mode !== 'ebm';
const ebm = (p: Record<string, ParamValue>) => p.mode === 'ebm';
const diffLogits = (p: Record<string, ParamValue>) => diff(p) && usesLogits(p);

export const implicitSchema: LabSchema = {
  id: 'implicit',
  title: 'Implicit Diffusion',
  paper: 'Marion, Korba, Bartlett, Blondel, De Bortoli, Doucet, Llinares-López, Paquette, Berthet, "Implicit Diffusion: Efficient Optimization through Stochastic Sampling" (AISTATS 2025)',
  iterationMeans: 'one update of θ (Langevin mode: preceded by 1 Langevin step of every particle in the single loop, K_in in the nested loop; EBM mode: one Adam step with the chains advanced 1 or K steps; diffusion mode: one reverse step of every queue batch, or all T steps in the nested loop; a learned base first trains for its own counter of DSM steps, 10 per iteration)',
  params: implicitParams,
  modeKey: 'mode',
  presets: implicitPresets,
  defaultSteps: 2400,
  // op-by-op energies, their θ-gradients and the exact flow: 1.25 ms an iteration on WASM, 11 on CPU here (the probe's units: engine/bench/probe.ts)
  backendProfile: { ops: 0.4 },
  views: [
    { id: 'dplane', kind: 'plane', when: diff, title: 'Fine-tuned samples (red, the last finished batches) vs base samples (white), reward contours, log-density of the fine-tuned mixture (θ = logits) or of the base mixture', layers: ['heat', 'rewardContours', 'particles', 'others', 'handles'], legend: { heat: 'log-density (fine-tuned or base mixture)', rewardContours: 'reward contours', particles: 'fine-tuned samples', others: 'base samples', handles: 'base components (drag to edit)' }, click: { x: 'bumpX', y: 'bumpY', hint: 'click to place the reward bump', when: (p) => p.reward === 'bump' } },
    { id: 'dqueue', kind: 'bars', when: diff, title: 'The queue: reverse steps done by each batch in flight (B0 = newest)', layer: 'queue' },
    { id: 'dtrain', kind: 'chart', when: (p) => diff(p) && p.base === 'learned', title: 'Learned base: DSM loss during its training phase', metrics: [{ key: 'dsm_loss', label: 'DSM loss (one batch)' }, { key: 'dsm_loss_avg', label: 'running mean (100 batches)' }] },
    { id: 'dweights', kind: 'bars', when: diffLogits, title: 'Fine-tuned weights softmax(θ) (ticks: the base)', layer: 'weights' },
    { id: 'dobj', kind: 'chart', when: diff, title: 'Reward and regularizer over iterations', metrics: [{ key: 'reward', label: 'batch mean R(x0)' }, { key: 'reward_exact', label: 'E_pθ[R] exact' }, { key: 'reg', label: 'batch path KL' }, { key: 'KL_exact', label: 'KL(pθ ‖ p_base) exact' }] },
    { id: 'dcost', kind: 'chart', when: diff, title: 'Objective against sampler steps', x: { key: 'sampler_steps', label: 'cumulative sequential sampler steps' }, metrics: [{ key: 'F_exact', label: 'F(θ) exact' }, { key: 'F_nested', label: 'F nested (equal cost)' }, { key: 'reward', label: 'batch mean R' }, { key: 'reward_nested', label: 'nested batch mean R' }] },
    { id: 'dcos', kind: 'chart', when: diffLogits, title: 'Cosine(backprop gradient, exact ∇F)', metrics: [{ key: 'grad_cosine', label: 'cosine', range: [-1, 1] }] },
    { id: 'plane', when: langevin, kind: 'plane', title: 'π*(θ) ∝ exp(−V(·, θ)): particles (red) and reward contours', layers: ['heat', 'rewardContours', 'particles', 'others', 'handles'], legend: { heat: 'log π*(θ)', rewardContours: 'reward contours', particles: 'particles (single loop)', others: 'particles of the nested loop', handles: 'components (drag to edit)' }, click: { x: 'bumpX', y: 'bumpY', hint: 'click to place the reward bump', when: (p) => p.reward === 'bump' } },
    { id: 'eplane', when: ebm, kind: 'plane', title: 'The learned energy exp(−E): chains (red), data (white)', layers: ['heat', 'particles', 'others', 'handles'], legend: { heat: 'learned −E (log-density up to a constant)', particles: 'Langevin chains', others: 'data', handles: 'components (drag to edit)' } },
    { id: 'weights', when: langevin, kind: 'bars', title: 'Weights w(θ) (ticks: the exact gradient flow)', layer: 'weights' },
    { id: 'eweights', when: (p) => ebm(p) && p.energy === 'mixture', kind: 'bars', title: 'Mixture energy: component weights', layer: 'weights' },
    { id: 'J', when: langevin, kind: 'chart', title: 'Objective J over iterations', metrics: [{ key: 'J_exact', label: 'J(θ) exact' }, { key: 'reward', label: 'particle mean of R' }, { key: 'J_flow', label: 'exact gradient flow' }, { key: 'J_nested', label: 'J nested (equal cost)' }] },
    { id: 'Jcost', when: langevin, kind: 'chart', title: 'J against ∇V evaluations', x: { key: 'grad_evals', label: 'cumulative ∇ₓV evaluations (per particle)' }, metrics: [{ key: 'J_exact', label: 'J(θ) exact' }, { key: 'J_nested', label: 'J nested (equal cost)' }] },
    { id: 'whist', when: langevin, kind: 'chart', title: 'Weights over iterations', metrics: [1, 2, 3, 4, 5, 6].map((k) => ({ key: `w${k}`, label: `w${k}`, range: [0, 1] as const })) },
    { id: 'cos', when: langevin, kind: 'chart', title: 'Cosine(particle gradient, exact gradient)', metrics: [{ key: 'grad_cosine', label: 'cosine', range: [-1, 1] }] },
    { id: 'ebmfit', when: ebm, kind: 'chart', title: 'EBM fit: sliced W₂(chains, data)', metrics: [{ key: 'sw2', label: 'sliced W₂', log: true }] },
    { id: 'ebmgap', when: ebm, kind: 'chart', title: 'EBM: mean energy of data vs chains', metrics: [{ key: 'E_data', label: 'E(data)' }, { key: 'E_chains', label: 'E(chains)' }] },
  ],
};
