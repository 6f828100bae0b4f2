// The few-step VAR noise schedule of the DxMI sampler (METHODS.md §5.3; official code
// models/DxMI/var_sampler.py `get_VAR_noise(S, 'quadratic')`, `VAR_get_params`).
//
// β̃_n = β_0 (1 + n x)², n = 0..T-1, with x found by bisection so that Π_n (1 − β̃_n) reaches the
// DDPM-1000 linear schedule's ᾱ_1000 (β from 1e-4 to 0.02). Two variants:
//  'code'    — the official bisection searches x only in (0, 0.95/(√β_0 T)); Π(1 − β̃) is still above
//              ᾱ_1000 at that cap for every T ≤ 10, so x ends AT the cap (T = 10: x = 9.5, the betas
//              listed in METHODS.md §5.3, Γ̄_9 = 0.0208; T = 4: Γ̄_3 = 0.343). The sampler then starts
//              from N(0, I) at a level that still holds signal — the code's behaviour, kept as default.
//  'matched' — x solved on the whole valid domain, so Π(1 − β̃) = ᾱ_1000 exactly (what METHODS.md §5.3
//              describes): the sampler starts from nearly pure noise, as DDPM-1000 does.
//
// Policy step i = 0..T-1 moves from level Γ̄_{T-1-i} to level Γ̄_{T-2-i} (Γ̄ := 1 after the last step),
// DDIM with η = κ = 1 (the DDPM posterior noise):
//   mean = xMult_i x + cEps_i ε̂(x, i),   xMult = √(Γ̄_next/Γ̄_cur),
//   cEps = √(1 − Γ̄_next − σ²) − √(1 − Γ̄_cur) √(Γ̄_next/Γ̄_cur),  σ² = (1−Γ̄_next)/(1−Γ̄_cur)·(1 − Γ̄_cur/Γ̄_next)
// The last step is the deterministic x0-prediction (σ = 0 in the mean); its noise std is fixed at 0.001.
// The learnable σ_i replaces only the noise std, never the mean coefficients (as in the code).

export const DDPM1000 = { beta0: 1e-4, betaT: 0.02, T: 1000 } as const;
/** the fixed noise std of the last step (official `std[-1] = 0.001`, trainable_beta 'fix_last') */
export const LAST_SIGMA = 0.001;

/** ᾱ_1000 of the DDPM linear schedule, computed in float64 */
export function ddpm1000AbarT(): number {
  const { beta0, betaT, T } = DDPM1000;
  let prod = 1;
  for (let t = 0; t < T; t++) prod *= 1 - (beta0 + ((betaT - beta0) * t) / (T - 1));
  return prod;
}

const quadBetas = (T: number, x: number) => Float64Array.from({ length: T }, (_, n) => DDPM1000.beta0 * (1 + n * x) ** 2);
const prodOneMinus = (b: Float64Array) => b.reduce((p, v) => p * (1 - v), 1);

export type VarKind = 'code' | 'matched';

/** the quadratic VAR betas for T steps and the growth factor x */
export function varBetas(T: number, kind: VarKind = 'code'): { beta: Float64Array; x: number } {
  if (!Number.isInteger(T) || T < 1 || T > 50) throw new Error(`VAR schedule: T must be an integer in 1..50, got ${T}`);
  const target = ddpm1000AbarT();
  // T = 1 has no free x (β̃_0 = β_0 whatever x): 'matched' jumps straight from the final level instead
  if (T === 1) return { beta: Float64Array.of(kind === 'code' ? DDPM1000.beta0 : 1 - target), x: 0 };
  // Π(1 − β̃) decreases in x on the domain where every β̃ < 1; bisection to a relative 1e-12
  let lo = 0;
  let hi = kind === 'code' ? 0.95 / Math.sqrt(DDPM1000.beta0) / T : 0.999999 / Math.sqrt(DDPM1000.beta0) / (T - 1);
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (prodOneMinus(quadBetas(T, mid)) > target) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  return { beta: quadBetas(T, x), x };
}

export interface VarSchedule {
  T: number;
  kind: VarKind;
  /** β̃_n and Γ̄_n = Π_{m≤n}(1 − β̃_m), n = 0..T-1 (n = T-1 is the noise level the sampler starts at) */
  beta: Float64Array;
  gbar: Float64Array;
  /** per policy step i = 0..T-1 (i = 0 starts from noise) */
  xMult: Float64Array;
  cEps: Float64Array;
  /** the DDPM posterior std of step i (the initial σ_i; LAST_SIGMA for the last step) */
  sigma0: Float64Array;
  /** Γ̄ of the state the policy step i reads (x_i); x_T is clean (Γ̄ = 1) */
  gbarState: Float64Array;
}

export function makeVarSchedule(T: number, kind: VarKind = 'code'): VarSchedule {
  const { beta } = varBetas(T, kind);
  const gbar = new Float64Array(T);
  let p = 1;
  for (let n = 0; n < T; n++) gbar[n] = p *= 1 - beta[n];
  const xMult = new Float64Array(T);
  const cEps = new Float64Array(T);
  const sigma0 = new Float64Array(T);
  const gbarState = new Float64Array(T + 1);
  for (let i = 0; i < T; i++) {
    const cur = gbar[T - 1 - i];
    const last = i === T - 1;
    const next = last ? 1 : gbar[T - 2 - i];
    const s2 = last ? 0 : ((1 - next) / (1 - cur)) * (1 - cur / next);
    xMult[i] = Math.sqrt(next / cur);
    cEps[i] = Math.sqrt(Math.max(0, 1 - next - s2)) - Math.sqrt(1 - cur) * Math.sqrt(next / cur);
    sigma0[i] = last ? LAST_SIGMA : Math.sqrt(s2);
    gbarState[i] = cur;
  }
  gbarState[T] = 1;
  return { T, kind, beta, gbar, xMult, cEps, sigma0, gbarState };
}
