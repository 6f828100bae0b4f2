// Classroom demos of the Gradient-guidance lab (METHODS.md §4.3–4.4).
import type { Preset } from '../types';

export const guidancePresets: readonly Preset[] = [
  {
    id: 'naive-vs-lookahead',
    title: 'Naive guidance leaves the subspace, look-ahead guidance does not',
    lookFor: 'A learned prior of data on a line, guided by naive G (δ = 0.9) towards f1 whose θ points mostly off the line. The off-subspace ratio climbs round after round and the samples leave the white line. Switch Guidance to G_loss (δ = 0.2): the ratio stays near zero. In the two field plots G points along θ, G_loss along the line.',
    params: { data: 'line', score: 'learned', reward: 'f1', ratio: 9, guidance: 'naive', delta: 0.9, rounds: 200, T: 100, trainSteps: 1500 },
    steps: 350,
  },
  {
    id: 'regularized-optimum',
    title: 'Guided diffusion stops at a regularized optimum',
    lookFor: 'Exact prior on the line, G_loss, δ = 0.2, 300 rounds. The samples stay exactly on the line (off-subspace ratio 0 up to float error) and the mean reward rises, then levels off far below the maximum 10: the on-line maximizer of f1 needs |u| ≈ 27, deep in the prior\'s tail, and the pre-trained score keeps pulling back (Theorem 2).',
    params: { data: 'line', score: 'exact', reward: 'f1', ratio: 9, guidance: 'gloss', delta: 0.2, rounds: 300 },
    steps: 300,
  },
  {
    id: 'fine-tuning',
    title: 'Fine-tuning moves past it (Algorithm 2)',
    lookFor: 'Algorithm 2 with G_loss: from round 40 on, the score network takes one DSM step on each new batch, so the prior itself moves towards the samples and the reward keeps climbing past the plateau of Algorithm 1 (compare with the previous preset). The fine-tuning learning rate is much larger than the paper\'s 1e-6 because the network is tiny (to confirm against the paper).',
    params: { data: 'line', algorithm: '2', reward: 'f1', ratio: 9, guidance: 'gloss', delta: 0.2, rounds: 300, T: 100, ftStart: 40, ftLr: 0.001 },
    steps: 450,
  },
  {
    id: 'front',
    title: 'The reward/fidelity front over δ',
    lookFor: 'Unit circle, linear reward, G_loss, 8 rounds, with the δ sweep on: chains with δ from 0.02 to 0.52 run side by side. "Sweep over δ" shows the reward bought by a larger δ and "Front over δ" plots it against the distance from the circle (‖x‖ − 1, paper Fig. 11). In 2D with this prior the distance stays small (about −1e-3): the paper\'s 64-D trade-off is much weaker here (exact values to confirm against the paper).',
    params: { data: 'circle', reward: 'linear', ratio: 1, guidance: 'gloss', delta: 0.2, batch: 64, rounds: 8, T: 100, sweep: true },
    steps: 8,
  },
  {
    id: 'f2-click',
    title: 'Move towards a point you click (f2)',
    lookFor: 'f2 = 5 − ½‖x − b‖ with b placed by a click in the samples plot. Off the line, G_loss can only move the samples along the line to the point nearest b; naive G pulls them off it.',
    params: { data: 'line2', reward: 'f2', bx: 3, by: 3, guidance: 'gloss', delta: 1, rounds: 50 },
    steps: 50,
  },
];
