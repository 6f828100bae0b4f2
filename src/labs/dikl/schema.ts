import type { LabSchema } from '../types';
import { diklParams } from './params';
import { diklPresets } from './presets';

const OBJECTIVE_NAMES = { dikl: 'DiKL', rkl: 'reverse KL' } as const;

export const diklSchema: LabSchema = {
  id: 'dikl',
  title: 'DiKL: neural samplers by reverse diffusive KL',
  weights: { label: 'generator' },
  paper: 'He, Chen, Zhang, Barber, Hernández-Lobato, "Training Neural Samplers with Reverse Diffusive KL Divergence", AISTATS 2025 (arXiv 2410.12456)',
  iterationMeans: 'one generator update (preceded by the DSM steps of the model-score net)',
  params: diklParams,
  presets: diklPresets,
  defaultSteps: 1500,
  // autodiff network steps (5 DSM steps and a generator update): 92 ms an iteration on WASM, 2 600 on CPU here (the probe's units: engine/bench/probe.ts)
  backendProfile: { net: 11 },
  // legends name the objectives, not "main"/"comparison": {A} is the main generator's, {B} the other one's
  tokens: (p) => {
    const A = OBJECTIVE_NAMES[p.objective === 'rkl' ? 'rkl' : 'dikl'];
    const B = OBJECTIVE_NAMES[p.objective === 'rkl' ? 'dikl' : 'rkl'];
    return { A, B, colours: p.otherObjective === true ? `red: ${A}, white: ${B}` : `red: ${A}` };
  },
  views: [
    { id: 'plane', kind: 'plane', title: 'Generator samples over log p ({colours})', layers: ['density', 'samplesA', 'samplesB', 'handles'], legend: { density: 'target log p', samplesA: 'generator samples, {A}', samplesB: 'generator samples, {B}', handles: 'target components (drag to edit)' } },
    { id: 'modes', kind: 'chart', title: 'Modes covered', metrics: [{ key: 'modes_covered', label: '{A}', range: [0, null], maxKey: 'modes_total' }, { key: 'modes_covered_b', label: '{B}', range: [0, null] }] },
    { id: 'sw2', kind: 'chart', title: 'Sliced W₂ to exact samples', metrics: [{ key: 'sw2', label: '{A}', log: true }, { key: 'sw2_b', label: '{B}', log: true }] },
    { id: 'w2', kind: 'chart', title: 'Exact W₂ on 200-point subsets', metrics: [{ key: 'w2', label: '{A}', log: true }, { key: 'w2_b', label: '{B}', log: true }] },
    // the paper's own evaluation (paperEvery): 10 repeats of 2 000 vs 2 000 points, drawn at the iteration charted
    { id: 'paper-w2', kind: 'chart', title: "Paper's evaluation: exact W₂, 2 000 vs 2 000 points, mean of 10", metrics: [{ key: 'paper_w2', label: '{A}', log: true }, { key: 'paper_w2_b', label: '{B}', log: true }] },
    { id: 'paper-logp', kind: 'chart', title: "Paper's evaluation: mean log p of samples", metrics: [{ key: 'paper_logp', label: '{A}' }, { key: 'paper_logp_b', label: '{B}' }, { key: 'target_logp', label: 'exact target samples' }] },
    { id: 'wells', kind: 'chart', when: (p) => p.target === 'double-well', title: 'Mass in the left well (x₁ < 0)', metrics: [{ key: 'left_well', label: '{A}', range: [0, 1] }, { key: 'left_well_b', label: '{B}', range: [0, 1] }, { key: 'left_well_exact', label: 'exact samples', range: [0, 1] }] },
    { id: 'tvd', kind: 'chart', title: 'Energy-histogram TVD', metrics: [{ key: 'energy_tvd', label: '{A}', range: [0, 1] }, { key: 'energy_tvd_b', label: '{B}', range: [0, 1] }, { key: 'paper_tvd', label: "{A}, paper's evaluation (10 × 2 000)", range: [0, 1] }, { key: 'paper_tvd_b', label: "{B}, paper's evaluation", range: [0, 1] }] },
    { id: 'loss', kind: 'chart', title: 'Score gap and DSM loss', metrics: [{ key: 'loss', label: 'w‖s_ψ − ŝ_target‖²', log: true }, { key: 'dsm_loss', label: 'DSM loss', log: true }] },
    { id: 'levels', kind: 'xy', title: 'Score errors per noise level ({A})', layer: 'levelErrors', xLabel: 'level t', logY: true },
    {
      id: 'inspector', kind: 'plane', title: 'Posterior inspector: p(x0 | x_t), exact (red) vs AIS (white)', layers: ['density', 'postExact', 'postAis', 'marker', 'clickScale'],
      legend: { density: 'target log p', postExact: 'exact p(x0 | x_t) samples', postAis: 'AIS samples', marker: 'x_t (the clicked point)', clickScale: 'components' },
      click: { x: 'probeX', y: 'probeY', hint: 'Click to choose x_t; the level t is the "Inspector level" control.' },
    },
    { id: 'accept', kind: 'chart', title: 'AIS posterior sampler: MALA acceptance', metrics: [{ key: 'accept_rate', label: 'acceptance', range: [0, 1] }] },
  ],
};
