import type { LabSchema } from '../types';
import { implicitParams } from './params';
import { implicitPresets } from './presets';

export const implicitSchema: LabSchema = {
  id: 'implicit',
  title: 'Implicit Diffusion',
  paper: 'Marion, Korba, Bartlett, Blondel, De Bortoli, Doucet, Llinares-López, Paquette, Berthet, "Implicit Diffusion: Efficient Optimization through Stochastic Sampling" (AISTATS 2025)',
  iterationMeans: 'one update of θ (Langevin mode: preceded by 1 Langevin step of every particle in the single loop, K_in in the nested loop; EBM mode: one Adam step with the chains advanced 1 or K steps)',
  params: implicitParams,
  presets: implicitPresets,
  defaultSteps: 2400,
  views: [
    { id: 'plane', kind: 'plane', title: 'π*(θ) ∝ exp(−V(·, θ)): particles (red) and reward contours; EBM: chains (red), data (white)', layers: ['heat', 'rewardContours', 'particles', 'others', 'handles'], click: { x: 'bumpX', y: 'bumpY', hint: 'click to place the reward bump' } },
    { id: 'weights', kind: 'bars', title: 'Weights w(θ) (Langevin: ticks = exact gradient flow; EBM: mixture energy)', layer: 'weights' },
    { id: 'J', kind: 'chart', title: 'Objective J over iterations', metrics: [{ key: 'J_exact', label: 'J(θ) exact' }, { key: 'reward', label: 'particle mean of R' }, { key: 'J_flow', label: 'exact gradient flow' }, { key: 'J_nested', label: 'J nested (equal cost)' }] },
    { id: 'Jcost', kind: 'chart', title: 'J against ∇V evaluations', x: { key: 'grad_evals', label: 'cumulative ∇ₓV evaluations (per particle)' }, metrics: [{ key: 'J_exact', label: 'J(θ) exact' }, { key: 'J_nested', label: 'J nested (equal cost)' }] },
    { id: 'whist', kind: 'chart', title: 'Weights over iterations', metrics: [1, 2, 3, 4, 5, 6].map((k) => ({ key: `w${k}`, label: `w${k}` })) },
    { id: 'cos', kind: 'chart', title: 'Cosine(particle gradient, exact gradient)', metrics: [{ key: 'grad_cosine', label: 'cosine' }] },
    { id: 'ebmfit', kind: 'chart', title: 'EBM fit: sliced W₂(chains, data)', metrics: [{ key: 'sw2', label: 'sliced W₂', log: true }] },
    { id: 'ebmgap', kind: 'chart', title: 'EBM: mean energy of data vs chains', metrics: [{ key: 'E_data', label: 'E(data)' }, { key: 'E_chains', label: 'E(chains)' }] },
  ],
};
