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
  /** null when the data has no manifold to measure against (foundation targets) */
  off: Float32Array | null;
}
/** the guidance kinds of the two sweep groups (rows B.., then B + 11 Bs..) */
export const SWEEP_KINDS = ['gloss', 'naive'] as const;
const KIND_LABEL = { gloss: 'G_loss', naive: 'naive G' } as const;

/** reward and off-subspace distance of every row of z, read back once per snapshot */
export async function rowValues(z: Tensor2D, reward: Reward, data: DataSpec): Promise<RowValues> {
  const r = tf.tidy(() => reward.value(z));
  const o = data.offSupport ? tf.tidy(() => data.offSupport!(z)) : null;
  // not params casts: data() is typed for every dtype, and these tensors are float32
  const out = { reward: (await r.data()) as Float32Array, off: o ? ((await o.data()) as Float32Array) : null };
  tf.dispose([r, ...(o ? [o] : [])]);
  return out;
}

/** the round metrics of the main batch (rows 0..B-1) */
export function roundMetrics(v: RowValues, B: number): Record<string, number> {
  const r = summarize(v.reward.subarray(0, B));
  const m: Record<string, number> = { reward_mean: r.mean, reward_top4: r.topk };
  if (v.off) m.off_support_ratio = summarize(v.off.subarray(0, B)).median;
  return m;
}

/**
 * front layers of the sweep rows (Bs rows per δ, one group of 11 δ per guidance kind, from row B on):
 * reward against off-subspace, one curve per kind on the union of their x values (NaN where a curve has no
 * point: the chart leaves gaps and draws markers), and reward/off-subspace against δ. Without an
 * off-subspace metric (foundation targets) only the reward over δ is sent.
 */
export function frontLayers(v: RowValues, B: number, Bs: number, kinds: readonly (keyof typeof KIND_LABEL)[]): Record<string, Layer> {
  const n = SWEEP_DELTAS.length;
  const curves = kinds.map((kind, j) => ({
    label: KIND_LABEL[kind],
    pts: Array.from({ length: n }, (_, i) => {
      const lo = B + (j * n + i) * Bs;
      return { reward: summarize(v.reward.subarray(lo, lo + Bs)).mean, off: v.off ? summarize(v.off.subarray(lo, lo + Bs)).median : NaN };
    }),
  }));
  const sweepYs: Record<string, Float32Array> = {};
  for (const c of curves) sweepYs[`mean reward, ${c.label}`] = Float32Array.from(c.pts, (p) => p.reward);
  if (v.off) for (const c of curves) sweepYs[`off-subspace, ${c.label}`] = Float32Array.from(c.pts, (p) => p.off);
  const out: Record<string, Layer> = { sweep: { kind: 'series', xs: SWEEP_DELTAS, ys: sweepYs } };
  if (!v.off) return out;
  const all = curves.flatMap((c, j) => c.pts.map((p) => ({ ...p, j }))).sort((a, b) => a.off - b.off);
  const ys: Record<string, Float32Array> = {};
  curves.forEach((c, j) => (ys[c.label] = Float32Array.from(all, (p) => (p.j === j ? p.reward : NaN))));
  out.front = { kind: 'series', xs: Float32Array.from(all, (p) => p.off), ys };
  return out;
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

