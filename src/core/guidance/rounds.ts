// One guidance round = one full guided DDPM reverse pass of the batch (METHODS.md §0.1, §4.2), and the
// per-chain bookkeeping of Algorithm 1: before round k+1, chain i takes g = ∇f(z_k^i) and y = δ_i + gᵀz_k^i.
// δ is per row, so a sweep over δ (the reward/fidelity front) rides in the same batch as the main run.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import type { Rng } from '../rng';
import { abarAt, levelAt, type Schedule } from '../schedules';
import { guidanceTerm, type GuidanceOptions } from './guidance';
import type { Reward } from './rewards';
import type { Prior } from './types';

/**
 * Reverse DDPM from x_T ~ N(0, I) to x_0 with the guided score s + G(·; g, y): the guided clean estimate is
 * x̂0 + (s²/a) G (the §0.1 identity), then the ancestral posterior mean plus noise (none at the last step).
 * Returns the clean batch [N,2]; the caller owns it.
 */
export function guidedReverse(
  prior: Prior, sched: Schedule, n: number, g: Tensor2D | null, y: Tensor2D | null, o: GuidanceOptions, rng: Rng,
): Tensor2D {
  let x = tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
  for (let t = sched.T; t >= 1; t--) {
    const seed = rng.seed();
    const next = tf.tidy(() => {
      const lv = levelAt(sched, t);
      // Tweedie from the prior directly: exact priors evaluate it in float64-accurate form (x + s² score in
      // float32 would lose the line's precision near t = 0, where the score is ~1/s²)
      let x0 = prior.tweedie(x, lv);
      if (g && y && o.kind !== 'none') x0 = tf.add(x0, tf.mul(guidanceTerm(prior, x, lv, x0, g, y, o), lv.s2 / lv.a)) as Tensor2D;
      const abT = abarAt(sched, t);
      const abPrev = abarAt(sched, t - 1);
      const beta = sched.beta[t - 1];
      const c1 = (Math.sqrt(abPrev) * beta) / (1 - abT);
      const c2 = (Math.sqrt(1 - beta) * (1 - abPrev)) / (1 - abT);
      const mean = tf.add(tf.mul(x0, c1), tf.mul(x, c2)) as Tensor2D;
      if (t === 1) return mean;
      const std = Math.sqrt((beta * (1 - abPrev)) / (1 - abT));
      return tf.add(mean, tf.mul(tf.randomNormal([n, 2], 0, 1, 'float32', seed), std)) as Tensor2D;
    });
    x.dispose();
    x = next;
  }
  return x;
}

/** g = ∇f(z) and y = δ + gᵀz per row (Algorithm 1, the code's per-sample chains); delta is [N] */
export function roundTargets(reward: Reward, z: Tensor2D, delta: Float32Array): { g: Tensor2D; y: Tensor2D } {
  if (delta.length !== z.shape[0]) throw new Error(`guidance: ${delta.length} increments δ for ${z.shape[0]} chains`);
  return tf.tidy(() => {
    const g = reward.grad(z);
    const y = tf.add(tf.sum(tf.mul(g, z), 1, true), tf.tensor2d(delta, [delta.length, 1])) as Tensor2D;
    return { g, y };
  });
}

/** one round of Algorithm 1: returns the new batch z_{k+1} (caller disposes z) */
export function guidedRound(
  prior: Prior, sched: Schedule, reward: Reward, z: Tensor2D, delta: Float32Array, o: GuidanceOptions, rng: Rng,
): Tensor2D {
  const { g, y } = roundTargets(reward, z, delta);
  try {
    return guidedReverse(prior, sched, z.shape[0], g, y, o, rng);
  } finally {
    g.dispose();
    y.dispose();
  }
}

/** mean, mean of the top k and the median of an array (host side, for the round metrics) */
export function summarize(v: Float32Array, k = 4): { mean: number; topk: number; median: number } {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  if (n === 0) return { mean: NaN, topk: NaN, median: NaN };
  const mean = s.reduce((a, b) => a + b, 0) / n;
  const kk = Math.min(k, n);
  let top = 0;
  for (let i = n - kk; i < n; i++) top += s[i];
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { mean, topk: top / kk, median };
}

/** rows of the batch that share one guidance kind (the main run, the δ sweep with G_loss, the one with G) */
export interface RoundGroup {
  rows: number;
  /** δ per row, [rows] */
  delta: Float32Array;
  opts: GuidanceOptions;
}

/** one round for consecutive row groups of z, each with its own guidance; returns the concatenated batch */
export function guidedRoundGroups(
  prior: Prior, sched: Schedule, reward: Reward, z: Tensor2D, groups: readonly RoundGroup[], rng: Rng,
): Tensor2D {
  const total = groups.reduce((s, g) => s + g.rows, 0);
  if (total !== z.shape[0]) throw new Error(`guidance: the groups hold ${total} rows, the batch ${z.shape[0]}`);
  if (groups.length === 1) return guidedRound(prior, sched, reward, z, groups[0].delta, groups[0].opts, rng);
  const parts: Tensor2D[] = [];
  let lo = 0;
  try {
    for (const g of groups) {
      const zi = tf.slice(z, [lo, 0], [g.rows, 2]) as Tensor2D;
      parts.push(guidedRound(prior, sched, reward, zi, g.delta, g.opts, rng));
      zi.dispose();
      lo += g.rows;
    }
    return tf.concat(parts, 0) as Tensor2D;
  } finally {
    tf.dispose(parts);
  }
}
