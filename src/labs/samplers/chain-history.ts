// The recent history of a few of the particles, each an MCMC chain of its own, for the diagnostics a
// statistician reads: trace plots, autocorrelation against lag, effective sample size per gradient
// evaluation and per second, split-R̂ (core/diagnostics/mcmc.ts). Every iteration keeps the first K
// particles' rows on the device (one small slice, no read-back); the frame reads them all in one transfer.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { TraceRow, Layer } from '../../protocol/snapshot';
import { effectiveSampleSize, splitRhat } from '../../core/diagnostics/mcmc';

import { CHAINS, TRACED, WINDOW } from './chain-sizes';

export { CHAINS, TRACED, WINDOW };
/** lags of the autocorrelation chart and the ESS sum's cap */
const MAX_LAG = 200;
/** pending slices are joined on the device into one block past this many (fewer tensors to track) */
const BLOCK = 256;

export interface ChainCost {
  /** score and log-density evaluations per chain per iteration (the sampler's cost per step) */
  gradients: number;
  densities: number;
}

export class ChainHistory {
  private pending: Tensor2D[] = [];
  private blocks: { from: number; rows: Tensor2D }[] = [];
  private pendingFrom = 0;
  /** per chain and coordinate, the last WINDOW values (oldest first) */
  private values: Float64Array[][] = [];
  private count = 0;
  /** the iteration index the next recorded row will have (contiguity check) */
  private next = 0;
  /** wall time spent stepping, over `timed` iterations (ESS per second) */
  private seconds = 0;
  private timed = 0;

  constructor(private readonly chains = CHAINS) {
    this.reset(0);
  }

  /** forget the history (a new run, or a live change of the sampler's settings: its chains change law) */
  reset(iteration: number): void {
    tf.dispose(this.pending);
    tf.dispose(this.blocks.map((b) => b.rows));
    this.pending = [];
    this.blocks = [];
    this.pendingFrom = iteration;
    this.values = Array.from({ length: this.chains }, () => [new Float64Array(0), new Float64Array(0)]);
    this.count = 0;
    this.next = iteration;
    this.seconds = 0;
    this.timed = 0;
  }

  /** the particles after an iteration: their first rows are kept for the next read */
  record(x: Tensor2D): void {
    const k = Math.min(this.chains, x.shape[0]);
    this.pending.push(tf.keep(tf.slice(x, [0, 0], [k, 2])));
    if (this.pending.length >= BLOCK) {
      const rows = tf.keep(tf.concat(this.pending)) as Tensor2D;
      tf.dispose(this.pending);
      this.blocks.push({ from: this.pendingFrom, rows });
      this.pendingFrom += this.pending.length;
      this.pending = [];
      // blocks older than the window are never read
      let kept = 0;
      for (let i = this.blocks.length - 1; i >= 0; i--) {
        kept += this.blocks[i].rows.shape[0] / k;
        if (kept > WINDOW + BLOCK) {
          tf.dispose(this.blocks.slice(0, i).map((b) => b.rows));
          this.blocks = this.blocks.slice(i);
          break;
        }
      }
    }
  }

  /** wall time spent on `iterations` steps, for ESS per second */
  addTime(seconds: number, iterations: number): void {
    this.seconds += seconds;
    this.timed += iterations;
  }

  /** read what was recorded (one transfer); returns the trace chart's rows (x₁ of the first TRACED chains) */
  async flush(): Promise<TraceRow[]> {
    const parts = [...this.blocks.map((b) => b.rows), ...this.pending];
    if (!parts.length) return [];
    const start = this.blocks.length ? this.blocks[0].from : this.pendingFrom;
    const all = tf.concat(parts);
    const data = (await all.data()) as Float32Array;
    all.dispose();
    tf.dispose(parts);
    this.pendingFrom += this.pending.length;
    this.pending = [];
    this.blocks = [];
    const k = Math.min(this.chains, this.values.length);
    const iters = data.length / (2 * k);
    const rows: TraceRow[] = [];
    for (let t = 0; t < iters; t++) {
      const m: Record<string, number> = {};
      for (let c = 0; c < Math.min(TRACED, k); c++) m[`chain${c + 1}`] = data[2 * (t * k + c)];
      rows.push({ x: start + t + 1, m });
    }
    // append to each chain's window, keeping its last WINDOW values; after a gap (blocks older than the
    // window dropped between two reads) the old values are not contiguous with the new: start afresh
    if (start !== this.next) this.values = this.values.map(() => [new Float64Array(0), new Float64Array(0)]);
    this.next = start + iters;
    for (let c = 0; c < k; c++) {
      for (let a = 0; a < 2; a++) {
        const old = this.values[c][a];
        const merged = new Float64Array(old.length + iters);
        merged.set(old);
        for (let t = 0; t < iters; t++) merged[old.length + t] = data[2 * (t * k + c) + a];
        this.values[c][a] = merged.length > WINDOW ? merged.slice(merged.length - WINDOW) : merged;
      }
    }
    this.count = this.values[0][0].length;
    return rows;
  }

  /**
   * The diagnostics of the window: ESS (the smaller coordinate's), ESS per iteration, per gradient and per
   * density evaluation, per second, split-R̂ (the larger coordinate's), and the autocorrelation curves.
   * Nothing below 50 iterations of history (the estimators mean little there).
   */
  diagnostics(cost: ChainCost): { metrics: Record<string, number>; acf: Layer | null; capped: boolean } {
    const n = this.count;
    if (n < 50) return { metrics: {}, acf: null, capped: false };
    const res = [0, 1].map((a) => effectiveSampleSize(this.values.map((c) => c[a]), Math.min(MAX_LAG * 5, n - 1), MAX_LAG));
    const ess = Math.min(res[0].ess, res[1].ess);
    const draws = n * this.values.length;
    const metrics: Record<string, number> = {
      ess,
      ess_per_iter: ess / draws,
      rhat: Math.max(splitRhat(this.values.map((c) => c[0])), splitRhat(this.values.map((c) => c[1]))),
    };
    if (cost.gradients > 0) metrics.ess_per_grad = ess / (draws * cost.gradients);
    if (cost.densities > 0) metrics.ess_per_density = ess / (draws * cost.densities);
    // seconds per iteration over all timed ones, times the window's iterations
    if (this.seconds > 0 && this.timed > 0) metrics.ess_per_s = ess / (n * (this.seconds / this.timed));
    const L = Math.min(MAX_LAG, res[0].rho.length - 1, res[1].rho.length - 1);
    const xs = Float32Array.from({ length: L + 1 }, (_, t) => t);
    const acf: Layer = { kind: 'series', xs, ys: { 'x₁': Float32Array.from(res[0].rho.subarray(0, L + 1)), 'x₂': Float32Array.from(res[1].rho.subarray(0, L + 1)) } };
    return { metrics, acf, capped: res[0].capped || res[1].capped };
  }

  dispose(): void {
    tf.dispose(this.pending);
    tf.dispose(this.blocks.map((b) => b.rows));
    this.pending = [];
    this.blocks = [];
  }
}
