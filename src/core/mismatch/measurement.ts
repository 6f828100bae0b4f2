// Linear measurement y = A x0 + n, n ~ N(0, σ_y² I) (METHODS.md §2.2). A has orthonormal rows (AAᵀ = I, so
// A⁺ = Aᵀ): one row at angle φ, or the identity. Every rule only needs the projector P = AᵀA onto the
// observed directions and the back-projection u = A⁺y = Aᵀy, so both are precomputed here.
import type { M2, V2 } from './mat2';

/** the rules that are a score plugged into the DDPM step (METHODS.md §2.2) */
export const SCORE_RULE_IDS = ['oracle', 'uncond', 'ddnm', 'bo-ddnm', 'dps', 'pigdm'] as const;
export type ScoreRuleId = (typeof SCORE_RULE_IDS)[number];
/** every rule: the score rules and DDNM+ (its own DDIM-η step with per-direction noise, ddnm-plus.ts) */
export const RULE_IDS = [...SCORE_RULE_IDS, 'ddnm-plus'] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RULE_LABELS: Record<RuleId, string> = {
  oracle: 'oracle', uncond: 'unconditional', ddnm: 'DDNM', 'bo-ddnm': 'BO-DDNM', dps: 'DPS', pigdm: 'ΠGDM', 'ddnm-plus': 'DDNM+',
};

export type OperatorKind = 'row' | 'identity';

export interface Measurement {
  A: number[][]; // m×2, orthonormal rows
  y: number[]; // m values
  sigmaY: number; // true noise std
  P: M2; // AᵀA
  u: V2; // Aᵀy
}

/** A = [cos φ, sin φ] (φ in degrees) or I */
export function measurementOperator(kind: OperatorKind, phiDeg: number): number[][] {
  if (kind === 'identity') return [[1, 0], [0, 1]];
  if (kind !== 'row') throw new Error(`unknown operator '${String(kind)}': row or identity`);
  if (!Number.isFinite(phiDeg)) throw new Error(`φ must be a finite angle in degrees, got ${phiDeg}`);
  const r = (phiDeg * Math.PI) / 180;
  return [[Math.cos(r), Math.sin(r)]];
}

export function makeMeasurement(A: number[][], y: number[], sigmaY: number): Measurement {
  if (!(sigmaY >= 0) || !Number.isFinite(sigmaY)) throw new Error(`σ_y must be a finite number >= 0, got ${sigmaY}`);
  if (y.length !== A.length || !y.every(Number.isFinite)) throw new Error(`the measurement y must hold ${A.length} finite number(s), got [${y.join(', ')}]`);
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < A.length; j++) {
      const dot = A[i][0] * A[j][0] + A[i][1] * A[j][1];
      if (Math.abs(dot - (i === j ? 1 : 0)) > 1e-9) throw new Error('A must have orthonormal rows (AAᵀ = I)');
    }
  }
  const P: M2 = [0, 0, 0, 0];
  const u: V2 = [0, 0];
  A.forEach((row, i) => {
    P[0] += row[0] * row[0]; P[1] += row[0] * row[1]; P[2] += row[1] * row[0]; P[3] += row[1] * row[1];
    u[0] += row[0] * y[i]; u[1] += row[1] * y[i];
  });
  return { A, y, sigmaY, P, u };
}

/** the measurement of a point c in the plane: y = A c (what a click on the plane means) */
export function measure(A: number[][], c: V2): number[] {
  return A.map((row) => row[0] * c[0] + row[1] * c[1]);
}
