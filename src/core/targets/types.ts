// What a 2D target is. Mixtures carry their components so every closed form (noised score,
// posterior, Tweedie) is available; analytic targets carry an energy and its gradient;
// data sets only sample.
import type { Tensor2D } from '../tf';
import type { Box, LogDensityFn, Mixture, ScoreFn } from '../types';
import type { Rng } from '../rng';
import type { TargetFamily, TargetId } from './catalog';
import type { FormulaSpec } from './formula/spec';

// ids, labels and families are data in catalog.ts (tfjs-free, read by the lab schemas)
export { TARGET_IDS, type TargetId } from './catalog';
/** a target's family (catalog.ts), which decides which of the fields below it has */
export type TargetKind = TargetFamily;

export interface Target {
  id: TargetId;
  label: string;
  kind: TargetKind;
  /** the box to plot it in (also the default view) */
  box: Box;
  /** present for kind 'mixture' (closed forms in gmm.ts) */
  mixture?: Mixture;
  /** log density of the clean target; normalized when `normalized` (mixtures and every analytic target, the double well with its log Z) */
  logDensity?: LogDensityFn;
  normalized?: boolean;
  /**
   * score of the target at a noise level. Mixtures: exact at every level (closed form).
   * Analytic targets: exact only at the clean level (a = 1, s2 = 0); callers must not ask for other levels
   * (`exactNoisedScore` tells whether they may).
   */
  score?: ScoreFn;
  exactNoisedScore: boolean;
  /** exact i.i.d. samples (mixtures and analytic targets: exact, by inversion or rejection where needed; data sets: the generator) */
  sample(n: number, rng: Rng): Tensor2D;
  /** per-axis marginal densities for the histogram overlays, evaluated on a grid of values (optional) */
  marginal?(axis: 0 | 1, xs: Float32Array): Float32Array;
}

/** Options a target may take from the lab params. */
export interface TargetOptions {
  /** components for 'custom' */
  components?: Mixture;
  /** points for 'drawn' (interleaved x,y) */
  points?: Float32Array;
  /** the typed density for 'formula' (formula/spec.ts); absent: the default ring, DEFAULT_FORMULA */
  formula?: FormulaSpec;
  /** MoG-40 means, loaded from shared/data/mog40.json and shipped with the app (src/core/targets/mog40-data.ts) */
}
