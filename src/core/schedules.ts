// VP noise schedules as plain Float32Arrays (METHODS.md §0.1). Index t = 1..T is stored at [t-1];
// index 0 of abar is the clean data (abar_0 = 1) in `abarWith0`.
import type { NoiseLevel } from './types';

export type ScheduleKind = 'linear' | 'cosine';

export interface Schedule {
  kind: ScheduleKind;
  T: number;
  beta: Float32Array; // [T]
  alpha: Float32Array; // [T]
  abar: Float32Array; // [T]
}

/** Linear: the continuous VP-SDE of score_sde (beta_min 0.1, beta_max 20) discretized for T steps. Cosine: Nichol & Dhariwal. */
export function makeSchedule(kind: ScheduleKind, T: number): Schedule {
  if (!Number.isInteger(T) || T < 1) throw new Error(`schedule: T must be a positive integer, got ${T}`);
  const beta = new Float32Array(T);
  if (kind === 'linear') {
    // discretize the continuous VP-SDE (beta(t) = 0.1 + 19.9 t, score_sde) exactly: abar(t) = exp(-int beta),
    // so any T (even 5) gives valid betas and the same endpoint abar_T ~ 4e-5
    const logAbar = (t: number) => -(0.1 * t + (19.9 * t * t) / 2);
    for (let i = 0; i < T; i++) beta[i] = Math.min(1 - Math.exp(logAbar((i + 1) / T) - logAbar(i / T)), 0.999);
  } else {
    // Nichol & Dhariwal cosine schedule, betas clipped at 0.999
    const s = 0.008;
    const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
    for (let i = 0; i < T; i++) beta[i] = Math.min(1 - f(i + 1) / f(i), 0.999);
  }
  const alpha = new Float32Array(T);
  const abar = new Float32Array(T);
  let prod = 1;
  for (let i = 0; i < T; i++) {
    alpha[i] = 1 - beta[i];
    prod *= alpha[i];
    abar[i] = prod;
  }
  return { kind, T, beta, alpha, abar };
}

/** abar at step t (t = 0 is clean data) */
export function abarAt(s: Schedule, t: number): number {
  return t <= 0 ? 1 : s.abar[t - 1];
}

/** the noise level of x_t */
export function levelAt(s: Schedule, t: number): NoiseLevel {
  const ab = abarAt(s, t);
  return { a: Math.sqrt(ab), s2: 1 - ab };
}
