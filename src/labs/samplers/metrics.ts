// Metrics of the current particles against exact target samples (METHODS.md §0.4).
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Target } from '../../core/targets/types';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { mmd2 } from '../../core/metrics/mmd';
import { modesCovered } from '../../core/metrics/modes';
import { gmmLogProbAndScoreFast } from '../../core/fused/gmm-fused';
import { CLEAN } from '../../core/types';

/** distance metrics on at most this many particles, so a frame stays cheap at N = 100k */
const METRIC_MAX = 2000;

export async function computeMetrics(target: Target, x: Tensor2D, xy: Float32Array, reference: Float32Array, rng: Rng): Promise<Record<string, number>> {
  const sub = xy.length / 2 > METRIC_MAX ? xy.subarray(0, METRIC_MAX * 2) : xy;
  const out: Record<string, number> = {
    sw2: slicedW2(sub, reference, rng, 64),
    // MMD is O(n²): 500 points per side keeps it to a few ms. The biased (V-statistic) form is never
    // negative, so it reads on the chart's log axis; its floor (~1/n) is the sampling noise.
    mmd: mmd2(sub, reference, rng, { maxPoints: 500, unbiased: false }),
  };
  if (target.mixture) {
    out.modes_covered = modesCovered(xy, target.mixture).covered;
    out.modes_total = target.mixture.length; // the chart's axis reaches the number of modes
  }
  if (target.logDensity) {
    const mix = target.mixture;
    const m = tf.tidy(() => {
      // a mixture's log density in one fused pass where the backend has the kernel (it is the metric's cost at large N)
      const lp = mix ? gmmLogProbAndScoreFast(x, mix, CLEAN).logp : target.logDensity!(x);
      // particles far outside the support give -Infinity; average the finite part and keep the chart readable
      return tf.mean(tf.maximum(lp, -1e4));
    });
    out.mean_log_density = (await m.data())[0];
    m.dispose();
  }
  return out;
}
