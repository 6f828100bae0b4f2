// A formula spec resolved to what a target is built from, without tensors: the parameters checked, the
// text parsed, the box (the user's or found from the density), the grid truth on n × n cells and the
// float32 check. Both the worker (target.ts, on the fine grid) and the formula editor (check.ts, on a
// coarse one, as one types) go through here, so the two always agree on what is refused and why.
import type { Box } from '../../types';
import { compileJs, describeFormulaError, isValidParamName, parseFormula, type Expr, type FormulaError } from './parse';
import { findBox, gridProblemMessage, gridTruth, type GridProblem, type GridTruth } from './grid';
import type { FormulaSpec } from './spec';

/** cells per axis of the float32 overflow check */
const F32_CHECK = 100;
/** log p this far below its maximum has no mass to speak of: float32 may round it to −∞ there */
const F32_NEGLIGIBLE = 30;

export interface Resolved {
  ok: true;
  expr: Expr;
  values: Record<string, number>;
  box: Box;
  /** the box was found from the density (the spec gave none) */
  auto: boolean;
  truth: GridTruth;
  /** problems short of failing (mass near the box's edge), with their messages */
  warnings: { problem: GridProblem; message: string }[];
}

/** why a spec is refused: a message for the user, and where it applies (a range of the text, or the density as a whole) */
export interface Refusal {
  ok: false;
  message: string;
  /** set for a parse error (the range the parser stopped at) */
  formulaError?: FormulaError;
  problem?: GridProblem;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
const refuse = (message: string, detail: Omit<Refusal, 'ok' | 'message'> = {}): never => {
  throw new Refused({ ok: false, message, ...detail });
};

function paramValues(spec: FormulaSpec): Record<string, number> {
  if (!Array.isArray(spec.params)) refuse('the parameters must be a list');
  const values: Record<string, number> = {};
  for (const p of spec.params) {
    const why = isValidParamName(p.name);
    if (why !== null) refuse(`parameter '${p.name}': ${why}`);
    if (Object.hasOwn(values, p.name)) refuse(`the parameter '${p.name}' is declared twice`);
    if (!Number.isFinite(p.value)) refuse(`the parameter '${p.name}' needs a finite value, got ${p.value}`);
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

/** the spec resolved on an n × n grid, or why not; never throws */
export function resolveFormula(spec: FormulaSpec, n: number): Resolved | Refusal {
  try {
    if (typeof spec?.text !== 'string') refuse('the formula must be text');
    if (spec.sign !== 1 && spec.sign !== -1) refuse(`sign must be 1 (log density) or -1 (energy), got ${String(spec.sign)}`);
    const sign = spec.sign;
    const values = paramValues(spec);
    const parsed = parseFormula(spec.text, spec.params.map((p) => p.name));
    if (!parsed.ok) return { ok: false, message: describeFormulaError(parsed.error), formulaError: parsed.error };
    const expr = parsed.expr;
    const logp = compileJs(expr, values, sign);
    const found = spec.box ? { ok: true as const, box: spec.box } : findBox(logp, sign);
    if (!found.ok) return { ok: false, message: found.message, problem: found.problem };
    const box = found.box;
    const grid = gridTruth(logp, box, n, sign);
    if (!grid.ok) return { ok: false, message: grid.message, problem: grid.problem };
    const over = float32Overflow(expr, values, sign, box, grid.truth);
    if (over) return { ok: false, message: gridProblemMessage(over, sign), problem: over };
    const warnings = grid.warnings.map((problem) => ({ problem, message: gridProblemMessage(problem, sign) }));
    return { ok: true, expr, values, box: { ...box }, auto: !spec.box, truth: grid.truth, warnings };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    // a box gridTruth refuses (checkBox), or anything unforeseen: a message, never a crash
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
