// Score-mismatch lab schema: every URL key, its range and help text. Two modes share the sampler keys:
// 'cond' (zero-shot conditional rules on a prior + linear measurement) and 'uncond' (a mismatched score).
import type { Mixture } from '../../core/types';
import { RULE_IDS } from '../../core/mismatch/measurement';
import type { ModeParamsOf, ParamSpec, ParamValue } from '../types';
import { forModes } from '../modes';

type P = Record<string, ParamValue>;
const cond = (p: P) => p.mode !== 'uncond';
const uncond = (p: P) => p.mode === 'uncond';
/** unconditional mode with the user's own target and a training mixture: two editable mixtures */
const bothEditable = (p: P) => uncond(p) && p.target === 'custom' && p.score === 'mixture';
const editsTraining = (p: P) => bothEditable(p) && p.edit === 'training';
const gaussPrior = (p: P) => (cond(p) && p.prior === 'gaussian') || (uncond(p) && p.target === 'gaussian');

export const PRIOR_IDS = ['gaussian', 'two-modes', '8gaussians', 'hexagon', 'custom'] as const;
export const TARGET_IDS_UNCOND = ['gaussian', 'two-modes', '8gaussians', 'hexagon', 'custom'] as const;

export const DEFAULT_CUSTOM: Mixture = [
  { w: 1, mean: [-1.5, -1], cov: [0.4, 0.2, 0.4] },
  { w: 1, mean: [1.5, 1], cov: [0.4, -0.2, 0.4] },
];
/** the default "training" mixture: Two unequal modes with the weights evened out and one mean shifted */
export const DEFAULT_TRAIN: Mixture = [
  { w: 0.5, mean: [-2, 0.8], cov: [0.36, 0, 0.36] },
  { w: 0.5, mean: [2.5, 1.5], cov: [1, 0, 1] },
];

const labels = {
  prior: ['Gaussian (editable covariance)', 'Two unequal modes', '8 Gaussians', 'Hexagon (6 Gaussians)', 'My mixture (edit in plot)'],
  rule: ['Oracle (exact conditional score)', 'Unconditional (ignores y)', 'DDNM', 'BO-DDNM', 'DPS (step ζ)', 'ΠGDM', 'DDNM+ (DDNM code: DDIM-η, noise per direction)'],
};

