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
import { compileJs, describeFormulaError, isValidParamName, parseFormula, type Expr, type FormulaError } from './parse';
import { compileLogDensity, compileScore } from './compile';
import { findBox, gridProblemMessage, gridTruth, type GridProblem, type GridTruth } from './grid';
import type { FormulaSpec } from './spec';

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

/** grid cells per axis of the truth (160 000 evaluations, tens of milliseconds) */
export const FORMULA_GRID_N = 400;
/** cells per axis of the float32 overflow check */
const F32_CHECK = 100;
/** log p this far below its maximum has no mass to speak of: float32 may round it to −∞ there */
const F32_NEGLIGIBLE = 30;

export interface FormulaBuild {
  target: Target;
  expr: Expr;
  box: Box;
  truth: GridTruth;
  /** problems short of failing (mass near the box's edge), with their messages */
  warnings: { problem: GridProblem; message: string }[];
}

function paramValues(spec: FormulaSpec): Record<string, number> {
  if (!Array.isArray(spec.params)) throw new FormulaTargetError('the parameters must be a list');
  const values: Record<string, number> = {};
  for (const p of spec.params) {
    const why = isValidParamName(p.name);
    if (why !== null) throw new FormulaTargetError(`parameter '${p.name}': ${why}`);
    if (Object.hasOwn(values, p.name)) throw new FormulaTargetError(`the parameter '${p.name}' is declared twice`);
    if (!Number.isFinite(p.value)) throw new FormulaTargetError(`the parameter '${p.name}' needs a finite value, got ${p.value}`);
    values[p.name] = p.value;
  }
  return values;
}

/**
 * Where the samplers' float32 arithmetic breaks down although float64 does not: NaN or +∞ in float32
 * where float64 is finite, or −∞ where the density has mass (log(exp(100 − x^2)): exp(100) is +∞ in
 * float32). Evaluated with Math.fround after every operation, as the tfjs CPU kernels round.
 */
function float32Overflow(expr: Expr, values: Record<string, number>, sign: 1 | -1, box: Box, truth: GridTruth): GridProblem | null {
  const f64 = compileJs(expr, values, sign);
  const f32 = compileJs(expr, values, sign, Math.fround);
  const n = F32_CHECK;
  const hx = (box.xmax - box.xmin) / n, hy = (box.ymax - box.ymin) / n;
  for (let iy = 0; iy < n; iy++) {
    const y = box.ymin + (iy + 0.5) * hy;
    for (let ix = 0; ix < n; ix++) {
      const x = box.xmin + (ix + 0.5) * hx;
      const a = f64(x, y);
      if (!Number.isFinite(a)) continue;
      const b = f32(Math.fround(x), Math.fround(y));
      if (Number.isNaN(b) || b === Infinity || (b === -Infinity && a > truth.logMax - F32_NEGLIGIBLE)) return { kind: 'overflow', x, y };
    }
  }
  return null;
}

/** the target and what the UI may show besides (its box, the grid truth, the warnings) */
export function buildFormulaTarget(spec: FormulaSpec, id: TargetId = 'formula'): FormulaBuild {
  if (typeof spec?.text !== 'string') throw new FormulaTargetError('the formula must be text');
  const sign = spec.sign === -1 ? -1 : 1;
  if (spec.sign !== 1 && spec.sign !== -1) throw new FormulaTargetError(`sign must be 1 (log density) or -1 (energy), got ${String(spec.sign)}`);
  const values = paramValues(spec);
  const parsed = parseFormula(spec.text, spec.params.map((p) => p.name));
  if (!parsed.ok) throw new FormulaTargetError(describeFormulaError(parsed.error), { formulaError: parsed.error });
  const expr = parsed.expr;
  const logp = compileJs(expr, values, sign);

  let box = spec.box;
  if (!box) {
    const found = findBox(logp, sign);
    if (!found.ok) throw new FormulaTargetError(found.message, { problem: found.problem });
    box = found.box;
  }
  const grid = gridTruth(logp, box, FORMULA_GRID_N, sign);
  if (!grid.ok) throw new FormulaTargetError(grid.message, { problem: grid.problem });
  const truth = grid.truth;
  const over = float32Overflow(expr, values, sign, box, truth);
  if (over) throw new FormulaTargetError(gridProblemMessage(over, sign), { problem: over });

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
  return { target, expr, box: { ...box }, truth, warnings: grid.warnings.map((problem) => ({ problem, message: gridProblemMessage(problem, sign) })) };
}

/** throws an Error whose message is the user-facing one (parse error with position, or a grid problem) */
export function makeFormulaTarget(spec: FormulaSpec, id: TargetId = 'formula'): Target {
  return buildFormulaTarget(spec, id).target;
}
