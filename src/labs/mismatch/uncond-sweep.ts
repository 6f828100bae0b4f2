// Bias against T for the unconditional mode: for each T, one run with the mismatched score and one with the
// exact score (same seed), sliced W2 of each to exact target samples, and B_T by Monte Carlo. The exact-score
// curve is the floor (discretization + finite-sample noise); the mismatched curve levels off above it.
// Small runs (a few hundred particles), read synchronously once at start: this is not a hot loop.
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import type { ScoreFn } from '../../core/types';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { ReverseRun } from '../../core/mismatch/reverse-run';
import { levelOf, makeVpTable, type VarianceKind, type VpKind } from '../../core/mismatch/schedule';
import { meanSquaredMismatch } from '../../core/mismatch/uncond-scores';
import type { Layer } from '../../protocol/snapshot';

export const UNCOND_SWEEP_T = [10, 30, 100] as const;
export const UNCOND_SWEEP_T_FULL = [10, 20, 50, 100, 200, 500, 1000] as const;
const SWEEP_N = 300;

export interface UncondSweep {
  layer: Layer; // series: sliced W2 (mismatched, exact) and B_T against T
  metrics: Record<string, number>;
}

export function uncondSweep(
  Ts: readonly number[], kind: VpKind, variance: VarianceKind, approx: ScoreFn, exact: ScoreFn,
  reference: Float32Array, ref: { x0: Tensor2D; z: Tensor2D }, seed: number,
): UncondSweep {
  const sw = { mis: new Float32Array(Ts.length), ex: new Float32Array(Ts.length), B: new Float32Array(Ts.length) };
  const metrics: Record<string, number> = {};
  Ts.forEach((T, i) => {
    const tab = makeVpTable(kind, T);
    const final = (score: ScoreFn) => {
      const run = new ReverseRun(SWEEP_N, tab, variance, (x, l) => score(x, l), new Rng(seed + T));
      while (!run.done) run.step();
      const xy = run.particles().dataSync() as Float32Array;
      run.dispose();
      return slicedW2(xy, reference, new Rng(seed), 64);
    };
    sw.mis[i] = final(approx);
    sw.ex[i] = final(exact);
    let B = 0;
    for (let t = 2; t <= T; t++) {
      const d = meanSquaredMismatch(ref.x0, ref.z, levelOf(tab, t), approx, exact);
      B += (tab.beta[t - 1] / 2) * d.dataSync()[0];
      d.dispose();
    }
    sw.B[i] = B;
    metrics[`sw2_T${T}_mismatched`] = sw.mis[i];
    metrics[`sw2_T${T}_exact`] = sw.ex[i];
    metrics[`bias_accumulated_T${T}`] = B;
  });
  return {
    layer: { kind: 'series', xs: Float32Array.from(Ts), ys: { 'SW₂ mismatched score': sw.mis, 'SW₂ exact score (floor)': sw.ex, 'B_T': sw.B } },
    metrics,
  };
}
