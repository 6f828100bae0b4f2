// A running mean of a noisy per-batch loss, so a chart shows its trend: a DSM loss moves by a few percent
// over a training run while one batch's value jumps by ±10%. Exponential, with Adam's bias correction so
// the first values are the plain mean of what came so far instead of being pulled toward 0.

export class RunningMean {
  private readonly beta: number;
  private m = 0;
  private n = 0;

  /** `window`: the number of recent values that carry most of the weight (β = 1 − 1/window) */
  constructor(window: number) {
    if (!(window >= 1)) throw new Error(`RunningMean: window must be >= 1, got ${window}`);
    this.beta = 1 - 1 / window;
  }

  /** add one value; returns the mean so far (NaN and ±Inf are skipped: they would stick forever) */
  add(x: number): number {
    if (Number.isFinite(x)) {
      this.m = this.beta * this.m + (1 - this.beta) * x;
      this.n++;
    }
    return this.value;
  }

  get value(): number {
    return this.n === 0 ? NaN : this.m / (1 - this.beta ** this.n);
  }
}

/** the window of the DSM-loss running means the training charts draw beside each batch's loss */
export const LOSS_WINDOW = 100;
