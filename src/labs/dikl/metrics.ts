// Metrics of generator samples against exact target samples (METHODS.md §0.4, §3.5): modes covered (the
// Samplers lab's definition), sliced W₂, energy-histogram TVD (200 bins), plus the trainer's own numbers.
import { tf } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Target } from '../../core/targets/types';
import type { DiklTrainer } from '../../core/dikl/trainer';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { modesCovered } from '../../core/metrics/modes';
import { energyTvd } from '../../core/metrics/energy-tvd';

export interface Reference {
  target: Target;
  reference: Float32Array;
  refEnergy: Float32Array;
  rng: Rng;
}

export async function sampleMetrics(tr: DiklTrainer, xy: Float32Array, ref: Reference, suffix: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const x = tf.tensor2d(xy, [xy.length / 2, 2]);
  const e = tf.tidy(() => tf.neg(ref.target.logDensity!(x)));
  const energy = new Float32Array(await e.data());
  x.dispose();
  e.dispose();
  out[`sw2${suffix}`] = slicedW2(xy, ref.reference, ref.rng, 64);
  // 200 bins over the reference's energy range (samples beyond it fall in the edge bins), as DiKL's TVD
  out[`energy_tvd${suffix}`] = energyTvd(energy, ref.refEnergy, { bins: 200, range: finiteRange(ref.refEnergy) });
  if (ref.target.mixture) out[`modes_covered${suffix}`] = modesCovered(xy, ref.target.mixture).covered;
  const st = await tr.stats();
  if (suffix === '') {
    if (Number.isFinite(st.gap)) out.loss = st.gap;
    if (Number.isFinite(st.dsmLoss)) out.dsm_loss = st.dsmLoss;
    if (Number.isFinite(st.accept)) out.accept_rate = st.accept;
  }
  return out;
}

function finiteRange(v: Float32Array): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of v) if (Number.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
  return [lo, hi];
}

// one definition for every lab
export { spread } from '../../core/metrics/points';
