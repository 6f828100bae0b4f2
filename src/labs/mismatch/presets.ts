// Classroom demos for the score-mismatch lab. Each sets only the keys it cares about; the rest are defaults.
import type { Preset } from '../types';

export const mismatchPresets: readonly Preset[] = [
  {
    id: 'ddnm-vs-bo',
    topics: ['inverse problems', 'score error'],
    title: 'DDNM vs BO-DDNM under measurement noise',
    lookFor: 'The paper\'s figure on the default Gaussian prior N(0, [[1, .6], [.6, 1]]), A = [1, 0], σ_y = 0.3, ETC schedule. In "KL against T" every rule is drawn at once, in closed form: the oracle falls toward 0 as T grows, BO-DDNM levels off near 0.09 (a bias that more steps do not remove), and DDNM sits two to three orders of magnitude higher and even grows with T, because it forces A x = y exactly and ignores the noise. On the plane DDNM\'s samples collapse onto the measured line while the exact posterior (white) is spread across it. Switch the rule to BO-DDNM to see the samples match.',
    params: { mode: 'cond', prior: 'gaussian', op: 'row', phi: 0, y: 1, sigmaY: 0.3, rule: 'ddnm', T: 200, schedule: 'etc', variance: 'large' },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'ddnm-plus',
    topics: ['inverse problems', 'score error'],
    title: 'DDNM+: noise-aware, still biased',
    lookFor: 'DDNM+ as in the official DDNM code (η = 0.85, no time travel) on the paper\'s problem (σ_y = 0.3). It counts y\'s noise as part of the diffusion noise: while √(1−ᾱ_{t−1}) > √ᾱ_{t−1} σ_y it sets the observed coordinate of x̂0 to y and adds only the missing noise; later it pulls x̂0 toward y by λ_t per step. "KL against T": DDNM+ ≈ 3–16 for T = 50–2000, two orders below DDNM but ~100× above BO-DDNM (≈ 0.09), and it rises with T, because λ_t does not shrink with the step size. On the plane its samples are much narrower along x₁ than the white posterior. The "mismatch" chart also draws ‖V_t − v_t I‖_F, the part of its per-direction noise no score can express. Try η = 1 (KL ≈ 1), or "sampler assumes another σ_y" with 0: the code\'s plain DDNM (KL ≈ 600).',
    params: { mode: 'cond', prior: 'gaussian', op: 'row', phi: 0, y: 1, sigmaY: 0.3, rule: 'ddnm-plus', eta: 0.85, T: 200, schedule: 'etc', variance: 'large' },
    steps: 2000,
  },
  {
    id: 'bias-persists',
    topics: ['score error', 'diffusion'],
    title: 'The bias does not vanish with more steps',
    lookFor: 'A Gaussian target sampled with its exact score plus a constant push ε = 0.3. "Bias against T" shows the closed-form KL for T = 20…2000: the exact score\'s KL falls toward 0 (pure discretization error), the mismatched one levels off at a floor (≈ 0.17 from T = 200 on) that more steps do not remove. The accumulated mismatch B_T = Σ (β_t/2) E‖Δ_t‖², drawn too, is the mismatch term of the bound on that KL: it does not shrink with more steps either, it grows slowly (0.33 at T = 200, 0.65 at 2 000). Raise ε: the floor rises as ε² (ε = 0.6: ≈ 0.68).',
    params: { mode: 'uncond', target: 'gaussian', score: 'perturb', perturb: 'shift', eps: 0.3, T: 1000, schedule: 'etc' },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'learned-score',
    topics: ['score error', 'training'],
    title: "A learned score's mismatch, and what more training buys",
    lookFor: 'An MLP learns the score of two unequal modes by denoising score matching for only 200 steps, then samples with it. The arrows show Δ_t = s̃_t − ∇log q_t, the chart E‖Δ_t‖² per step, and "Bias against T" the sliced W2 of the learned-score sampler against the exact-score sampler (the floor) for several T: more steps do not close the gap. Set training steps to 3000 and run again: E‖Δ_t‖², B_T and the gap all shrink.',
    params: { mode: 'uncond', target: 'two-modes', score: 'learned', trainSteps: 200, hidden: 64, T: 100 },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'training-mixture',
    topics: ['score error', 'diffusion'],
    title: 'Sampling one mixture with the score of another',
    lookFor: 'The target is two unequal modes (weights 3:1); the sampler uses the exact score of a "training" mixture with equal weights and one mean moved (the handles: drag them). The samples follow the training mixture, not the target; Δ_t is largest between the modes at mid noise levels. Drag the training means onto the target\'s and watch E‖Δ_t‖² and the bias drop.',
    params: { mode: 'uncond', target: 'two-modes', score: 'mixture', T: 200 },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'noise-free',
    topics: ['inverse problems'],
    title: 'Noise-free measurement: BO-DDNM is DDNM',
    lookFor: 'With σ_y = 0 the two rules coincide (their curves in "KL against T" overlap exactly). Both still have a bias that does not vanish: on the null space they use the prior score, not the conditional one, and the prior correlation 0.6 makes those differ.',
    params: { mode: 'cond', prior: 'gaussian', sigmaY: 0, rule: 'bo-ddnm', T: 200 },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'noise-level-mismatch',
    topics: ['inverse problems', 'score error'],
    title: 'BO-DDNM told the wrong noise level',
    lookFor: 'The true σ_y is 0.3 but BO-DDNM and ΠGDM assume 0.05: the mismatch in the observed direction grows and BO-DDNM\'s KL moves toward DDNM\'s. Compare with the "DDNM vs BO-DDNM" preset.',
    params: { mode: 'cond', prior: 'gaussian', sigmaY: 0.3, noiseMismatch: true, sigmaYAssumed: 0.05, rule: 'bo-ddnm', T: 200 },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
  {
    id: 'mixture-prior',
    topics: ['inverse problems', 'diffusion'],
    title: 'Zero-shot rules on a mixture prior',
    lookFor: 'A two-mode prior observed through x₁ only: the exact posterior keeps both modes along the measured line in proportions set by the prior. Here nothing is Gaussian, so KL is estimated from samples (a KDE at t = 1, biased) and E‖Δ_t‖² by Monte Carlo. Try DDNM, BO-DDNM and ΠGDM.',
    params: { mode: 'cond', prior: 'custom', y: 0, sigmaY: 0.3, rule: 'bo-ddnm', T: 200 },
    steps: 2000, // runs to the end of the sampler (CLI; a --sweep over T needs the longest)
  },
];
