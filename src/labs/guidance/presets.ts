// Classroom demos of the Gradient-guidance lab (METHODS.md §4.3–4.4).
import type { Preset } from '../types';

export const guidancePresets: readonly Preset[] = [
  {
    id: 'naive-vs-lookahead',
    topics: ['guidance', 'diffusion'],
    title: 'Naive guidance leaves the subspace, look-ahead guidance does not',
    lookFor: 'A learned prior of data on a line, guided by naive G (δ = 0.9) towards f1 whose θ points mostly off the line. The off-subspace ratio climbs round after round and the samples leave the white line. Switch Guidance to G_loss (δ = 0.2): the ratio stays near zero. In the two field plots G points along θ, G_loss along the line.',
    params: { data: 'line', score: 'learned', reward: 'f1', ratio: 9, guidance: 'naive', delta: 0.9, rounds: 200, T: 100, trainSteps: 1500 },
    steps: 350,
  },
  {
    id: 'regularized-optimum',
    topics: ['guidance', 'regularization'],
    title: 'Guided diffusion stops at a regularized optimum',
    lookFor: 'Exact prior on the line, G_loss, δ = 0.2, 300 rounds. The samples stay exactly on the line (off-subspace ratio 0 up to float error) and the mean reward rises, then levels off far below the maximum 10: the on-line maximizer of f1 needs |u| ≈ 27, deep in the prior\'s tail, and the pre-trained score keeps pulling back (Theorem 2).',
    params: { data: 'line', score: 'exact', reward: 'f1', ratio: 9, guidance: 'gloss', delta: 0.2, rounds: 300 },
    steps: 300,
  },
  {
    id: 'fine-tuning',
    topics: ['guidance', 'fine-tuning', 'training'],
    title: 'Fine-tuning moves past it (Algorithm 2)',
    lookFor: 'Learned prior on the line, G_loss, δ = 0.2, T = 50. From round 20 on, the score network takes 10 DSM steps (lr 2e-3) on each new batch, so the prior itself moves towards the samples: the mean reward climbs to about 9.5 (of 10) by round 50, where Algorithm 1 from the same seed is at 5.7 (6.5 at round 80, still rising slowly). Run longer and the mean falls back to ~5 while the top-4 reward stays at 10: the prior, trained on the newest batch only, overshoots θᵀx = 3 and the batch spreads (off-line ratio ~0.1). The learning rate is far larger than the paper\'s 1e-6 because the network is tiny (to confirm against the paper).',
    params: { data: 'line', score: 'learned', algorithm: '2', reward: 'f1', ratio: 9, guidance: 'gloss', delta: 0.2, rounds: 50, T: 50, ftStart: 20, ftSteps: 10, ftLr: 0.002 },
    steps: 200,
  },
  {
    id: 'front',
    topics: ['guidance', 'regularization'],
    title: 'The reward/fidelity front over δ: G_loss vs naive G',
    lookFor: 'Exact prior on the line, f1 with an off-line θ, the δ sweep on: 11 increments δ from 0.02 to 0.52 run side by side with G_loss and with naive G. In "Front over δ" the G_loss points stand on the vertical axis (off-subspace 0 for every δ, mean reward up to ~5 after 10 rounds), the naive G points lie to the right (median off-subspace 0.13–0.65, growing with δ) and lower (reward ≤ ~3.3): naive guidance buys reward with fidelity, look-ahead guidance does not (paper Fig. 11; its values to confirm against the paper).',
    params: { data: 'line', score: 'exact', reward: 'f1', ratio: 9, guidance: 'gloss', delta: 0.2, batch: 16, rounds: 10, T: 50, sweep: true },
    steps: 10,
  },
  {
    id: 'front-circle',
    topics: ['guidance', 'regularization'],
    title: 'The front on the circle (a weak trade-off in 2D)',
    lookFor: 'Unit circle, linear reward, both sweeps. With the exact circle prior G_loss keeps ‖x‖ − 1 near −3e-4 for every δ; the reward saturates at 1 quickly. The paper\'s 64-D trade-off is much weaker here.',
    params: { data: 'circle', reward: 'linear', ratio: 1, guidance: 'gloss', delta: 0.2, batch: 32, rounds: 8, T: 50, sweep: true },
    steps: 8,
  },
  {
    id: 'f2-click',
    topics: ['guidance'],
    title: 'Move towards a point you click (f2)',
    lookFor: 'f2 = 5 − ½‖x − b‖ with b placed by a click in the samples plot. G_loss moves the samples only along the line (the off-subspace ratio stays 0), so the best they can reach is the point of the line nearest b: for b = (3, 3) that is (3, 0), reward 3.5, and the mean reward goes from 2.5 unguided to about 3.1 within the first rounds as the samples gather on the right-hand mode. Click a point farther along the line, e.g. (8, 0): the mean reward climbs from 1.7 to about 4.6 within ten rounds. Naive G leaves the line only slightly here (median ratio ≈ 0.002 even at δ = 3), unlike f1 in the first preset, whose θ points off the line.',
    params: { data: 'line2', reward: 'f2', bx: 3, by: 3, guidance: 'gloss', delta: 1, rounds: 50 },
    steps: 50,
  },
  {
    id: 'hexagon',
    topics: ['guidance', 'diffusion'],
    title: 'A full-dimensional prior: where the linearized reward misleads',
    lookFor: 'The hexagon of six Gaussians with its exact prior (GMM closed forms, including the Tweedie Jacobian), f2 towards b = (6, 6), G_loss. Each round pins every chain to the line gᵀx = gᵀz + δ through its previous sample z, with g = ∇f2(z) pointing at b. But f2 is concave: along that line, away from z, it only gets lower, and this prior, unlike the line data, spreads the chains along it. So the mean reward falls round after round instead of rising (≈ 0.3 → ≈ −0.2 in 40 rounds; with δ = 0.02 it falls further, −0.15 → −2.3). A reward of one direction only is immune to this: set the objective to linear and the mean reward climbs every round (≈ 0.6 → 15), the samples walking out of the hexagon along θ, since nothing bounds a linear reward. No off-subspace ratio is shown: the mixture fills the plane.',
    params: { data: 'hexagon', score: 'exact', reward: 'f2', bx: 6, by: 6, guidance: 'gloss', delta: 0.5, rounds: 40, T: 50 },
    steps: 40,
  },
];
