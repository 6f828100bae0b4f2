// A Metropolis chain that stopped moving: MALA or HMC with a step so large that every proposal lands where
// the density is negligible is rejected every time, and the particles stand still at acceptance 0 without
// diverging (divergence has its own check). The watch reads each iteration's acceptance (the trace's
// `accept_rate`) and says when the mean over the last STUCK_WINDOW iterations is below STUCK_BELOW.
import type { TraceRow } from '../../protocol/snapshot';

/** acceptance below this is a chain that has stopped: each particle moves less than once in 100 iterations */
export const STUCK_BELOW = 0.01;
/**
 * iterations the acceptance must stay below STUCK_BELOW. 300 because a healthy chain cannot look stuck for
 * that long by chance: even a single particle accepting 2% of its proposals has 0.98^300 ≈ 0.2% odds of 300
 * rejections in a row, and the mean over many particles is far steadier; a transient (particles started in a
 * far tail, a live step change) passes in tens of iterations. At the page's hundreds of iterations a second
 * the notice still comes within a second or two.
 */
export const STUCK_WINDOW = 300;
/** the notice clears once the window's mean is back above this (above STUCK_BELOW, so it does not flicker) */
export const RECOVERED_AT = 0.02;

export class AcceptanceWatch {
  private readonly ring = new Float64Array(STUCK_WINDOW);
  private count = 0;
  private at = 0;
  private sum = 0;
  private stuckNow = false;

  /** one iteration's acceptance in [0, 1]; NaN (no Metropolis test this iteration) is skipped */
  observe(accept: number): void {
    if (!Number.isFinite(accept)) return;
    if (this.count === STUCK_WINDOW) this.sum -= this.ring[this.at];
    else this.count++;
    this.ring[this.at] = accept;
    this.sum += accept;
    this.at = (this.at + 1) % STUCK_WINDOW;
    // a fresh sum once per lap: subtracting and adding floats for hours would drift
    if (this.at === 0) this.sum = this.ring.reduce((a, b) => a + b, 0);
    const mean = this.mean;
    if (!this.stuckNow && this.count === STUCK_WINDOW && mean < STUCK_BELOW) this.stuckNow = true;
    else if (this.stuckNow && mean >= RECOVERED_AT) this.stuckNow = false;
  }

  /** every row's `key` value, oldest first (a frame's drained trace) */
  observeRows(rows: readonly TraceRow[] | undefined, key = 'accept_rate'): void {
    for (const r of rows ?? []) if (key in r.m) this.observe(r.m[key]);
  }

  /** the mean acceptance over the last STUCK_WINDOW iterations (fewer at the start; NaN before any) */
  get mean(): number {
    return this.count ? this.sum / this.count : NaN;
  }

  get stuck(): boolean {
    return this.stuckNow;
  }

  reset(): void {
    this.count = this.at = this.sum = 0;
    this.stuckNow = false;
  }
}

/** the step the notice offers: a tenth of the current one, in three significant figures */
export const smallerStep = (step: number): number => Number((step / 10).toPrecision(3));
