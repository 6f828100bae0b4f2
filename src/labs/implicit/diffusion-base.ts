// The base model of the diffusion mode: a mixture (the hexagon with the paper's θ0 weights, or the user's
// mixture), served either by its exact noised score or by a score MLP (core/nets createScoreNet) trained by
// denoising score matching on samples of that mixture. The learned base trains first, in its own phase
// (TRAIN_PER_ITER DSM steps per lab iteration, a loss curve), like the Samplers lab's learned score; the
// fine-tuning starts once it is done.
import type { DiffusionParams } from './params';
import type { Tensor2D } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Box, Mixture } from '../../core/types';
import { gmmSample } from '../../core/gmm';
import { softmax, type IsoMixture } from '../../core/implicit/param-mixture';
import { learnedBase, mixtureBase, type BaseScore } from '../../core/implicit/diffusion-models';
import { createScoreNet } from '../../core/nets/score-net';
import type { ScoreNet } from '../../core/nets/types';
import { basePotential } from './langevin-experiment';
import { spread } from '../../core/metrics/points';

type P = DiffusionParams;
/** DSM steps per lab iteration during the training phase */
export const TRAIN_PER_ITER = 10;
const TRAIN_DATA_N = 10000;
const SHOWN_N = 1000;
const NET_DEPTH = 3;
const NET_BATCH = 256;
const NET_LR = 2e-3;

export class DiffusionBase {
  readonly mix: IsoMixture;
  readonly box: Box;
  /** base samples drawn on the plane (white) */
  readonly shown: Float32Array;
  readonly net: ScoreNet | null;
  readonly trainTarget: number;
  trainSteps = 0;
  private trainData: Tensor2D | null = null;
  private lossSum = 0;
  private lossCount = 0;

  constructor(p: P, rng: Rng) {
    const { base, box } = basePotential(p);
    this.mix = base;
    this.box = box;
    const mixture: Mixture = Array.from(softmax(base.logits), (w, k) => ({ w, mean: [base.centres[2 * k], base.centres[2 * k + 1]], cov: [base.vars[k], 0, base.vars[k]] }));
    const learned = p.base === 'learned';
    const data = gmmSample(learned ? TRAIN_DATA_N : SHOWN_N, mixture, rng.split());
    this.shown = (data.dataSync() as Float32Array).slice(0, 2 * SHOWN_N);
    this.trainTarget = learned ? p.trainSteps : 0;
    if (!learned) {
      data.dispose();
      this.net = null;
      return;
    }
    if (!Number.isInteger(this.trainTarget) || this.trainTarget < 1) throw new Error(`diffusion: the learned base needs at least 1 training step, got ${p.trainSteps}`);
    this.trainData = data;
    this.net = createScoreNet({ hidden: p.hidden, depth: NET_DEPTH, lr: NET_LR, batch: NET_BATCH, dataScale: spread(this.shown), rng: rng.split() });
  }

  get training(): boolean {
    return this.net !== null && this.trainSteps < this.trainTarget;
  }

  /** up to k DSM steps, each one's loss given to `onLoss` (step count, loss); frees the training data when the phase ends */
  train(k: number, onLoss?: (step: number, loss: number) => void): void {
    for (let j = 0; j < k && this.training; j++) {
      const loss = this.net!.trainStep(this.trainData!);
      this.lossSum += loss;
      this.lossCount += 1;
      this.trainSteps += 1;
      onLoss?.(this.trainSteps, loss);
    }
    if (!this.training) {
      this.trainData?.dispose();
      this.trainData = null;
    }
  }

  /** mean DSM loss since the last call (NaN when no step was taken) */
  takeLoss(): number {
    const l = this.lossCount ? this.lossSum / this.lossCount : NaN;
    this.lossSum = this.lossCount = 0;
    return l;
  }

  /** the base score the fine-tuned model corrects */
  score(): BaseScore {
    return this.net ? learnedBase(this.net.score) : mixtureBase(this.mix);
  }

  dispose(): void {
    this.trainData?.dispose();
    this.trainData = null;
    this.net?.dispose();
  }
}
