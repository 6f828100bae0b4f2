// What the guidance lab draws: the objective's heatmap, samples over the data manifold, the two guidance
// fields at a chosen t, the round metrics and the reward/off-subspace front of the δ sweep.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { Box } from '../../core/types';
import { levelAt, type Schedule } from '../../core/schedules';
import { guidanceTerm, type GuidanceOptions } from '../../core/guidance/guidance';
import { summarize } from '../../core/guidance/rounds';
import type { Reward } from '../../core/guidance/rewards';
import type { DataSpec, Prior } from '../../core/guidance/types';
import type { Layer } from '../../protocol/snapshot';
import { scalarGrid, vectorGrid } from '../common/grid';

const HEAT_N = 96;
const FIELD_N = 19;
/** the δ values of the sweep (the paper sweeps 0.02–0.52 on the unit ball) */
export const SWEEP_DELTAS = Float32Array.from({ length: 11 }, (_, i) => 0.02 + 0.05 * i);

export interface RowValues {
  reward: Float32Array;
  off: Float32Array;
}

/** reward and off-subspace distance of every row of z, read back once per snapshot */
export async function rowValues(z: Tensor2D, reward: Reward, data: DataSpec): Promise<RowValues> {
  const [r, o] = tf.tidy(() => [reward.value(z), data.offSupport(z)]);
  const out = { reward: (await r.data()) as Float32Array, off: (await o.data()) as Float32Array };
  tf.dispose([r, o]);
  return out;
}

/** the round metrics of the main batch (rows 0..B-1) */
export function roundMetrics(v: RowValues, B: number): Record<string, number> {
  const r = summarize(v.reward.subarray(0, B));
  const o = summarize(v.off.subarray(0, B));
  return { reward_mean: r.mean, reward_top4: r.topk, off_support_ratio: o.median };
}

/** front layers of the sweep rows (B.. end, Bs rows per δ): reward vs off-subspace, and off-subspace vs δ */
export function frontLayers(v: RowValues, B: number, Bs: number): Record<string, Layer> {
  const n = SWEEP_DELTAS.length;
  const pts = Array.from({ length: n }, (_, i) => {
    const lo = B + i * Bs;
    return { delta: SWEEP_DELTAS[i], reward: summarize(v.reward.subarray(lo, lo + Bs)).mean, off: summarize(v.off.subarray(lo, lo + Bs)).median };
  });
  const byOff = [...pts].sort((a, b) => a.off - b.off);
  return {
    front: { kind: 'series', xs: Float32Array.from(byOff, (p) => p.off), ys: { 'mean reward': Float32Array.from(byOff, (p) => p.reward) } },
    sweep: {
      kind: 'series', xs: SWEEP_DELTAS.slice(),
      ys: { 'mean reward': Float32Array.from(pts, (p) => p.reward), 'off-subspace (median)': Float32Array.from(pts, (p) => p.off) },
    },
  };
}

export function rewardHeat(box: Box, reward: Reward): Promise<Layer> {
  return scalarGrid(box, HEAT_N, (x) => reward.value(x), false);
}

/**
 * G and G_loss on a grid of x_t at step t, for a chain whose previous sample is z = x̂0(x_t):
 * g = ∇f(z), y = δ + gᵀz (so the residual y − gᵀx̂0 is δ everywhere).
 */
export async function guidanceFields(
  box: Box, prior: Prior, sched: Schedule, t: number, reward: Reward, delta: number, o: GuidanceOptions,
): Promise<{ naive: Layer; gloss: Layer }> {
  const lv = levelAt(sched, Math.min(Math.max(1, Math.round(t)), sched.T));
  const field = (kind: 'naive' | 'gloss') => (x: Tensor2D) => {
    const x0 = prior.tweedie(x, lv);
    const g = reward.grad(x0);
    const y = tf.add(tf.sum(tf.mul(g, x0), 1, true), delta) as Tensor2D;
    return guidanceTerm(prior, x, lv, x0, g, y, { ...o, kind });
  };
  return { naive: await vectorGrid(box, FIELD_N, field('naive')), gloss: await vectorGrid(box, FIELD_N, field('gloss')) };
}

export function cloneLayer(l: Layer): Layer {
  const out: Record<string, unknown> = { ...l };
  for (const [k, v] of Object.entries(out)) if (v instanceof Float32Array) out[k] = v.slice();
  return out as Layer;
}
