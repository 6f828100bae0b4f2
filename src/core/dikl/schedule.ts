// DiKL's discrete VP schedule and loss weights (METHODS.md §3.1, §3.4).
// β_0..β_{T−1} = linspace(βstart, βend, T), ᾱ_t = Π_{s≤t}(1 − β_s) (0-indexed, as in the official
// models/mlp.py buffers), a_t = √ᾱ_t, s_t = √(1 − ᾱ_t). Index 0 is never used (t ~ U{1..T−1}).
// Kept apart from core/schedules.ts because that module's linear schedule is score_sde's continuous one.

export type Weighting = 'uniform' | 'inv-a' | 's2-over-a' | 's2-over-a2';
export const WEIGHTINGS: readonly Weighting[] = ['uniform', 'inv-a', 's2-over-a', 's2-over-a2'];

export interface DiklSchedule {
  T: number;
  /** a_t and s_t (float64 JS arrays, index 0..T−1) */
  a: Float64Array;
  s: Float64Array;
}

export function diklSchedule(T: number, betaStart: number, betaEnd: number): DiklSchedule {
  if (!Number.isInteger(T) || T < 2) throw new Error(`DiKL schedule: T_max must be an integer >= 2, got ${T}`);
  if (!(betaStart > 0 && betaEnd >= betaStart && betaEnd < 1)) {
    throw new Error(`DiKL schedule: need 0 < β_start <= β_end < 1, got β_start=${betaStart}, β_end=${betaEnd}`);
  }
  const a = new Float64Array(T);
  const s = new Float64Array(T);
  let abar = 1;
  for (let t = 0; t < T; t++) {
    const beta = T === 1 ? betaStart : betaStart + ((betaEnd - betaStart) * t) / (T - 1);
    abar *= 1 - beta;
    a[t] = Math.sqrt(abar);
    s[t] = Math.sqrt(1 - abar);
  }
  return { T, a, s };
}

/** w(t) for one level; the paper's MoG-40 and MW-32 configs use 1/a */
export function weightAt(kind: Weighting, a: number, s: number): number {
  switch (kind) {
    case 'uniform':
      return 1;
    case 'inv-a':
      return 1 / a;
    case 's2-over-a':
      return (s * s) / a;
    case 's2-over-a2':
      return (s * s) / (a * a);
  }
}

/** the indices a run trains on: 1..T−1 for DiKL, only the smallest level 1 for plain reverse KL */
export function levelIndices(objective: 'dikl' | 'rkl', T: number): Int32Array {
  if (objective === 'rkl') return Int32Array.of(1);
  return Int32Array.from({ length: T - 1 }, (_, i) => i + 1);
}

/** per-row a, s, w for a batch of level indices */
export function rowLevels(sched: DiklSchedule, ts: Int32Array, weighting: Weighting): { a: Float32Array; s: Float32Array; w: Float32Array } {
  const n = ts.length;
  const a = new Float32Array(n);
  const s = new Float32Array(n);
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = ts[i];
    a[i] = sched.a[t];
    s[i] = sched.s[t];
    w[i] = weightAt(weighting, sched.a[t], sched.s[t]);
  }
  return { a, s, w };
}
