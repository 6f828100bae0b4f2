// The quick check the formula editor makes before it lets a formula replace the running target: the same
// resolution the worker makes (resolve.ts: parameters, parse with the position of a syntax error, box,
// NaN/Inf, flat, mass at the box's edge, float32 overflow) on a coarse 96 × 96 grid, so the editor can
// answer as one types (a few milliseconds); the worker then builds the target on its fine grid.
import type { Box } from '../../types';
import type { FormulaError } from './parse';
import { formatBoxText, parseBoxText } from './link-text';
import { resolveFormula } from './resolve';
import type { FormulaSpec } from './spec';

/** what the editor holds: a spec, whose box may be absent (found from the density) */
export type FormulaDraft = FormulaSpec;

export type FormulaCheck =
  | { ok: true; box: Box; /** the box was found from the density */ auto: boolean; warnings: string[] }
  | { ok: false; error: FormulaError; /** the error is a range of the text (a parse error), or about the density as a whole */ where: 'text' | 'density' };

/** the editor's grid: coarse, since the worker checks again on its fine one */
const CHECK_GRID = 96;

export function checkFormula(d: FormulaDraft): FormulaCheck {
  const whole = { start: 0, end: d.text.length };
  if (d.box) {
    // the box as the link will write it
    const b = parseBoxText(formatBoxText(d.box));
    if (!b.ok) return { ok: false, error: { message: `The box is invalid: ${b.message}.`, ...whole }, where: 'density' };
  }
  const r = resolveFormula(d, CHECK_GRID);
  if (r.ok) return { ok: true, box: r.box, auto: r.auto, warnings: r.warnings.map((w) => w.message) };
  if (r.formulaError) return { ok: false, error: r.formulaError, where: 'text' };
  return { ok: false, error: { message: r.message, ...whole }, where: 'density' };
}
