// DiKL lab schema: every URL key, its range and its help text (METHODS.md §3.7).
import { formulaSpecs } from '../common/formula-keys';
import type { Mixture } from '../../core/types';
import type { ParamSpec, ParamsOf, ParamValue } from '../types';
import { targetMenu } from '../../core/targets/catalog';

type P = Record<string, ParamValue>;
const usesAis = (p: P) => p.targetScore === 'msi-ais' || p.target === 'double-well' || p.target === 'formula' || p.inspector === true;

export const DIKL_TARGETS = ['mog40', '8gaussians', 'double-well', 'custom', 'formula'] as const;

/** what a formula target changes here (shown under the formula editor) */
const FORMULA_ESTIMATES = 'With a formula the trainer still sees only the density and its score (by autodiff); the noised target score comes from AIS (no closed form). The target samples behind sliced W₂, the energy histogram and the paper evaluation come from a 400 × 400 grid over the box, exact up to its cells. No modes to count.';

export const DEFAULT_COMPS: Mixture = [
  { w: 1, mean: [-3, 0], cov: [0.3, 0, 0.3] },
  { w: 1, mean: [3, 0], cov: [0.3, 0, 0.3] },
  { w: 1, mean: [0, 3], cov: [0.3, 0, 0.3] },
  { w: 1, mean: [0, -3], cov: [0.3, 0, 0.3] },
];

