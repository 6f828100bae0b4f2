// The Equations panel's block for a target typed as a formula: the parsed tree rendered as LaTeX (never
// the raw text: KaTeX sees only what toLatex writes), the parameters' current values, and how Z is found.
import type { ParamValue } from '../types';
import { aligned, num, text, type EquationBlock } from './latex';
import { parseBoxText, parseParamList } from '../../core/targets/formula/link-text';
import { parseFormula, toLatex } from '../../core/targets/formula/parse';
import { FORMULA_GRID_N as FORMULA_GRID } from '../../core/targets/formula/spec';

export function formulaEquation(p: Record<string, ParamValue>): EquationBlock {
  const params = parseParamList(String(p.fp ?? ''));
  const names = params.ok ? params.value.map((q) => q.name) : [];
  const parsed = parseFormula(String(p.f ?? ''), names);
  if (!parsed.ok) return { title: 'Your target', tex: text('(the formula does not parse: see the message under it)') };
  const energy = p.fsign === 'energy';
  const body = toLatex(parsed.expr);
  const box = parseBoxText(String(p.fbox ?? ''));
  const where = box.ok && box.value
    ? `[${num(box.value.xmin)}, ${num(box.value.xmax)}] \\times [${num(box.value.ymin)}, ${num(box.value.ymax)}]`
    : text('the box found from the density');
  const lines = energy
    ? [`E(x, y) &= ${body}`, `p(x, y) &= e^{-E(x, y)} / Z`]
    : [`\\log p(x, y) &= ${body} - \\log Z`];
  lines.push(`Z &= \\textstyle\\iint_{B} ${energy ? 'e^{-E}' : 'e^{\\log \\tilde p}'}\\, dx\\, dy, \\quad B = ${where}`);
  const values = params.ok && params.value.length ? params.value.map((q) => `${q.name} = ${num(q.value)}`).join(',\\ ') : '';
  return {
    title: 'Your target (typed as a formula)',
    tex: aligned(...lines, ...(values ? [`&${values}`] : [])),
    note: `Z, the reference samples and the marginals from a ${FORMULA_GRID} × ${FORMULA_GRID} grid over B (midpoint rule); the score by automatic differentiation of the formula.`,
  };
}
