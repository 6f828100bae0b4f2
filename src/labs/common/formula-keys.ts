// The link keys of a target typed as a formula, shared by every lab that takes one: `f` (the text),
// `fp` (its parameters, each a slider), `fsign` (log-density or energy) and `fbox` (the box; empty:
// found from the density). The formula editor (ui/formula/) edits all four in one change. No tfjs here:
// the schemas and the UI thread read it; the worker turns the values into a FormulaSpec with formulaSpecOf.
import type { ParamSpec, ParamValue } from '../types';
import { parseBoxText, parseParamList } from '../../core/targets/formula/link-text';
import { DEFAULT_FORMULA, type FormulaSpec } from '../../core/targets/formula/spec';
import type { FormulaDraft } from '../../core/targets/formula/check';

type P = Record<string, ParamValue>;

/** the longest formula a link carries (the editor says so as one types past it) */
export const MAX_FORMULA_CHARS = 1000;

const refused = <T>(r: { ok: true; value: T } | { ok: false; message: string }): string | null => (r.ok ? null : r.message);

/**
 * The four specs, shown while `when` holds (target=formula). `estimates`: the lab's sentence on which of
 * its quantities become grid estimates with a formula (shown under the editor).
 */
export function formulaSpecs(when: (p: P) => boolean, estimates: string) {
  return [
    {
      key: 'f', label: 'Formula', group: 'target', kind: 'text', editor: 'formula', maxLength: MAX_FORMULA_CHARS, default: DEFAULT_FORMULA, when, inertWhenHidden: true, note: estimates,
      help: 'Your log-density in x and y (or an energy: see below), e.g. -(y - x^2)^2/0.2 - x^2/10. Functions: exp, log, log1p, sqrt, abs, sin, cos, tanh, sigmoid, softplus, min, max, logsumexp; constants pi and e; your own parameters with sliders. Normalized on a fine grid over the box; the score by autodiff.',
    },
    { key: 'fp', label: 'Formula parameters', group: 'target', kind: 'text', editedWith: 'f', maxLength: 400, default: '', when, inertWhenHidden: true, check: (s: string) => refused(parseParamList(s)), help: 'Your parameters as name,value,min,max separated by ";" (each gets a slider).' },
    { key: 'fsign', label: 'The formula is', group: 'target', kind: 'enum', editedWith: 'f', values: ['logp', 'energy'], valueLabels: ['log p(x, y)', 'an energy E(x, y), p ∝ exp(−E)'], default: 'logp', when, inertWhenHidden: true, help: 'Whether the text is a log-density (up to a constant) or an energy.' },
    { key: 'fbox', label: 'Box', group: 'target', kind: 'text', editedWith: 'f', maxLength: 120, default: '', when, inertWhenHidden: true, check: (s: string) => refused(parseBoxText(s)), help: 'xmin,xmax,ymin,ymax of the box the density is normalized, sampled and drawn on; empty: found from the density.' },
  ] as const satisfies readonly ParamSpec[];
}

/** the formula the params describe as the editor holds it (bad fp or fbox: none, auto); never throws */
export function draftOfParams(p: P): FormulaDraft {
  const params = parseParamList(String(p.fp ?? ''));
  const box = parseBoxText(String(p.fbox ?? ''));
  return { text: String(p.f ?? ''), params: params.ok ? params.value : [], sign: p.fsign === 'energy' ? -1 : 1, box: box.ok ? box.value : undefined };
}

/** the formula the params describe (fp and fbox were checked by the codec; a bad formula fails when the target is built, with the parser's message) */
export function formulaSpecOf(p: P): FormulaSpec {
  const params = parseParamList(String(p.fp ?? ''));
  const box = parseBoxText(String(p.fbox ?? ''));
  if (!params.ok) throw new Error(`The formula's parameters are invalid: ${params.message}.`);
  if (!box.ok) throw new Error(`The formula's box is invalid: ${box.message}.`);
  return { text: String(p.f ?? DEFAULT_FORMULA), params: params.value, sign: p.fsign === 'energy' ? -1 : 1, box: box.value };
}
