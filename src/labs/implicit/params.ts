// Implicit Diffusion lab: every URL key, its range and its help text.
import type { Mixture } from '../../core/types';
import type { ModeParamsOf, ParamSpec, ParamValue } from '../types';
import { targetMenu } from '../../core/targets/catalog';
import { forModes } from '../modes';

type P = Record<string, ParamValue>;
/** θ = logits needs the closed-form mixture score: with a learned base only the MLP correction applies (diffusion mode) */
export const usesLogits = (p: P): boolean => p.param !== 'mlp' && p.base !== 'learned';
const learnedBase = (p: P) => p.base === 'learned';

export const DEFAULT_USER_MIX: Mixture = [
  { w: 1, mean: [-3, 0], cov: [1, 0, 1] },
  { w: 1, mean: [0, -3], cov: [1, 0, 1] },
  { w: 1, mean: [3, 2], cov: [0.6, 0, 0.6] },
];

export const EBM_DATA = ['moons', 'spirals', 'checkerboard', '8gaussians', 'hexagon', 'drawn'] as const;

export const implicitParams = [
  { key: 'seed', label: 'Seed', group: 'run', kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1, help: 'All randomness flows from this number: the same seed replays the same run.' },
  {
    key: 'mode', label: 'Mode', group: 'problem', kind: 'enum', values: ['langevin', 'ebm', 'diffusion'],
    valueLabels: ['Reward training of Langevin (§5.1)', 'Train an energy-based model', 'Fine-tune a diffusion (finite time, queue)'], default: 'langevin',
    help: 'Langevin: θ of the potential V(x, θ) climbs a reward of the Langevin stationary law π*(θ) ∝ exp(−V). EBM: θ of an energy climbs the data likelihood, with π*(θ) sampled by persistent Langevin chains. Diffusion: θ of a T-step denoising sampler climbs a reward minus a KL to the base model, by the queue (T batches at different stages, one reverse step each per θ update).',
  },
  // ---- the potential and its reward: Langevin and diffusion
  ...forModes(['langevin', 'diffusion'], [
    { key: 'target', label: 'Potential', group: 'potential', kind: 'enum', ...targetMenu(['hexagon', 'custom'], { labels: { hexagon: 'Hexagon (the paper)' } }), default: 'hexagon', help: 'Langevin: the potential V(x, θ) = −log Σ w_k N(x; c_k, v_k I). Diffusion: the base model\'s mixture (its exact noised score, or the data the learned score is trained on). The hexagon: c_k = 4(cos kπ/3, sin kπ/3), v_k = 1, weights softmax(1.5, 0, 1.5, 0, 1.5, 0). Your mixture: the handles (widths are made isotropic).' },
    { key: 'comps', label: 'Components', group: 'potential', kind: 'points', default: DEFAULT_USER_MIX, when: (p) => p.target === 'custom', help: 'Drag a mean, shift-click (or hold a finger) to add, alt-click (or hold on a mean) to remove, wheel to change a width. Weights give θ0 (logits = log w); in the diffusion mode, the base model\'s weights.' },
    { key: 'reward', label: 'Reward', group: 'reward', kind: 'enum', values: ['hard', 'smooth', 'bump'], valueLabels: ['Hard (the paper)', 'Smooth', 'Bump (click to place)'], default: 'hard', help: 'Hard: 1{x₁ ≥ 0} exp(−|x − (4, 3.8)|²/20)/2.5 (the code\'s reward_hard). Smooth: sigmoid(x₁/0.5) exp(−|x − (4, 3.8)|²/20)/0.7 (defined, unused in the code). Bump: a Gaussian you place with a click.' },
    { key: 'bumpX', label: 'Bump x₁', group: 'reward', kind: 'number', min: -10, max: 10, step: 0.1, default: -2, live: true, when: (p) => p.reward === 'bump', help: 'Centre of the bump (a plain click on the plane sets it).' },
    { key: 'bumpY', label: 'Bump x₂', group: 'reward', kind: 'number', min: -10, max: 10, step: 0.1, default: -1, live: true, when: (p) => p.reward === 'bump', help: 'Centre of the bump (a plain click on the plane sets it).' },
    { key: 'bumpWidth', label: 'Bump width', group: 'reward', kind: 'number', min: 0.2, max: 8, step: 0.1, default: 1.5, live: true, when: (p) => p.reward === 'bump', help: 'Standard deviation of the bump.' },
    { key: 'paths', label: 'Reward contours', group: 'view', kind: 'bool', default: true, live: true, help: 'Level sets of the reward at 20%, 50% and 80% of its maximum.' },
  ]),
  // ---- reward training of Langevin (§5.1)
  ...forModes(['langevin'], [
    { key: 'param', label: 'θ', group: 'potential', kind: 'enum', values: ['logits', 'means'], valueLabels: ['Mixture logits (the paper)', 'Component means'], default: 'logits', help: 'Which parameters are trained: the logits (the paper; θ0 = (1.5, 0, 1.5, 0, 1.5, 0) on the hexagon) or the centres (the landscape moves; logits fixed).' },
    { key: 'loop', label: 'Loop', group: 'optimizer', kind: 'enum', values: ['single', 'nested', 'exact'], valueLabels: ['Single loop (1 Langevin step per update)', 'Nested loop (K_in steps per update)', 'Exact gradient flow'], default: 'single', help: 'Single: one Langevin step per θ update, particles carried over (Implicit Diffusion). Nested: K_in Langevin steps per update (the baseline). Exact: θ follows the closed-form gradient of J; the particles only sample π*(θ).' },
    { key: 'inner', label: 'Inner steps K_in', group: 'optimizer', kind: 'int', min: 1, max: 500, scale: 'log', default: 20, when: (p) => p.loop === 'nested' || p.nestedRun === true, help: 'Langevin steps per θ update in the nested loop (and in the cost-matched comparison run).' },
    { key: 'warm', label: 'Warm start', group: 'optimizer', kind: 'bool', default: true, when: (p) => p.loop === 'nested' || p.nestedRun === true, help: 'Nested loop: carry the particles over between updates (on) or restart them from N(0, I) each time (off).' },
    { key: 'nestedRun', label: 'Nested run at equal cost', group: 'optimizer', kind: 'bool', default: false, help: 'Also run a nested loop (K_in, warm start as set) that spends the same Langevin steps: one step per iteration, a θ update every K_in. Its exact J is the curve "J nested"; its particles are drawn white.' },
    { key: 'particles', label: 'Particles N', group: 'optimizer', kind: 'int', min: 10, max: 20000, scale: 'log', default: 1000, help: 'Number of Langevin particles (the paper: 1000).' },
    { key: 'gamma', label: 'Langevin step γ', group: 'optimizer', kind: 'number', min: 0.001, max: 2, scale: 'log', default: 0.2, live: true, help: 'X ← X − γ∇ₓV + √(2γ) ξ (the paper: 0.2).' },
    { key: 'eta', label: 'Learning rate η', group: 'optimizer', kind: 'number', min: 0, max: 100, step: 0.01, default: 0.25, live: true, help: 'θ ← θ + η(Γ_R − λΓ_KL). The paper uses 0.1 for 5000 iterations; the default 0.25 shows the same switch 2.5× sooner. Much larger η outruns the particles: they lag π*(θ), the weights over-concentrate and the switch comes late (try 1).' },
    { key: 'lambda', label: 'KL weight λ', group: 'regularizer', kind: 'number', min: 0, max: 10, step: 0.01, default: 0, live: true, help: 'Objective E[R] − λ KL(π_ref ‖ π*(θ)). The official code adds +λ∇KL (ascent, a sign slip); this lab uses the intended −λ.' },
    { key: 'ref', label: 'π_ref', group: 'regularizer', kind: 'enum', values: ['theta0', 'uniform', 'code'], valueLabels: ['π*(θ0)', 'Uniform weights', 'θ0 weights, std 2 (the code)'], default: 'theta0', when: (p) => Number(p.lambda) > 0, help: 'The reference of the KL term. The official code samples θ0\'s weights with std 2 instead of 1 (its hex_random); "π*(θ0)" is the intended one.' },
    { key: 'refBatch', label: 'Reference batch', group: 'regularizer', kind: 'int', min: 1, max: 5000, scale: 'log', default: 1, when: (p) => Number(p.lambda) > 0, help: 'Fresh π_ref samples per update for Γ_KL (the code uses 1: very noisy).' },
  ]),
  // ---- an energy-based model trained by persistent Langevin chains
  ...forModes(['ebm'], [
    { key: 'data', label: 'Data', group: 'ebm', kind: 'enum', ...targetMenu(EBM_DATA, { use: 'name', labels: { hexagon: 'Hexagon' } }), default: 'moons', help: 'The data set the energy is fitted to (the foundation\'s generators).' },
    { key: 'drawn', label: 'Drawn points', group: 'ebm', kind: 'xy', default: new Float32Array(0), when: (p) => p.data === 'drawn', help: 'Draw points on the plane; the energy is fitted to them.' },
    { key: 'energy', label: 'Energy', group: 'ebm', kind: 'enum', values: ['mixture', 'mlp'], valueLabels: ['Gaussian mixture (means, widths, logits)', 'Small MLP'], default: 'mlp', help: 'Mixture: K isotropic components, all parameters trained. MLP: E(x) = MLP(x) + |x|²/(2·8²) (the quadratic keeps the chains from escaping).' },
    { key: 'K', label: 'Components K', group: 'ebm', kind: 'int', min: 1, max: 32, default: 8, when: (p) => p.energy === 'mixture', help: 'Mixture components of the energy.' },
    { key: 'hidden', label: 'MLP width', group: 'ebm', kind: 'int', min: 8, max: 256, default: 32, when: (p) => p.energy === 'mlp', help: 'Hidden width of the energy MLP (2 hidden layers).' },
    { key: 'inner', label: 'Chain steps per update', group: 'ebm', kind: 'int', min: 1, max: 200, scale: 'log', default: 1, help: '1 = the single loop (one Langevin step of the persistent chains per θ update); more = a nested loop.' },
    { key: 'gamma', label: 'Chain step γ', group: 'ebm', kind: 'number', min: 0.0001, max: 1, scale: 'log', default: 0.003, live: true, help: 'Langevin step of the persistent chains, in units of the data spread². Small on purpose: with one step per update, a larger step leaves the chains more diffuse than π_θ (discretization bias), the energy deepens at the data to compensate and the fit runs away (two moons, Adam 0.003: sliced W₂ at iteration 2000 is 0.045 with γ = 0.003, 0.29 with 0.01, 2.8 with 0.03).' },
    { key: 'particles', label: 'Chains', group: 'ebm', kind: 'int', min: 10, max: 10000, scale: 'log', default: 500, help: 'Persistent Langevin chains that sample π_θ (their energies give E_{π_θ}[∇θE]).' },
    { key: 'reinit', label: 'Chain restarts per update', group: 'ebm', kind: 'number', min: 0, max: 1, step: 0.001, default: 0, help: 'Fraction of the chains restarted from N(0, spread²) before each update, as in the replay buffer of Du & Mordatch (2019), which redraws 5% per batch. 0 = purely persistent chains.' },
    { key: 'lr', label: 'Adam learning rate', group: 'ebm', kind: 'number', min: 0.00001, max: 0.1, scale: 'log', default: 0.003, help: 'Adam step on the negative log-likelihood gradient E_data[∇θE] − E_chains[∇θE]. θ must move slowly relative to the chains\' mixing (the single-loop condition): 0.01 outruns them (two moons: sliced W₂ 2.4 at iteration 2000).' },
    { key: 'batch', label: 'Data batch', group: 'ebm', kind: 'int', min: 16, max: 4096, scale: 'log', default: 256, help: 'Data points per update.' },
  ]),
  // ---- fine-tuning a diffusion (finite time, the queue)
  ...forModes(['diffusion'], [
    { key: 'base', label: 'Base model', group: 'diffusion', kind: 'enum', values: ['exact', 'learned'], valueLabels: ['Exact noised mixture score', 'Learned score MLP (trained first)'], default: 'exact', help: 'The score the sampler starts from. Exact: the closed-form noised score of the mixture (Potential). Learned: a score MLP trained by denoising score matching on 10 000 samples of that mixture, in a training phase before the fine-tuning (loss chart); then only the MLP correction can be fine-tuned, since the logits need the closed form.' },
    { key: 'trainSteps', label: 'Base training steps', group: 'diffusion', kind: 'int', min: 1, max: 20000, scale: 'log', default: 1500, when: learnedBase, help: 'DSM (Adam) steps of the base score MLP before the fine-tuning starts; 10 per lab iteration.' },
    { key: 'hidden', label: 'Base MLP width', group: 'diffusion', kind: 'int', min: 8, max: 256, scale: 'log', default: 64, when: learnedBase, help: 'Hidden width of the base score MLP (3 hidden layers, σ-embedding; the Samplers lab\'s net).' },
    { key: 'param', label: 'Fine-tuned θ', group: 'diffusion', kind: 'enum', values: ['logits', 'mlp'], valueLabels: ['Mixture logits (exact reference)', 'MLP ε-correction'], default: 'logits', when: (p) => p.base !== 'learned', help: 'Logits: the fine-tuned score is the exact noised score of the reweighted base mixture, so F(θ) = E[R] − λ KL is known in closed form. MLP: s_θ = s_base − MLP(x, a_t, s_t)/s_t (zero at the start). With a learned base only the MLP correction is used (hidden here).' },
    { key: 'correctionWidth', label: 'Correction width', group: 'diffusion', kind: 'int', min: 4, max: 64, default: 16, when: (p) => !usesLogits(p), help: 'Hidden width of the ε-correction MLP (one tanh layer).' },
    { key: 'loop', label: 'Loop', group: 'diffusion', kind: 'enum', values: ['queue', 'nested'], valueLabels: ['Queue (1 sampler step per update)', 'Nested (T sampler steps per update)'], default: 'queue', help: 'Queue: T batches in flight at stages 0..T−1, every one advanced one reverse step per θ update; the finished batch gives the gradient by backprop through its recorded steps (made with the last T θs). Nested: a fresh batch runs all T steps with the current θ before each update.' },
    { key: 'nestedRun', label: 'Nested run at equal cost', group: 'diffusion', kind: 'bool', default: true, when: (p) => p.loop !== 'nested', help: 'Also run the nested loop with the same sampler steps (one per iteration, a θ update every T): curves "nested" on the cost chart.' },
    { key: 'T', label: 'Sampler steps T', group: 'diffusion', kind: 'int', min: 2, max: 100, default: 10, help: 'DDPM reverse steps (linear VP schedule); also the queue length.' },
    { key: 'batch', label: 'Batch per slot', group: 'diffusion', kind: 'int', min: 4, max: 1024, scale: 'log', default: 64, help: 'Points per queue slot; the finished batch of this size gives each gradient.' },
    { key: 'eta', label: 'Learning rate', group: 'diffusion', kind: 'number', min: 0, max: 100, step: 0.01, default: 4, live: true, when: usesLogits, help: 'SGD on the logits: θ ← θ + η g.' },
    { key: 'lr', label: 'Adam learning rate', group: 'diffusion', kind: 'number', min: 0.00001, max: 0.1, scale: 'log', default: 0.01, live: true, when: (p) => !usesLogits(p), help: 'Adam step size of the MLP correction (ascent on the objective).' },
    { key: 'lambda', label: 'KL weight λ', group: 'diffusion', kind: 'number', min: 0, max: 10, step: 0.01, default: 0.05, live: true, help: 'Objective E[R(x0)] − λ·(path KL to the base): Σ_t |μ_θ − μ_base|²/(2σ̃_t²) along each trajectory, which tends to KL(p_θ ‖ p_base) as T grows. With logits the optimum is about w ∝ w_base·exp(r/λ).' },
  ]),
  // ---- run and view
  { key: 'speed', label: 'Speed', group: 'run', kind: 'int', min: 1, max: 1000, scale: 'log', default: 20, live: true, help: 'Iterations per drawn frame.' },
  { key: 'density', label: 'Potential', group: 'view', kind: 'enum', values: ['log', 'density', 'off'], valueLabels: ['−V (log-density)', 'exp(−V)', 'off'], default: 'log', live: true, help: 'Heatmap and contours of π*(θ) ∝ exp(−V(·, θ)).' },
] as const satisfies readonly ParamSpec[];

type Specs = typeof implicitParams;
/** what each mode's experiment reads: its own keys and the shared ones, typed from the specs above */
export type LangevinParams = ModeParamsOf<Specs, 'mode', 'langevin'>;
export type EbmParams = ModeParamsOf<Specs, 'mode', 'ebm'>;
export type DiffusionParams = ModeParamsOf<Specs, 'mode', 'diffusion'>;
/** the lab's params: one of its modes, told apart by `mode` */
export type ImplicitParams = LangevinParams | EbmParams | DiffusionParams;
