// What the DxMI lab draws, in world (data) coordinates: the energy heatmap, the value small multiples,
// the samples, trajectories, σ_t bars and the ROC curve. The nets live in the normalized frame
// x̃ = (x − m)/d, so grid points are mapped into it before evaluation.
import { tf } from '../../core/tf';
import type { Tensor1D, Tensor2D } from '../../core/tf';
import type { Box } from '../../core/types';
import type { Critic } from '../../core/dxmi/critic';
import { rocCurve } from '../../core/dxmi/anomaly';
import type { Layer } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { VALUE_PANELS } from './schema';

const HEAT_N = 72;
const VALUE_N = 40;

/** the affine map between the world frame and the nets' normalized frame */
export interface Frame {
  m: [number, number];
  d: number;
}

export function toNet(x: Tensor2D, f: Frame): Tensor2D {
  return tf.div(tf.sub(x, tf.tensor1d(f.m)), f.d) as Tensor2D;
}

/** interleaved world coordinates of a normalized [n,2] array */
export function toWorld(xy: Float32Array, f: Frame): Float32Array {
  const out = new Float32Array(xy.length);
  for (let i = 0; i < xy.length; i += 2) {
    out[i] = f.m[0] + f.d * xy[i];
    out[i + 1] = f.m[1] + f.d * xy[i + 1];
  }
  return out;
}

/** which t each value panel shows: every t when T ≤ panels, else spread evenly over 0..T-1 */
export function panelTimes(T: number): number[] {
  if (T <= VALUE_PANELS) return Array.from({ length: T }, (_, k) => k);
  return Array.from({ length: VALUE_PANELS }, (_, k) => Math.round((k * (T - 1)) / (VALUE_PANELS - 1)));
}

/** heatmaps of −E (bright = low energy) and −V(·, t); plain grids: the colour spans each grid's range */
export async function criticGrids(critic: Critic, box: Box, f: Frame): Promise<Record<string, Layer>> {
  const out: Record<string, Layer> = {};
  out.energy = await energyGrid(critic, box, f);
  const times = panelTimes(critic.T);
  for (let k = 0; k < times.length; k++) {
    out[`value${k}`] = await scalarGrid(box, VALUE_N, (x) => tf.neg(critic.V(toNet(x, f), times[k])) as Tensor1D, false);
  }
  return out;
}

/** heatmap of −E (the scoring energy: the EMA copy when on) */
export function energyGrid(critic: Critic, box: Box, f: Frame): Promise<Layer> {
  return scalarGrid(box, HEAT_N, (x) => tf.neg(critic.scoreE(toNet(x, f))) as Tensor1D, false);
}

/** trajectories of the first k samples: states[t] is [n,2] normalized; path-major world coordinates */
export function pathsLayer(states: Float32Array[], k: number, f: Frame): Layer {
  const len = states.length;
  const xy = new Float32Array(k * len * 2);
  for (let p = 0; p < k; p++) {
    for (let t = 0; t < len; t++) {
      const o = (p * len + t) * 2;
      xy[o] = f.m[0] + f.d * states[t][2 * p];
      xy[o + 1] = f.m[1] + f.d * states[t][2 * p + 1];
    }
  }
  return { kind: 'paths', xy, nPaths: k, length: len };
}

export function sigmaLayer(sigma: Float32Array, s2: Float32Array): Layer {
  return {
    kind: 'bars',
    labels: Array.from(sigma, (_, i) => `t=${i}`),
    values: sigma,
    reference: Float32Array.from(s2, Math.sqrt),
  };
}

export function rocLayer(anomalyScores: Float32Array, normalScores: Float32Array): Layer {
  const { fpr, tpr } = rocCurve(anomalyScores, normalScores, 101);
  return { kind: 'series', xs: fpr, ys: { 'true-positive rate': tpr, chance: fpr } };
}