export const mismatchParams = [
  { key: 'seed', label: 'Seed', group: 'run', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1, help: 'All randomness flows from this number: the same seed replays the same run.' },
  { key: 'mode', label: 'Mode', group: 'problem', kind: 'enum', values: ['cond', 'uncond'], valueLabels: ['Zero-shot conditional (y = A x0 + n)', 'Unconditional, mismatched score'], default: 'cond', help: 'Conditional: sample the posterior p(x0 | y) with a zero-shot rule built from the prior score. Unconditional: sample a target with a score that belongs to something else.' },
  // --- conditional: the prior
  ...forModes(['cond'], [
    { key: 'prior', label: 'Prior', group: 'problem', kind: 'enum', values: PRIOR_IDS, valueLabels: labels.prior, default: 'gaussian', help: 'A Gaussian prior keeps every rule affine, so the sampler\'s law and KL(Q_{1|y} ‖ P_{1|y}) are exact (no sampling noise). Mixture priors: KL and W2 are estimated from samples.' },
  ]),
  // --- both modes: a Gaussian's moments, a mixture's components
  { key: 'mx', label: 'Prior mean x₁', group: 'problem', kind: 'number', min: -5, max: 5, step: 0.1, default: 0, when: gaussPrior, help: 'Mean of the Gaussian prior, first coordinate.' },
  { key: 'my', label: 'Prior mean x₂', group: 'problem', kind: 'number', min: -5, max: 5, step: 0.1, default: 0, when: gaussPrior, help: 'Mean of the Gaussian prior, second coordinate.' },
  { key: 'cxx', label: 'Prior Σ₁₁', group: 'problem', kind: 'number', min: 0, max: 9, step: 0.05, default: 1, when: gaussPrior, help: 'Prior covariance [[Σ₁₁, Σ₁₂], [Σ₁₂, Σ₂₂]]; it must be positive semi-definite (Σ₁₂² ≤ Σ₁₁Σ₂₂).' },
  { key: 'cxy', label: 'Prior Σ₁₂', group: 'problem', kind: 'number', min: -9, max: 9, step: 0.05, default: 0.6, when: gaussPrior, help: 'Prior covariance, off-diagonal (the default 0.6 couples the observed and unobserved coordinates).' },
  { key: 'cyy', label: 'Prior Σ₂₂', group: 'problem', kind: 'number', min: 0, max: 9, step: 0.05, default: 1, when: gaussPrior, help: 'Prior covariance, second diagonal entry.' },
  { key: 'comps', label: 'Components', group: 'problem', kind: 'points', default: DEFAULT_CUSTOM, when: (p) => (cond(p) && p.prior === 'custom') || (uncond(p) && p.target === 'custom' && !editsTraining(p)), help: 'Your mixture: drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width.' },
  // --- conditional: the measurement and the zero-shot rule
  ...forModes(['cond'], [
    { key: 'op', label: 'Operator A', group: 'measurement', kind: 'enum', values: ['row', 'identity'], valueLabels: ['One row [cos φ, sin φ]', 'Identity (denoising)'], default: 'row', help: 'y = A x0 + n. One row observes the projection on the direction φ (φ = 0: A = [1, 0], inpainting x₂ from x₁); the identity observes both coordinates.' },
    { key: 'phi', label: 'Direction φ (deg)', group: 'measurement', kind: 'number', min: -180, max: 180, step: 5, default: 0, when: (p) => p.op === 'row', help: 'Angle of the observed direction.' },
    { key: 'ysrc', label: 'Measurement from', group: 'measurement', kind: 'enum', values: ['point', 'sample'], valueLabels: ['A · (point)', 'A x0 + n with x0 from the prior'], default: 'point', help: 'point: y = A·(y, y₂), set by clicking the plane or the sliders (with φ = 0, y is the measured x₁). sample: x0 is drawn from the prior with the seed and y = A x0 + σ_y n.' },
    { key: 'y', label: 'Measurement point x₁', group: 'measurement', kind: 'number', min: -20, max: 20, step: 0.05, default: 1, when: (p) => p.ysrc !== 'sample', help: 'First coordinate of the measured point (click the plane to set both).' },
    { key: 'y2', label: 'Measurement point x₂', group: 'measurement', kind: 'number', min: -20, max: 20, step: 0.05, default: 0, when: (p) => p.ysrc !== 'sample', help: 'Second coordinate of the measured point (unused by A = [1, 0]).' },
    { key: 'sigmaY', label: 'Noise σ_y (true)', group: 'measurement', kind: 'number', min: 0, max: 2, step: 0.01, default: 0.3, help: 'Standard deviation of the measurement noise. σ_y = 0 is noise-free (DDNM = BO-DDNM there).' },
    { key: 'noiseMismatch', label: 'Sampler assumes another σ_y', group: 'measurement', kind: 'bool', default: false, help: 'Off: BO-DDNM, ΠGDM and DDNM+ use the true σ_y. On: they use σ_y (assumed) below: a noise-level mismatch (DDNM+ assuming 0 is the DDNM code\'s plain DDNM).' },
    { key: 'sigmaYAssumed', label: 'σ_y assumed', group: 'measurement', kind: 'number', min: 0, max: 2, step: 0.01, default: 0.1, when: (p) => p.noiseMismatch === true, help: 'The noise level BO-DDNM, ΠGDM and DDNM+ plug into their formulas.' },
    { key: 'rule', label: 'Zero-shot rule', group: 'sampler', kind: 'enum', values: RULE_IDS, valueLabels: labels.rule, default: 'bo-ddnm', help: 'Each rule is a score s̃_t(x) plugged into the DDPM step, so its mismatch Δ_t = s̃_t − ∇log q_t(x|y) is defined. DDNM+ (from the official DDNM code, ddnm_plus_diffusion: Eq. 17 and 51 there) is not a score rule but its own DDIM-η step x_{t−1} = √ᾱ_{t−1} x̂0⁺ + noise, whose noise level differs on the observed direction and the null space and counts y\'s noise as part of the diffusion noise; its law stays Gaussian (exact KL), its Δ_t is that of the score giving the same mean under the DDPM step, s̃ = (√α_t μ_t(x) − x)/β_t, and its covariance\'s departure from v_t I is charted as ‖V_t − v_t I‖_F. With the assumed σ_y = 0 it is the code\'s plain DDNM (a DDIM-η step, not this lab\'s DDPM-form DDNM). No time travel. ΠGDM uses r_t² = 1 − ᾱ_t (to confirm against the paper). The accumulated mismatch B_T = Σ (β_t/2) E‖Δ_t‖² uses Girsanov weights; the paper\'s exact weights and constants are to confirm against the paper.' },
    { key: 'zeta', label: 'DPS step ζ', group: 'sampler', kind: 'number', min: 0, max: 20, step: 0.05, default: 0.5, when: (p) => p.rule === 'dps', help: 'DPS as a score rule: s̃ = s − ζ ∇ₓ‖y − A x̂0(x)‖² (constant ζ in score units; the DPS paper normalizes ζ by the residual norm per step — to confirm against the paper).' },
    { key: 'eta', label: 'DDNM+ η', group: 'sampler', kind: 'number', min: 0, max: 1, step: 0.05, default: 0.85, when: (p) => p.rule === 'ddnm-plus', help: 'DDIM-η of DDNM+: the fresh-noise share of each step (the DDNM README uses 0.85). Also used for DDNM+ in the sweeps.' },
  ]),
  // --- unconditional: target and mismatched score
  ...forModes(['uncond'], [
    { key: 'target', label: 'Target', group: 'problem', kind: 'enum', values: TARGET_IDS_UNCOND, valueLabels: ['Gaussian (editable covariance)', 'Two unequal modes', '8 Gaussians', 'Hexagon (6 Gaussians)', 'My mixture (edit in plot)'], default: 'two-modes', help: 'The distribution q0 the sampler should reach. A Gaussian target with a perturbed score keeps the KL in closed form.' },
    { key: 'score', label: 'Mismatched score', group: 'score', kind: 'enum', values: ['mixture', 'perturb', 'learned'], valueLabels: ['Exact score of a training mixture', 'Exact score + perturbation', 'Learned MLP (DSM)'], default: 'mixture', help: 'What the sampler uses instead of ∇log q_t: another mixture\'s exact noised score, the exact score plus ε·u(x), or an MLP trained for a chosen number of steps.' },
    // the plane's handles bind to the FIRST visible 'points' param (ui/plane-bindings.ts): with two editable
    // mixtures, `edit` hides the other one from the visible list, and the experiment outlines it instead
    { key: 'edit', label: 'Handles edit', group: 'score', kind: 'enum', values: ['target', 'training'], valueLabels: ['Target mixture (q0)', 'Training mixture (the sampler\'s score)'], default: 'target', live: true, when: bothEditable, help: 'Both mixtures are yours: choose which one the handles on the plane edit. The other is drawn as 2σ ellipse outlines.' },
    { key: 'train', label: 'Training mixture', group: 'score', kind: 'points', default: DEFAULT_TRAIN, when: (p) => p.score === 'mixture' && (p.target !== 'custom' || editsTraining(p)), help: 'The mixture whose score the sampler uses (edit it in the plot: drag, shift-click, alt-click, wheel).' },
    { key: 'perturb', label: 'Perturbation u(x)', group: 'score', kind: 'enum', values: ['shift', 'swirl'], valueLabels: ['Shift (1, 0)', 'Swirl (−x₂, x₁)'], default: 'shift', when: (p) => p.score === 'perturb', help: 's̃_t = ∇log q_t + ε u(x), the same at every t.' },
    { key: 'eps', label: 'Perturbation ε', group: 'score', kind: 'number', min: -5, max: 5, step: 0.05, default: 0.3, when: (p) => p.score === 'perturb', help: 'Size of the perturbation.' },
    { key: 'trainSteps', label: 'Training steps', group: 'score', kind: 'int', min: 0, max: 20000, scale: 'log', default: 300, when: (p) => p.score === 'learned', help: 'DSM training steps of the MLP before sampling: fewer steps, more mismatch.' },
    { key: 'hidden', label: 'MLP width', group: 'score', kind: 'int', min: 8, max: 256, default: 64, when: (p) => p.score === 'learned', help: 'Hidden width of the score MLP.' },
  ]),
  // --- sampler
  { key: 'T', label: 'Steps T', group: 'sampler', kind: 'int', min: 2, max: 2000, scale: 'log', default: 200, help: 'Number of reverse steps; one iteration is one reverse step.' },
  { key: 'schedule', label: 'Schedule', group: 'sampler', kind: 'enum', values: ['etc', 'linear', 'cosine'], valueLabels: ['ETC (c = 3, β_start = 1e-4; the repo\'s)', 'Linear (score_sde)', 'Cosine'], default: 'etc', help: 'β schedule. ETC: k = 3 log T / T, β_t = k·min(1e-4 (1+k)^t, 1), β₁ = 1e-4.' },
  { key: 'variance', label: 'Reverse variance', group: 'sampler', kind: 'enum', values: ['large', 'small'], valueLabels: ['fixed-large (β_t)', 'fixed-small (σ̃_t²)'], default: 'large', help: 'Variance of each reverse step (the repo uses fixed-large).' },
  { key: 'particles', label: 'Particles', group: 'sampler', kind: 'int', min: 10, max: 20000, scale: 'log', default: 1000, help: 'Number of samples drawn by the sampler (the Gaussian-prior KL needs none: it is exact).' },
  { key: 'sweep', label: 'Report the sweep', group: 'run', kind: 'bool', default: false, help: 'Also report the bias for several T and every rule as metrics (kl_T50_ddnm, …), e.g. for the CLI. Conditional, Gaussian prior: exact KL, T = 20…2000. Conditional, mixture prior: an ESTIMATE from 300-particle runs per rule and T ∈ {20, 50, 100, 200, 500} (KDE KL, SW₂ and exact W₂ to posterior samples), filled in while the run plays. Unconditional mode: sliced W2 of a run per T (slow).' },
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 200, scale: 'log', default: 8, live: true, help: 'Reverse steps per drawn frame.' },
  { key: 'deltaT', label: 'Δ field at t/T', group: 'view', kind: 'number', min: 0, max: 1, step: 0.01, default: 0, live: true, help: 'Where to draw the mismatch field Δ_t = s̃_t − ∇log q_t: 0 follows the run\'s current t; otherwise the fraction t/T.' },
  { key: 'density', label: 'Density', group: 'view', kind: 'enum', values: ['log', 'density', 'off'], valueLabels: ['log-density', 'density', 'off'], default: 'density', live: true, help: 'Heatmap and contours of the exact target (posterior) at the particles\' noise level.' },
  { key: 'field', label: 'Mismatch field Δ_t', group: 'view', kind: 'bool', default: true, live: true, help: 'Arrows of Δ_t(x) = s̃_t(x) − ∇log q_t(x) (white).' },
] as const satisfies readonly ParamSpec[];

type Specs = typeof mismatchParams;
/** what each mode's experiment reads: its own keys and the shared ones, typed from the specs above */
export type CondParams = ModeParamsOf<Specs, 'mode', 'cond'>;
export type UncondParams = ModeParamsOf<Specs, 'mode', 'uncond'>;
/** the lab's params: one of its two modes, told apart by `mode` */
export type MismatchParams = CondParams | UncondParams;
