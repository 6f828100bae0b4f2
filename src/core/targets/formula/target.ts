// A typed density as a Target: the formula compiled to tfjs for the samplers (log density and its
// autodiff score), and its grid truth (log Z, samples, marginals) from float64 JS. Built once per formula;
// every failure is an Error whose message is the sentence to show under the formula field. Its samples
// are the grid's (a cell by its mass, uniform within it): exact up to the 400 × 400 cells' resolution.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import type { Box, NoiseLevel } from '../../types';
import type { Rng } from '../../rng';
import type { Target, TargetId } from '../types';
import { assertCleanLevel, sampleRows } from '../analytic';
import { TARGETS } from '../catalog';
import type { Expr, FormulaError } from './parse';
import { compileLogDensity, compileScore } from './compile';
import type { GridProblem, GridTruth } from './grid';
import { resolveFormula } from './resolve';
import { FORMULA_GRID_N, type FormulaSpec } from './spec';

export type { FormulaSpec, FormulaParam } from './spec';

/** an Error whose message is the user-facing one, carrying what went wrong for the UI to highlight */
export class FormulaTargetError extends Error {
  /** a parse error: its character range in the text */
  readonly formulaError?: FormulaError;
  /** a grid problem (NaN at a point, flat, mass at the edge, ...) */
  readonly problem?: GridProblem;
  constructor(message: string, detail: { formulaError?: FormulaError; problem?: GridProblem } = {}) {
    super(message);
    this.name = 'FormulaTargetError';
    this.formulaError = detail.formulaError;
    this.problem = detail.problem;
  }
}

export { FORMULA_GRID_N } from './spec';

export interface FormulaBuild {
  target: Target;
  expr: Expr;
  box: Box;
  truth: GridTruth;
  /** problems short of failing (mass near the box's edge), with their messages */
  warnings: { problem: GridProblem; message: string }[];
}

/** the target and what the UI may show besides (its box, the grid truth, the warnings) */
export function buildFormulaTarget(spec: FormulaSpec, id: TargetId = 'formula'): FormulaBuild {
  const r = resolveFormula(spec, FORMULA_GRID_N);
  if (!r.ok) throw new FormulaTargetError(r.message, { formulaError: r.formulaError, problem: r.problem });
  const { expr, values, box, truth } = r;
  const sign = spec.sign;
  const logZ = truth.logZ;
  const density = compileLogDensity(expr, values, sign);
  const score = compileScore(expr, values, sign);
  const target: Target = {
    id, label: TARGETS.formula.name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { ...box },
    logDensity: (x: Tensor2D) => tf.tidy(() => tf.sub(density(x), logZ)),
    score: (x: Tensor2D, level: NoiseLevel) => {
      assertCleanLevel(id, level);
      return score(x);
    },
    sample: (n: number, rng: Rng) => sampleRows(n, (o, i) => truth.draw(o, i, rng)),
    marginal: (axis, xs) => truth.marginal(axis, xs),
  };
  return { target, expr, box: { ...box }, truth, warnings: r.warnings };
}

/** throws an Error whose message is the user-facing one (parse error with position, or a grid problem) */
export function makeFormulaTarget(spec: FormulaSpec, id: TargetId = 'formula'): Target {
  return buildFormulaTarget(spec, id).target;
}
