// Bias sweeps in closed form (Gaussian prior): KL(Q_{1|y} ‖ P_{1|y}) against T for every rule (the paper's
// README figure) and against σ_y. Each point is one propagation (O(T) 2x2 products): the whole sweep takes
// milliseconds, so the worker recomputes it on every configure.
import { makeCondSetup, type CondSetup, type Gauss } from './affine-rules';
import { propagateGaussian } from './gaussian-propagation';
import { makeMeasurement, type RuleId } from './measurement';
import { DDNM_ETA } from './ddnm-plus';
import { makeVpTable, type VarianceKind, type VpKind } from './schedule';

export const SWEEP_T = [20, 50, 100, 200, 500, 1000, 2000] as const;
export const SWEEP_SIGMA = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1] as const;

export interface Series {
  xs: Float32Array;
  ys: Record<string, Float32Array>;
}

/** KL at t = 1 for each T and rule; a rule that diverges at some T gives NaN there (the plot leaves a gap) */
export function klOverT(cs: CondSetup, rules: readonly RuleId[], Ts: readonly number[], kind: VpKind, variance: VarianceKind): Series {
  const ys: Record<string, Float32Array> = {};
  for (const r of rules) ys[r] = new Float32Array(Ts.length);
  Ts.forEach((T, i) => {
    const tab = makeVpTable(kind, T);
    for (const r of rules) ys[r][i] = safeKl(() => propagateGaussian(cs, r, tab, variance).kl);
  });
  return { xs: Float32Array.from(Ts), ys };
}

/** KL at t = 1 for each σ_y (the sampler assumes the true σ_y), at fixed T */
export function klOverSigma(
  prior: Gauss, A: number[][], y: number[], zeta: number, rules: readonly RuleId[], sigmas: readonly number[],
  T: number, kind: VpKind, variance: VarianceKind, eta = DDNM_ETA,
): Series {
  const tab = makeVpTable(kind, T);
  const ys: Record<string, Float32Array> = {};
  for (const r of rules) ys[r] = new Float32Array(sigmas.length);
  sigmas.forEach((sg, i) => {
    const cs = makeCondSetup(prior, makeMeasurement(A, y, sg), sg, zeta, eta);
    for (const r of rules) ys[r][i] = safeKl(() => propagateGaussian(cs, r, tab, variance).kl);
  });
  return { xs: Float32Array.from(sigmas), ys };
}

function safeKl(f: () => number): number {
  try {
    const v = f();
    return Number.isFinite(v) ? v : NaN;
  } catch {
    return NaN;
  }
}
