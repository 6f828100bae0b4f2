// Metrics of generator samples against exact target samples (METHODS.md §0.4, §3.5): modes covered (the
// Samplers lab's definition), sliced W₂, exact W₂ on small subsets (an O(n³) assignment, so W2_SUBSET
// points from each side), energy-histogram TVD (200 bins), plus the trainer's own numbers.
import { tf } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Target } from '../../core/targets/types';
import type { DiklTrainer } from '../../core/dikl/trainer';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { modesCovered } from '../../core/metrics/modes';
import { energyTvd } from '../../core/metrics/energy-tvd';
import { w2ExactSubsampled } from '../../core/metrics/w2-exact';
import { finiteRange } from '../common/extent';

/** points per side for the exact W₂: ~10 ms for the assignment, small enough to run with every metrics pass */
export const W2_SUBSET = 200;

export interface Reference {
  target: Target;
  reference: Float32Array;
  refEnergy: Float32Array;
  rng: Rng;
  /** the exact W₂'s subsampling stream (its own, so adding it left the other metrics' draws unchanged) */
  w2Rng: Rng;
}

export async function sampleMetrics(tr: DiklTrainer, xy: Float32Array, ref: Reference, suffix: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const x = tf.tensor2d(xy, [xy.length / 2, 2]);
  const e = tf.tidy(() => tf.neg(ref.target.logDensity!(x)));
  const energy = new Float32Array(await e.data());
  x.dispose();
  e.dispose();
  out[`sw2${suffix}`] = slicedW2(xy, ref.reference, ref.rng, 64);
  out[`w2${suffix}`] = w2ExactSubsampled(xy, ref.reference, ref.w2Rng, W2_SUBSET);
  // 200 bins over the reference's energy range (samples beyond it fall in the edge bins), as DiKL's TVD
  out[`energy_tvd${suffix}`] = energyTvd(energy, ref.refEnergy, { bins: 200, range: finiteRange(ref.refEnergy) ?? [0, 1] });
  if (ref.target.mixture) out[`modes_covered${suffix}`] = modesCovered(xy, ref.target.mixture).covered;
  // the chart's axis reaches the number of modes
  if (ref.target.mixture && suffix === '') out.modes_total = ref.target.mixture.length;
  // the double well has two modes but no mixture: the mass in its left well (x1 < 0), beside the exact one
  if (ref.target.id === 'double-well') {
    out[`left_well${suffix}`] = leftFraction(xy);
    if (suffix === '') out.left_well_exact = leftFraction(ref.reference);
  }
  const st = await tr.stats();
  if (suffix === '') {
    if (Number.isFinite(st.gap)) out.loss = st.gap;
    if (Number.isFinite(st.dsmLoss)) out.dsm_loss = st.dsmLoss;
    if (Number.isFinite(st.accept)) out.accept_rate = st.accept;
  }
  return out;
}

/** the fraction of the points (interleaved x, y) with x < 0 */
function leftFraction(xy: Float32Array): number {
  let left = 0;
  for (let i = 0; i < xy.length; i += 2) if (xy[i] < 0) left++;
  return xy.length ? left / (xy.length / 2) : NaN;
}

// one definition for every lab
export { spread } from '../../core/metrics/points';
