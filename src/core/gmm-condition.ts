// Exact Bayes update of a Gaussian-mixture prior by a linear Gaussian measurement y = A x0 + n,
// n ~ N(0, σ_y² I_m), A m×2 with m = 1 or 2 (METHODS.md §0.2). The posterior is again a mixture; the Kalman form
// used here never inverts Σ_k, so it holds for singular components and for σ_y = 0 whenever G_k is invertible.
// Plain float64 JS: K is small and the result is data (a Mixture), not tensors.
import type { Mixture, Vec2 } from './types';
import { checkMixture } from './gmm-terms';

type Mat = number[][];

function inv(G: Mat): Mat | null {
  if (G.length === 1) return G[0][0] > 0 ? [[1 / G[0][0]]] : null;
  const det = G[0][0] * G[1][1] - G[0][1] * G[1][0];
  // relative test: a G that is singular up to rounding would blow the gain up instead of failing loudly
  if (!(det > 1e-14 * (G[0][0] + G[1][1]) ** 2)) return null;
  return [[G[1][1] / det, -G[0][1] / det], [-G[1][0] / det, G[0][0] / det]];
}

function mul(A: Mat, B: Mat): Mat {
  return A.map((row) => B[0].map((_, j) => row.reduce((s, v, i) => s + v * B[i][j], 0)));
}

const transpose = (A: Mat): Mat => A[0].map((_, j) => A.map((row) => row[j]));

/**
 * The posterior mixture p(x0 | y): π'_k ∝ π_k N(y; A μ_k, G_k), μ'_k = μ_k + K_k (y − A μ_k),
 * Σ'_k = Σ_k − K_k A Σ_k, with G_k = A Σ_k Aᵀ + σ_y² I and gain K_k = Σ_k Aᵀ G_k⁻¹.
 */
export function gmmConditionLinear(mix: Mixture, A: number[][], y: number[], sigmaY: number): Mixture {
  checkMixture(mix);
  const m = A.length;
  if (!(m === 1 || m === 2) || A.some((r) => r.length !== 2 || !r.every(Number.isFinite))) {
    throw new Error('gmmConditionLinear: A must be a finite 1x2 or 2x2 matrix (rows of length 2)');
  }
  if (y.length !== m || !y.every(Number.isFinite)) throw new Error(`gmmConditionLinear: y must hold ${m} finite number(s)`);
  if (!(sigmaY >= 0) || !Number.isFinite(sigmaY)) throw new Error(`gmmConditionLinear: sigmaY must be >= 0, got ${sigmaY}`);
  const At = transpose(A);
  const logw: number[] = [];
  const comps = mix.map((c, k) => {
    const S: Mat = [[c.cov[0], c.cov[1]], [c.cov[1], c.cov[2]]];
    const SAt = mul(S, At); // 2×m
    const G = mul(A, SAt).map((row, i) => row.map((v, j) => v + (i === j ? sigmaY * sigmaY : 0)));
    const Gi = inv(G);
    if (!Gi) {
      throw new Error(`gmmConditionLinear: A Σ_${k} Aᵀ + σ_y² I is singular for component ${k}; use sigmaY > 0`);
    }
    const Am = mul(A, [[c.mean[0]], [c.mean[1]]]);
    const r = y.map((yi, i) => yi - Am[i][0]); // innovation
    const Kg = mul(SAt, Gi); // 2×m
    const rGr = r.reduce((s, ri, i) => s + ri * r.reduce((t, rj, j) => t + Gi[i][j] * rj, 0), 0);
    const detG = m === 1 ? G[0][0] : G[0][0] * G[1][1] - G[0][1] * G[1][0];
    logw.push(Math.log(c.w) - 0.5 * rGr - 0.5 * Math.log(detG) - (m / 2) * Math.log(2 * Math.PI));
    const mean: Vec2 = [
      c.mean[0] + Kg[0].reduce((s, v, i) => s + v * r[i], 0),
      c.mean[1] + Kg[1].reduce((s, v, i) => s + v * r[i], 0),
    ];
    const KAS = mul(Kg, mul(A, S));
    const cxx = Math.max(S[0][0] - KAS[0][0], 0);
    const cyy = Math.max(S[1][1] - KAS[1][1], 0);
    let cxy = S[0][1] - (KAS[0][1] + KAS[1][0]) / 2;
    // rounding can push a rank-deficient Σ' a hair outside the PSD cone; pull the correlation back in
    const lim = Math.sqrt(cxx * cyy);
    cxy = Math.min(Math.max(cxy, -lim), lim);
    return { mean, cov: [cxx, cxy, cyy] as [number, number, number] };
  });
  const top = Math.max(...logw);
  if (!Number.isFinite(top)) throw new Error('gmmConditionLinear: the measurement has zero likelihood under every component');
  // floor instead of dropping: callers index components by k (and a Mixture needs w > 0)
  return comps.map((c, k) => ({ w: Math.max(Math.exp(logw[k] - top), 1e-300), mean: c.mean, cov: c.cov }));
}
