// A learned noised score: a small MLP with a noise-level embedding, trained by denoising score
// matching in the worker. It is conditioned on sigma = s/a (the noise-to-signal ratio), not on a
// schedule index, so one trained net serves every VP schedule, every T and the VE levels of
// annealed Langevin: a level (a, s2) is mapped to the VP level with the same sigma and rescaled.
import type { Tensor2D } from '../tf';
import type { ScoreFn } from '../types';
import type { Rng } from '../rng';

export interface ScoreNetOptions {
  hidden: number; // width, default 128
  depth: number; // hidden layers, default 3
  lr: number; // Adam learning rate, default 2e-3
  batch: number; // default 512
  /** data scale used to normalize inputs (std of the training data, or target box half-width / 3) */
  dataScale: number;
  rng: Rng;
}

export interface ScoreNet {
  /** one Adam step of DSM on a batch drawn from `data` ([M,2], not owned); returns the loss */
  trainStep(data: Tensor2D): number;
  /** async variant: returns the loss without a blocking read (use in the worker loop) */
  trainStepAsync?(data: Tensor2D): Promise<number>;
  /** the learned score as a ScoreFn (valid for any NoiseLevel with s2 > 0; at s2 = 0 uses the smallest trained sigma) */
  readonly score: ScoreFn;
  readonly steps: number;
  /** weights as plain arrays (save/load, share between worker and main thread) */
  getWeights(): { shapes: number[][]; values: Float32Array[] };
  setWeights(w: { shapes: number[][]; values: Float32Array[] }): void;
  dispose(): void;
}
