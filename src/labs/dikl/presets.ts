// Classroom demos for the DiKL lab (the paper's MoG-40 figure, repo GIF assets/compare_crop.gif).
import type { Preset } from '../types';

/** the MoG-40 paper check's settings, shared by mog40-dikl, mog40-rkl and mog40-compare so that the two objectives
 *  differ in nothing else (docs/dikl-lab.md, "The paper check"): width 256, 5 DSM steps per update, w = s²/a² (an
 *  official weighting), the generator lr decayed by a cosine over the run (ours) */
const MOG40_CHECK = { target: 'mog40', targetScore: 'exact', width: 256, dsmSteps: 5, weighting: 's2-over-a2', lrSchedule: 'cosine', lrIters: 2500 } as const;
const MOG40_STEPS = 2500;

export const diklPresets: readonly Preset[] = [
  {
    id: 'mog40-compare',
    topics: ['mode collapse', 'training'],
    title: 'Reverse KL collapses, DiKL covers the modes',
    lookFor: 'Two generators from the same initial weights on MoG-40: red is trained with DiKL, white with plain reverse KL. Both start as a blob at the origin. Reverse KL only sees the target score where its samples already are, so it settles on the few modes near the origin; DiKL also compares the heavily noised densities, where the far modes are visible, and spreads out to cover them. Watch the "modes covered" chart.',
    params: { ...MOG40_CHECK, objective: 'dikl', otherObjective: true },
    steps: MOG40_STEPS,
  },
  {
    id: 'mog40-spread',
    topics: ['mode collapse', 'training'],
    title: 'Scaled generator output: DiKL spreads within a hundred updates',
    lookFor: 'The same comparison with the generator output multiplied by the target\'s spread d ≈ 23 (not the paper\'s generator; width 128). Adam now moves the samples d times faster: DiKL covers 22 of the 40 modes after 100 updates and 31 after 1 000. Reverse KL stays mode-seeking even so: it wanders between 3 and 11 modes (10 at 1 000), about as few as with the plain generator, so the scale speeds up DiKL without rescuing reverse KL.',
    params: { target: 'mog40', objective: 'dikl', otherObjective: true, targetScore: 'exact', genScale: 'spread', width: 128, dsmSteps: 5 },
    steps: 1000,
  },
  {
    id: 'mog40-dikl',
    topics: ['mode collapse', 'training'],
    title: 'DiKL on MoG-40',
    lookFor: 'The generator spreads from the origin over the [−56, 56]² box and finds the 40 modes; modes covered climbs, sliced W₂ and the energy-histogram TVD fall. The score-error plot shows the model score net catching up with the target score at every level.',
    params: { ...MOG40_CHECK, objective: 'dikl' },
    steps: MOG40_STEPS,
  },
  {
    id: 'mog40-rkl',
    topics: ['mode collapse', 'training'],
    title: 'Plain reverse KL on MoG-40',
    lookFor: 'The same generator trained by reverse KL at the smallest noise level, with the exact target score: it is mode-seeking and covers only the handful of modes near where it started.',
    params: { ...MOG40_CHECK, objective: 'rkl' },
    steps: MOG40_STEPS,
  },
  {
    id: 'mog40-ais',
    topics: ['score error', 'MCMC', 'training'],
    title: "DiKL with the paper's posterior sampler",
    lookFor: "The target noisy score now comes from the mixed score identity with the paper's IS → AIS → MALA posterior samples instead of the closed form: noisier, slower, but it still covers the modes. Click the inspector plane to compare the estimator's posterior samples (white) with exact ones (red).",
    params: { target: 'mog40', objective: 'dikl', targetScore: 'msi-ais', isSamples: 10, aisSteps: 15, aisStep: 0.5, malaSteps: 5, malaStep: 0.01 },
    steps: 2000,
  },
  {
    id: 'mog40-paper',
    topics: ['training', 'mode collapse'],
    title: 'Official MoG-40 configuration (slow)',
    lookFor: 'The official config: width 400, depth 4, batch 1024, 50 DSM steps per update at lr 1e-4, AIS posterior sampler. Far too slow to converge live: one update takes several seconds here (~15 s on a busy 2-core machine) and the paper runs 100 000; here to show the settings, and the recommended run is 10 updates.',
    params: { target: 'mog40', objective: 'dikl', targetScore: 'msi-ais', width: 400, depth: 4, batch: 1024, dsmSteps: 50, lr: 1e-3, scoreLr: 1e-4, T: 30, betaEnd: 0.7, genScale: 'plain' },
    steps: 10,
  },
  {
    id: 'double-well',
    topics: ['MCMC', 'training', 'mode collapse'],
    title: 'Double well with AIS',
    lookFor: "The 2D double well has no closed-form noised score, so the target score always comes from the AIS estimator. The settings are the official MW-32 config (β_end 0.15, w = 1/a, AIS with HMC ε = 0.3 → MALA h = 0.045, MALA step 0.05): with MoG-40's β_end = 0.7 the proposal N(x_t/a, (s/a)²) is so wide that AIS often ends far out, where the quartic score is huge. DiKL puts mass in both wells: the “Mass in the left well” chart ends near 0.27 after 1 000 updates (seed 1), against 0.16 for exact samples, so the shallower left well gets too much but neither is lost.",
    params: { target: 'double-well', objective: 'dikl', targetScore: 'msi-ais', weighting: 'inv-a', betaEnd: 0.15, aisStep: 0.045, malaStep: 0.05 },
    steps: 1000,
  },
  {
    id: '8g-compare',
    topics: ['mode collapse', 'training'],
    title: '8 Gaussians: DiKL vs reverse KL',
    lookFor: 'A small ring of eight modes, both generators from the same initial weights (red DiKL, white reverse KL). DiKL covers all eight by update 100; reverse KL has 5 then and 7 at 300, and on a ring this small it is carried to all eight by ~500: here the objectives differ in speed, on MoG-40 in the end state. Watch the energy-histogram TVD disagree with the modes: at update 300 it favours reverse KL (≈ 0.28 against 0.48) while reverse KL covers fewer modes. The TVD compares only the histogram of energies −log p(x), which says how deep in a mode each sample sits, not which mode: samples packed inside a few modes give a good histogram, DiKL\'s wider spread (some samples between modes) a worse one. Modes covered and W₂ see the coverage; by update 800 DiKL is ahead on all of them (paper W₂ 0.49 against 0.60).',
    params: { target: '8gaussians', objective: 'dikl', otherObjective: true },
    steps: 800,
  },
];
