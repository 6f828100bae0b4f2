// Gradient-guidance lab schema: every URL key, its range and its help text (METHODS.md §4.6).
import type { ParamSpec, ParamsOf, ParamValue } from '../types';
import type { Mixture } from '../../core/types';
import { DATA_IDS, needsLearnedPrior } from '../../core/guidance/types';

const DEFAULT_COMPS: Mixture = [
  { w: 1, mean: [-2, 0], cov: [0.5, 0, 0.5] },
  { w: 1, mean: [2, 1], cov: [0.5, 0, 0.5] },
];

type P = Record<string, ParamValue>;
/** the run uses a network: a learned prior, or Algorithm 2 (which fine-tunes one) */
export const usesNet = (p: P) => p.score === 'learned' || p.algorithm === '2' || needsLearnedPrior(String(p.data));
const TBC = ' (to confirm against the paper)';

export const guidanceParams = [
  { key: 'seed', label: 'Seed', group: 'run', help: 'All randomness flows from this number: the same seed replays the same run.', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1234 },
  {
    key: 'data', label: 'Data', group: 'data', kind: 'enum', values: DATA_IDS,
    valueLabels: ['Line: N(0,1) along v', 'Two Gaussians on a line', 'Unit circle', '8 Gaussians', 'Hexagon (6 Gaussians)', 'Ring of 12', 'Two unequal modes', 'MoG-40 (box ±56)', 'My mixture (edit in plot)', 'Two moons (data, learned)', 'Two spirals (data, learned)', 'Checkerboard (data, learned)', 'Your points (draw or load a file; learned)'],
    help: "What the pre-trained diffusion learned: the 2D analogue of the paper's linear-latent data (a line through the origin at angle φ, a 1D subspace of R²), a two-component mixture on that line, the unit circle (the paper's unit-sphere data), or a foundation target: mixtures have an exact prior (GMM closed forms), the data sets only a learned one. The off-subspace metric is reported for the line and the circle only: the targets fill R² (no subspace to leave).",
    default: 'line',
  },
  { key: 'drawn', label: 'Your points', group: 'data', kind: 'xy', default: new Float32Array(0), help: 'Points drawn on the plane or loaded from a CSV or JSON file; the prior is a score network trained on them (with a little jitter).', when: (p) => p.data === 'drawn', inertWhenHidden: true },
  { key: 'phi', label: 'Angle φ (degrees)', group: 'data', kind: 'number', min: -180, max: 180, step: 1, default: 0, help: 'Direction v = (cos φ, sin φ) of the data line; for the other data it only orients θ.' },
  { key: 'comps', label: 'Components', group: 'data', kind: 'points', default: DEFAULT_COMPS, help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.', when: (p) => p.data === 'custom' },
  { key: 'score', label: 'Prior score', group: 'data', kind: 'enum', values: ['exact', 'learned'], valueLabels: ['Exact (closed form)', 'Learned (MLP, DSM)'], default: 'exact', help: 'Exact: the closed-form noised score, Tweedie mean and Tweedie Jacobian. Learned: an MLP trained first by denoising score matching (G_loss then differentiates through it); the paper\'s off-subspace drift of naive guidance is strongest here. The data sets (moons, spirals, checkerboard) always use the learned prior.' },
  {
    key: 'reward', label: 'Objective f', group: 'objective', kind: 'enum', values: ['f1', 'f2', 'linear'],
    valueLabels: ['f1 = 10 − (θᵀx − 3)²', 'f2 = 5 − ½‖x − b‖', 'linear θᵀx'], default: 'f1',
    help: 'The reward to maximize. θ is a unit vector whose off/on-subspace ratio you set; b is placed by clicking the samples plot.',
  },
  { key: 'ratio', label: 'θ off/on ratio', group: 'objective', kind: 'number', min: 0, max: 100, step: 0.1, default: 9, help: "‖θ⊥‖/‖θ∥‖ relative to the data line: 9 is the paper's off-support θ, 0 an on-support θ.", when: (p) => p.reward !== 'f2' },
  { key: 'bx', label: 'b₁', group: 'objective', kind: 'number', min: -10, max: 10, step: 0.1, default: 4, help: 'First coordinate of the centre b of f2 (click the samples plot to place b).', when: (p) => p.reward === 'f2' },
  { key: 'by', label: 'b₂', group: 'objective', kind: 'number', min: -10, max: 10, step: 0.1, default: 4, help: 'Second coordinate of b.', when: (p) => p.reward === 'f2' },
  {
    key: 'guidance', label: 'Guidance', group: 'guidance', kind: 'enum', values: ['naive', 'gloss'],
    valueLabels: ['naive G = β(y − gᵀx̂0) g', 'look-ahead G_loss = −β∇(y − gᵀx̂0)²'], default: 'gloss',
    help: 'Naive G adds the objective gradient itself (with its off-subspace part); G_loss differentiates the look-ahead loss through the Tweedie mean x̂0(x_t), so it lies in the range of ∂x̂0/∂x_t (tangent to the data).',
  },
  { key: 'delta', label: 'Increment δ', group: 'guidance', kind: 'number', min: 0, max: 5, step: 0.01, default: 0.2, help: 'Target increment of the reward per round: y = δ + gᵀz. The paper uses 0.2 with G_loss and 0.9 with G.' },
  { key: 'sigma', label: 'Reward noise σ', group: 'guidance', kind: 'number', min: 0.001, max: 10, scale: 'log', default: 0.1, help: 'Assumed noise of the reward, Y = f(x) + ε, ε ~ N(0, σ²): sets β_t.' },
  { key: 'betaScale', label: 'β_t scale', group: 'guidance', kind: 'number', min: 0, max: 100, step: 0.1, default: 1, help: 'Multiplies β_t (the code\'s beta_coef).' },
  { key: 'beta', label: 'Constant β', group: 'guidance', kind: 'number', min: 0, max: 10000, default: 0, help: 'When > 0, a constant β replaces β_t (the code\'s --beta). 0 uses β_t.' },
  { key: 'batch', label: 'Batch B', group: 'guidance', kind: 'int', min: 1, max: 1024, scale: 'log', default: 32, help: 'Samples per round (one optimization chain each).' },
  { key: 'rounds', label: 'Rounds', group: 'guidance', kind: 'int', min: 1, max: 5000, scale: 'log', default: 300, help: 'Guidance rounds K; the run stops after K rounds.' },
  { key: 'T', label: 'Diffusion steps T', group: 'guidance', kind: 'int', min: 5, max: 1000, scale: 'log', default: 200, help: 'Reverse DDPM steps per round (cosine schedule, as in the paper).' },
  { key: 'algorithm', label: 'Algorithm', group: 'algorithm', kind: 'enum', values: ['1', '2'], valueLabels: ['1: guided rounds', '2: + fine-tuning the score'], default: '1', help: 'Algorithm 2 also takes one Adam step of denoising score matching on the newest batch before each round (from the start round on). It needs a network, so it always uses the learned prior. Fine-tuning on the latest batch only follows the official code' + TBC + '.' },
  { key: 'ftLr', label: 'Fine-tune lr', group: 'algorithm', kind: 'number', min: 1e-7, max: 0.1, scale: 'log', default: 2e-3, help: 'Adam learning rate of the fine-tuning (the paper uses 1e-6 with a large U-Net; this small MLP needs a larger one to move within tens of rounds).', when: (p) => p.algorithm === '2' },
  { key: 'ftStart', label: 'Fine-tune from round', group: 'algorithm', kind: 'int', min: 0, max: 5000, default: 20, help: 'First round that fine-tunes (paper: 40 with G, 60 with G_loss).', when: (p) => p.algorithm === '2' },
  { key: 'ftSteps', label: 'Fine-tune steps per round', group: 'algorithm', kind: 'int', min: 1, max: 100, default: 10, help: 'Adam DSM steps on the newest batch before each round from the start round on (the paper\'s code takes its fine-tuning steps on the latest batch' + TBC + ').', when: (p) => p.algorithm === '2' },
  { key: 'trainSteps', label: 'Pre-training steps', group: 'learned score', kind: 'int', min: 0, max: 20000, scale: 'log', default: 1500, help: 'DSM steps of the score MLP before the rounds start (10 per iteration of the training phase).', when: usesNet },
  { key: 'hidden', label: 'MLP width', group: 'learned score', kind: 'int', min: 16, max: 512, default: 64, help: 'Hidden width of the score MLP.', when: usesNet },
  { key: 'lr', label: 'Pre-training lr', group: 'learned score', kind: 'number', min: 1e-5, max: 0.1, scale: 'log', default: 0.002, help: 'Adam learning rate of the pre-training.', when: usesNet },
  { key: 'sweep', label: 'δ sweep (front)', group: 'guidance', kind: 'bool', default: false, help: 'Also run chains for 11 increments δ from 0.02 to 0.52 (min(B, 32) samples each) in the same batch, and plot reward against off-subspace distance over δ (the paper\'s Pareto front, Fig. 11).' },
  { key: 'fieldT', label: 'Field at t', group: 'view', kind: 'int', min: 1, max: 1000, default: 20, live: true, help: 'Diffusion step t at which the two guidance fields are drawn. At a grid point x_t the chain\'s previous sample is taken to be z = x̂0(x_t), so y − gᵀx̂0 = δ and the arrows show G = βδ g versus G_loss = 2βδ (∂x̂0/∂x_t)ᵀ g (clamped to T).' },
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 100, scale: 'log', default: 1, live: true, help: 'Rounds per drawn frame.' },
] as const satisfies readonly ParamSpec[];

/** what the experiment reads, typed from the specs above */
export type GuidanceParams = ParamsOf<typeof guidanceParams>;
