// DiKL's 2D double well (one pair of Many-Well MW-32, METHODS.md §0.3):
//   E(x) = −0.5 x1 − 6 x1² + x1⁴ + ½ x2²,  log Z = log(11784.50927) + ½ log 2π.
// The x1 factor is a tilted quartic (the left well a bit shallower than the right), x2 is N(0,1) and
// independent, so exact samples come from a 1D inverse CDF for x1 and a normal for x2.
import { tf } from '../tf';
import type { Rng } from '../rng';
import type { Target } from './types';
import { cleanOnly, columnwise, sampleRows } from './analytic';
import { inverseCdfSampler } from './quadrature';
import { TARGETS } from './catalog';

/** ∫ exp(0.5 t + 6 t² − t⁴) dt, from DiKL energy/mw.py */
export const DOUBLE_WELL_Z1 = 11784.50927;
const LOG_Z = Math.log(DOUBLE_WELL_Z1) + 0.5 * Math.log(2 * Math.PI);

/** unnormalized x1 factor exp(−E1) */
const x1Factor = (t: number) => Math.exp(0.5 * t + 6 * t * t - t ** 4);

// beyond |x1| = 4 the factor is below e^{-150} of its peak; 16001 points give cells of 5e-4 against wells
// of width ~0.2, so the piecewise-uniform inversion error is far below Monte Carlo noise
let invCdf: ((u: number) => number) | null = null;

export function makeDoubleWell(): Target {
  return {
    id: 'double-well', label: TARGETS['double-well'].name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { xmin: -4, xmax: 4, ymin: -4, ymax: 4 },
    logDensity: columnwise((x1, x2) => {
      const x1sq = tf.square(x1);
      const negE = tf.sub(tf.add(tf.mul(x1, 0.5), tf.mul(x1sq, 6)), tf.add(tf.square(x1sq), tf.mul(tf.square(x2), 0.5)));
      return tf.sub(negE, LOG_Z);
    }),
    score: cleanOnly('double-well', (x1, x2) => [
      // x1·x1² rather than pow(x1, 3): pow of a negative base is NaN in some GPU shaders
      tf.sub(tf.add(tf.mul(x1, 12), 0.5), tf.mul(tf.mul(x1, tf.square(x1)), 4)),
      tf.neg(x2),
    ]),
    sample: (n: number, rng: Rng) => {
      invCdf ??= inverseCdfSampler(x1Factor, -4, 4, 16001);
      const f = invCdf;
      return sampleRows(n, (o, i) => {
        o[i] = f(rng.uniform());
        o[i + 1] = rng.normal();
      });
    },
    marginal: (axis, xs) =>
      axis === 0 ? xs.map((t) => x1Factor(t) / DOUBLE_WELL_Z1) : xs.map((t) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI)),
  };
}
