import type { LabSchema } from '../types';
import { mismatchParams } from './params';
import { mismatchPresets } from './presets';

export const mismatchSchema: LabSchema = {
  id: 'mismatch',
  title: 'Score mismatch',
  paper: 'Liang, Ju, Liang, Shroff, "Theory on Score-Mismatched Diffusion Models and Zero-Shot Conditional Samplers" (ICLR 2025, arXiv 2410.13746)',
  iterationMeans: 'one reverse DDPM step t → t−1 of every particle (a learned score first trains, 10 DSM steps per iteration)',
  params: mismatchParams,
  modeKey: 'mode',
  presets: mismatchPresets,
  defaultSteps: 2000, // a run stops when the sampler is done (T ≤ 2000): the CLI always finishes it
  // op-by-op rule steps with mixture scores: 0.75 ms an iteration on WASM, 1.9 on CPU here (the probe's units: engine/bench/probe.ts)
  backendProfile: { mixture: 0.4, ops: 0.1 },
  views: [
    {
      id: 'plane', kind: 'plane', when: (p) => p.mode === 'cond', title: 'Exact posterior p(x_t | y) (heatmap), samples (red), exact posterior samples (white), mismatch Δ_t',
      layers: ['density', 'delta', 'measurement', 'outline', 'particles', 'reference', 'truth', 'handles'],
      legend: { density: 'exact posterior p(x_t | y)', delta: 'mismatch Δ_t', measurement: 'measurement {x : A x = y}', outline: 'the other mixture (2σ)', particles: 'samples (this rule)', reference: 'exact posterior samples', truth: 'x0 drawn from the prior', handles: 'prior components (drag to edit)' },
      click: { x: 'y', y: 'y2', hint: 'click: measure this point (y = A·point)', when: (p) => p.ysrc !== 'sample' },
    },
    {
      id: 'uplane', kind: 'plane', when: (p) => p.mode !== 'cond', title: 'Target q_t (heatmap), samples with the mismatched score (red), exact samples of q_t (white), mismatch Δ_t',
      layers: ['density', 'delta', 'outline', 'particles', 'reference', 'handles'],
      legend: { density: 'target q_t', delta: 'mismatch Δ_t', outline: 'the other mixture (2σ)', particles: 'samples, mismatched score', reference: 'exact samples of q_t', handles: 'mixture components (drag to edit)' },
    },
    { id: 'klT', kind: 'xy', title: 'KL(Q₁|y ‖ P₁|y) against T, every rule (Gaussian prior: closed form; mixture prior with "Report the sweep": KDE estimate, 300 samples per T)', layer: 'sweepT', xLabel: 'T (reverse steps)', logX: true, logY: true, current: { key: 'T', label: 'T' }, when: (p) => p.mode === 'cond' && (p.prior === 'gaussian' || p.sweep === true) },
    { id: 'swT', kind: 'xy', title: 'SW₂ to exact posterior samples against T, every rule (estimate, 300 samples per T)', layer: 'sweepSW', xLabel: 'T (reverse steps)', logX: true, logY: true, current: { key: 'T', label: 'T' }, when: (p) => p.mode === 'cond' && p.prior !== 'gaussian' && p.sweep === true },
    { id: 'klSigma', kind: 'xy', title: 'KL(Q₁|y ‖ P₁|y) against σ_y at this T (closed form)', layer: 'sweepSigma', xLabel: 'σ_y', logX: true, logY: true, current: { key: 'sigmaY', label: 'σ_y' }, when: (p) => p.mode === 'cond' && p.prior === 'gaussian' },
    { id: 'biasT', kind: 'xy', title: 'Bias against T: mismatched vs exact score (unconditional)', layer: 'biasT', xLabel: 'T (reverse steps)', logX: true, logY: true, current: { key: 'T', label: 'T' }, when: (p) => p.mode !== 'cond' },
    { id: 'delta', kind: 'chart', title: 'Mean-square mismatch E‖Δ_t‖² at the current step', metrics: [{ key: 'delta2', label: 'E_q‖Δ_t‖²', log: true }, { key: 'var_excess', label: 'DDNM+: ‖V_t − v_t I‖_F (noise not expressible by a score)', log: true }] },
    { id: 'bias', kind: 'chart', title: 'Accumulated mismatch and KL along the run', metrics: [{ key: 'bias_accumulated', label: 'B (running)', log: true }, { key: 'kl_t', label: 'KL(Q_t ‖ P_t), exact', log: true }, { key: 'kl_kde', label: 'KL at t = 1, KDE estimate (mixture prior)', log: true }] },
    { id: 'sw2', kind: 'chart', title: 'Sliced W₂ to exact samples', metrics: [{ key: 'sw2_posterior', label: 'SW₂ to q_t(·|y)', log: true }, { key: 'sw2_target_t', label: 'SW₂ to q_t (unconditional)', log: true }, { key: 'sw2', label: 'SW₂ to target (final)', log: true }, { key: 'w2_posterior', label: 'W₂ to posterior, exact (final)', log: true }] },
    { id: 'loss', kind: 'chart', title: 'Score training loss (DSM)', metrics: [{ key: 'dsm_loss', label: 'DSM loss (one batch)' }, { key: 'dsm_loss_avg', label: 'running mean (100 batches)' }] },
  ],
};
