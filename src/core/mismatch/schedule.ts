// VP schedules for the score-mismatch lab in float64 (the closed-form KL compares numbers ~1e-4, so the
// schedule must not carry float32 rounding). ETC is the repo's "exponential-then-constant" schedule
// [CODE jacksonliang35/zero-shot-cond-diff-models: ddpm_torch/diffusion.py get_beta_schedule('genli')]:
//   k = c·log T / T,  β_t = k·min(β_start (1+k)^t, 1) for t = 1..T,  then β_1 overwritten with β_start.
// Index t = 1..T is stored at [t-1] (as in core/schedules.ts).
import { makeSchedule } from '../schedules';

export type VpKind = 'etc' | 'linear' | 'cosine';
export type VarianceKind = 'large' | 'small';

export interface VpTable {
  kind: VpKind;
  T: number;
  beta: Float64Array;
  alpha: Float64Array;
  abar: Float64Array;
}

export const ETC_C = 3;
export const ETC_BETA_START = 1e-4;

export function etcBetas(T: number, c = ETC_C, betaStart = ETC_BETA_START): Float64Array {
  if (!Number.isInteger(T) || T < 2) throw new Error(`ETC schedule: T must be an integer >= 2, got ${T}`);
  if (!(c > 0) || !(betaStart > 0 && betaStart < 1)) throw new Error(`ETC schedule: need c > 0 and 0 < β_start < 1, got c=${c}, β_start=${betaStart}`);
  const k = (c * Math.log(T)) / T;
  if (!(k < 1)) throw new Error(`ETC schedule: k = c·log T / T = ${k.toFixed(3)} must be < 1 (use a larger T or a smaller c)`);
  const beta = new Float64Array(T);
  for (let t = 1; t <= T; t++) beta[t - 1] = k * Math.min(betaStart * (1 + k) ** t, 1);
  beta[0] = betaStart; // the repo overwrites betas[0]
  return beta;
}

export function makeVpTable(kind: VpKind, T: number): VpTable {
  let beta: Float64Array;
  if (kind === 'etc') beta = etcBetas(T);
  else if (kind === 'linear' || kind === 'cosine') beta = Float64Array.from(makeSchedule(kind, T).beta);
  else throw new Error(`unknown schedule '${String(kind)}': etc, linear or cosine`);
  const alpha = beta.map((b) => 1 - b);
  const abar = new Float64Array(T);
  let prod = 1;
  for (let i = 0; i < T; i++) abar[i] = prod *= alpha[i];
  return { kind, T, beta, alpha, abar };
}

/** ᾱ_t with ᾱ_0 = 1 */
export function abarOf(tab: VpTable, t: number): number {
  return t <= 0 ? 1 : tab.abar[t - 1];
}

/** the noise level of x_t: x_t = a x0 + s z */
export function levelOf(tab: VpTable, t: number): { a: number; s2: number } {
  const ab = abarOf(tab, t);
  return { a: Math.sqrt(ab), s2: 1 - ab };
}

/** variance of the reverse step t -> t-1: β_t ('fixed-large', repo default) or σ̃_t² ('fixed-small') */
export function reverseVariance(tab: VpTable, t: number, kind: VarianceKind): number {
  const b = tab.beta[t - 1];
  if (kind === 'large') return b;
  return (b * (1 - abarOf(tab, t - 1))) / (1 - abarOf(tab, t));
}
