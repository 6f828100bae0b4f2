// The score-mismatched DDPM sampler of METHODS.md §2.1 on particles: x_T ~ N(0, I), then for t = T..1
//   x_{t−1} = (x + β_t s̃_t(x))/√α_t + √v_t z,   v_t = β_t ('fixed-large') or σ̃_t² ('fixed-small'),
// with no noise at the last step (DDPM convention). One call of step() is one reverse step (one lab iteration).
// A sampler that is not a DDPM step with a score (DDNM+, ddnm-plus.ts) passes a StepKernel instead.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import type { Rng } from '../rng';
import type { NoiseLevel } from '../types';
import { levelOf, reverseVariance, type VarianceKind, type VpTable } from './schedule';

/** s̃_t(x); t is the step index (1..T) for scores that care (perturbations, learned nets use the level) */
export type StepScore = (x: Tensor2D, level: NoiseLevel, t: number) => Tensor2D;

/** a whole reverse step t -> t−1 (mean and noise); `seed` is null at t = 1 (no noise there). Runs in tf.tidy. */
export interface StepKernel {
  kernel: (x: Tensor2D, t: number, seed: number | null) => Tensor2D;
}

export class ReverseRun {
  private x: Tensor2D;
  private k = 0;

  constructor(
    n: number,
    private readonly tab: VpTable,
    private readonly variance: VarianceKind,
    private readonly score: StepScore | StepKernel,
    private readonly rng: Rng,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`particles must be a positive integer, got ${n}`);
    this.x = tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
  }

  get T(): number {
    return this.tab.T;
  }

  /** the step index the particles are at: T at the start, 0 when done */
  get t(): number {
    return this.tab.T - this.k;
  }

  get iteration(): number {
    return this.k;
  }

  get done(): boolean {
    return this.k >= this.tab.T;
  }

  particles(): Tensor2D {
    return this.x;
  }

  step(): void {
    if (this.done) return;
    const t = this.t;
    const level = levelOf(this.tab, t);
    const beta = this.tab.beta[t - 1];
    const ra = 1 / Math.sqrt(this.tab.alpha[t - 1]);
    const seed = t >= 2 ? this.rng.seed() : 0;
    const sc = this.score;
    const next = tf.tidy(() => {
      if (typeof sc !== 'function') return sc.kernel(this.x, t, t >= 2 ? seed : null);
      const s = sc(this.x, level, t);
      const mean = tf.mul(tf.add(this.x, tf.mul(s, beta)), ra);
      if (t === 1) return mean as Tensor2D;
      const sd = Math.sqrt(reverseVariance(this.tab, t, this.variance));
      return tf.add(mean, tf.randomNormal(this.x.shape, 0, sd, 'float32', seed)) as Tensor2D;
    });
    this.x.dispose();
    this.x = next;
    this.k += 1;
  }

  dispose(): void {
    this.x.dispose();
  }
}