export const diklParams = [
  { key: 'seed', label: 'Seed', group: 'run', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1, help: 'All randomness flows from this number; with a comparison both generators start from the same weights.' },
  {
    key: 'target', label: 'Target', group: 'target', kind: 'enum',
    ...targetMenu(DIKL_TARGETS, { labels: { mog40: 'MoG-40 (paper, [−56, 56]²)', 'double-well': 'Double well (2D, from MW-32)' } }),
    default: 'mog40',
    help: 'The trainer sees only the unnormalized log-density and its score, never samples. Exact samples are used only for the metrics.',
  },
  ...formulaSpecs((p) => p.target === 'formula', FORMULA_ESTIMATES),
  { key: 'comps', label: 'Components', group: 'target', kind: 'points', default: DEFAULT_COMPS, help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.', when: (p) => p.target === 'custom' },
  {
    key: 'objective', label: 'Objective', group: 'objective', kind: 'enum', values: ['dikl', 'rkl'], valueLabels: ['DiKL (all noise levels)', 'Reverse KL (smallest level only)'], default: 'dikl',
    help: 'DiKL sums reverse KL between the noised generator and the noised target over the noise levels t = 1..T−1. Reverse KL is the same estimator at the smallest level only (t = 1), with the exact target score: it is mode-seeking.',
  },
  { key: 'otherObjective', label: 'Compare with the other objective', group: 'objective', kind: 'bool', default: false, help: 'Train a second generator with the other objective from the same seed and the same initial weights; it is drawn in white, the main one in red. Halves the speed.' },
  {
    key: 'weighting', label: 'Weight w(t)', group: 'objective', kind: 'enum', values: ['uniform', 'inv-a', 's2-over-a', 's2-over-a2'], valueLabels: ['uniform', '1/a (paper, MoG-40)', 's²/a', 's²/a²'], default: 'inv-a',
    help: 'Weight of each noise level in the DiKL sum; all four are options of the official code. 1/a (the MoG-40 config) cancels the a in ∂x_t/∂φ; s²/a² leans on the noisy levels, where far modes are visible, and is what the MoG-40 presets use (our choice: it covered the most modes in short runs, docs/dikl-lab.md).', when: (p) => p.objective === 'dikl' || p.otherObjective === true,
  },
  {
    key: 'targetScore', label: 'Target noisy score', group: 'objective', kind: 'enum', values: ['exact', 'msi-exact', 'msi-ais'],
    valueLabels: ['Exact (closed form)', 'MSI, exact posterior samples', 'MSI, AIS + MALA (paper)'], default: 'exact',
    help: 'How ∇log p_t(x_t) is obtained: the closed form of the noised mixture; the mixed score identity a(x0 + ∇log p(x0)) − x_t with one exact posterior sample; or the same identity with the paper\'s importance sampling → AIS → MALA posterior sampler. The double well and a typed formula have no closed form and always use AIS.',
  },
  { key: 'T', label: 'Noise levels T_max', group: 'objective', kind: 'int', min: 3, max: 200, default: 30, help: 'Levels of the discrete VP schedule, β linear from 1e-4 to β_end (paper: 30).' },
  { key: 'betaEnd', label: 'β_end', group: 'objective', kind: 'number', min: 1e-3, max: 0.99, scale: 'log', default: 0.7, help: 'Last β of the linear schedule (paper MoG-40: 0.7, so a_29 ≈ 6.6e-4).' },
  { key: 'width', label: 'Generator width', group: 'networks', kind: 'int', min: 1, max: 512, default: 64, help: 'Hidden width of the generator MLP z → x (paper: 400; 64 keeps an update cheap on WASM). The model-score net uses the same width.' },
  { key: 'depth', label: 'Generator depth', group: 'networks', kind: 'int', min: 1, max: 6, default: 3, help: 'Hidden layers of the generator (paper: 4). The score net has 3.' },
  {
    key: 'genScale', label: 'Generator output', group: 'networks', kind: 'enum', values: ['plain', 'spread'], valueLabels: ['x = MLP(z) (paper)', 'x = d·MLP(z), d = target spread'], default: 'plain',
    help: 'The paper\'s generator is a plain MLP. Scaling its output by the target\'s spread d (≈ 23 for MoG-40) makes Adam move the samples d times faster: DiKL spreads sooner, but plain reverse KL then also drifts onto more modes.',
  },
  { key: 'batch', label: 'Batch', group: 'networks', kind: 'int', min: 8, max: 4096, scale: 'log', default: 256, help: 'Samples per generator update and per DSM step (paper: 1024).' },
  { key: 'dsmSteps', label: 'DSM steps per update', group: 'networks', kind: 'int', min: 0, max: 100, default: 2, help: 'Denoising-score-matching steps of the model-score net on detached generator samples before each generator update (paper: 50; each costs about as much as the generator update).' },
  { key: 'lr', label: 'Generator lr', group: 'networks', kind: 'number', min: 1e-6, max: 0.1, scale: 'log', default: 1e-3, help: 'Adam learning rate of the generator (paper: 1e-3); its gradient norm is clipped at 10.' },
  {
    key: 'lrSchedule', label: 'Generator lr schedule', group: 'networks', kind: 'enum', values: ['constant', 'cosine'], valueLabels: ['constant (paper)', 'cosine decay (ours)'], default: 'constant',
    help: 'The official code keeps the generator lr constant for 100 000 updates. Cosine (ours, for short live runs) decays it from lr to lr/20 over the decay updates, then holds it: the samples settle and the model-score net catches up.',
  },
  { key: 'lrIters', label: 'lr decay updates', group: 'networks', kind: 'int', min: 1, max: 100000, scale: 'log', default: 1500, help: 'Updates over which the cosine schedule decays the generator lr (ours; set it to the run length).', when: (p) => p.lrSchedule === 'cosine' },
  { key: 'scoreLr', label: 'Score-net lr', group: 'networks', kind: 'number', min: 1e-6, max: 0.1, scale: 'log', default: 1e-3, help: 'Adam learning rate of the model-score net (paper: 1e-4 with 50 steps per update; 1e-3 here because there are only 2).' },
  { key: 'isSamples', label: 'IS particles', group: 'posterior sampler', kind: 'int', min: 1, max: 200, default: 10, help: 'Importance-sampling particles per x_t (paper MoG-40: 10).', when: usesAis },
  { key: 'aisSteps', label: 'AIS steps', group: 'posterior sampler', kind: 'int', min: 0, max: 100, default: 15, help: 'Annealing temperatures from the proposal to the posterior, one MALA move each (paper: 15; 0 = plain importance sampling).', when: usesAis },
  { key: 'aisStep', label: 'AIS MALA step h', group: 'posterior sampler', kind: 'number', min: 1e-5, max: 10, scale: 'log', default: 0.5, help: 'Step of the AIS moves. The paper uses HMC with one leapfrog step ε = 1, which is exactly MALA with h = ε²/2 = 0.5.', when: usesAis },
  { key: 'malaSteps', label: 'MALA steps', group: 'posterior sampler', kind: 'int', min: 0, max: 200, default: 5, help: 'MALA steps on the posterior after resampling one particle (paper: 5).', when: usesAis },
  { key: 'malaStep', label: 'MALA step h', group: 'posterior sampler', kind: 'number', min: 1e-5, max: 10, scale: 'log', default: 0.01, help: 'Step of those MALA moves (paper: 0.01, not adapted for MoG-40).', when: usesAis },
  { key: 'inspector', label: 'Posterior inspector', group: 'inspector', kind: 'bool', default: true, live: true, help: 'Click the inspector plane to pick x_t: it shows exact samples of p(x0 | x_t) (mixtures) in red and the AIS estimator\'s in white.' },
  { key: 'probeX', label: 'x_t (x)', group: 'inspector', kind: 'number', min: -1000, max: 1000, default: 0, live: true, help: 'The inspected point x_t, first coordinate (click the inspector plane).' },
  { key: 'probeY', label: 'x_t (y)', group: 'inspector', kind: 'number', min: -1000, max: 1000, default: 0, live: true, help: 'The inspected point x_t, second coordinate.' },
  { key: 'probeT', label: 'Inspector level t', group: 'inspector', kind: 'int', min: 1, max: 199, default: 8, live: true, help: 'Noise level of the inspected x_t (1 = almost clean, T−1 = almost pure noise).' },
  { key: 'show', label: 'Samples shown', group: 'view', kind: 'int', min: 100, max: 100000, scale: 'log', default: 2000, live: true, help: 'How many generator samples to draw each frame (one forward pass: any batch size is instant).' },
  {
    key: 'paperEvery', label: 'Paper evaluation every', group: 'run', kind: 'int', min: 0, max: 100000, scale: 'linear', default: 500, live: true,
    help: 'Every this many updates (0 = never), the paper\'s evaluation of the generator: 10 repeats of 2 000 fresh samples against 2 000 exact target samples — mean log p of the samples, exact W₂ (optimal assignment) and the energy-histogram TVD over 200 bins on the target histogram\'s edges. The W₂ solves take ~20 s and run between updates, so training goes on; the CLI evaluates the final generator.',
  },
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 200, scale: 'log', default: 5, live: true, help: 'Generator updates per drawn frame.' },
  { key: 'density', label: 'Density', group: 'view', kind: 'enum', values: ['log', 'density', 'off'], valueLabels: ['log-density', 'density', 'off'], default: 'log', live: true, help: 'Heatmap and contours of the target log-density.' },
] as const satisfies readonly ParamSpec[];

/** what the experiment reads, typed from the specs above */
export type DiklParams = ParamsOf<typeof diklParams>;
