import type { LabSchema, ParamValue } from '../types';
import { samplerEntry } from '../../core/samplers/catalog';
import { CHAINS, TRACED, WINDOW } from './chain-sizes';
import { samplerParams } from './params';
import { samplerPresets } from './presets';

/** the MCMC diagnostics show for chains, not for a walk down noise levels */
const mcmc = (p: Record<string, ParamValue>) => samplerEntry(p.sampler)?.family === 'mcmc';

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
    { id: 'plane', kind: 'plane', title: 'Target and particles', layers: ['density', 'fieldExact', 'fieldLearned', 'paths', 'particles', 'chain', 'handles'], legend: { density: 'target density', fieldExact: 'exact score field', fieldLearned: 'learned score field', paths: 'particle trajectories', particles: 'particles', chain: 'chain 1: proposals (● accepted, × rejected) and its leapfrog path', handles: 'mixture components (drag to edit)' } },
    { id: 'histX', kind: 'hist', title: 'Marginal of x₁', axis: 0, layer: 'histX' },
    { id: 'histY', kind: 'hist', title: 'Marginal of x₂', axis: 1, layer: 'histY' },
    { id: 'quality', kind: 'chart', title: 'Distance to the target', metrics: [{ key: 'sw2', label: 'sliced W₂', log: true }, { key: 'mmd', label: 'MMD²', log: true }] },
    { id: 'modes', kind: 'chart', title: 'Modes covered', metrics: [{ key: 'modes_covered', label: 'modes covered', range: [0, null], maxKey: 'modes_total' }] },
    { id: 'logp', kind: 'chart', title: 'Mean log-density', metrics: [{ key: 'mean_log_density', label: 'E log p(x)' }] },
    { id: 'accept', kind: 'chart', title: 'Acceptance rate', metrics: [{ key: 'accept_rate', label: 'acceptance', range: [0, 1] }] },
    { id: 'trace', kind: 'chart', title: `Trace of x₁ (chains 1–${TRACED})`, metrics: Array.from({ length: TRACED }, (_, c) => ({ key: `chain${c + 1}`, label: `chain ${c + 1}` })), when: mcmc },
    { id: 'acf', kind: 'xy', title: `Autocorrelation against lag (${CHAINS} chains)`, layer: 'acf', xLabel: 'lag (iterations)', when: mcmc, afterCharts: true },
    { id: 'ess', kind: 'chart', title: 'Effective samples per evaluation', metrics: [{ key: 'ess_per_grad', label: 'ESS per gradient', log: true }, { key: 'ess_per_density', label: 'ESS per density evaluation', log: true }, { key: 'ess_per_iter', label: 'ESS per iteration', log: true }], when: mcmc },
    { id: 'essRate', kind: 'chart', title: 'Effective samples per second (this machine)', metrics: [{ key: 'ess_per_s', label: 'ESS per second', log: true }], when: mcmc },
    { id: 'rhat', kind: 'chart', title: `Split-R̂ (${CHAINS} chains, last ${WINDOW} iterations)`, metrics: [{ key: 'rhat', label: 'split-R̂', range: [1, null] }], when: mcmc },
    // a sampler's own per-step scalars (StepInfo.stats), each chart shown for the sampler that reports it
    { id: 'stepAdapted', kind: 'chart', title: 'Step size tuned by dual averaging', when: (p) => p.sampler === 'hmcda' || p.sampler === 'nuts', metrics: [{ key: 'step_adapted', label: 'ε (geometric mean over the chains)', log: true }] },
    { id: 'treeDepth', kind: 'chart', title: 'NUTS tree depth', when: (p) => p.sampler === 'nuts', metrics: [{ key: 'tree_depth', label: 'doublings kept (mean over the chains)', range: [0, null] }] },
    { id: 'swap', kind: 'chart', title: 'Swap rate', when: (p) => p.sampler === 'pt', metrics: [{ key: 'swap_rate', label: 'accepted swaps (adjacent temperatures)', range: [0, 1] }] },
    { id: 'loss', kind: 'chart', title: 'Score training loss (DSM)', metrics: [{ key: 'dsm_loss', label: 'DSM loss (one batch)' }, { key: 'dsm_loss_avg', label: 'running mean (100 batches)' }] },
  ],
};
