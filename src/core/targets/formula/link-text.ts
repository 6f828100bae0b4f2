// How a formula's parameters and box travel in a link: `fp=a,1,0.1,2;b,0.5,0,1` (name, value, min, max per
// parameter) and `fbox=-4,4,-3,5` (xmin, xmax, ymin, ymax; empty: found from the density). Commas and
// semicolons stay readable in a fragment (url-codec's escape keeps them). No tfjs: the codec and the UI
// thread read these.
import type { Box } from '../../types';
import type { FormulaParam } from './spec';
import { isValidParamName } from './parse';

export type { FormulaParam } from './spec';

/** at most this many declared parameters (each gets a slider) */
export const MAX_FORMULA_PARAMS = 8;
/** a plain decimal (what the link writes): no hex, no 'Infinity', no empty string */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const num = (s: string): number => (DECIMAL.test(s.trim()) ? Number(s.trim()) : NaN);
/** a number as the link writes it: at most 6 significant digits, so sliders do not write 0.30000000000000004 */
export const linkNumber = (x: number): string => String(Number(x.toPrecision(6)));

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `a,1,0.1,2;b,...` -> parameters; '' -> none. Never throws. */
export function parseParamList(text: string): Parsed<FormulaParam[]> {
  if (text.trim() === '') return { ok: true, value: [] };
  const parts = text.split(';').filter((p) => p.trim() !== '');
  if (parts.length > MAX_FORMULA_PARAMS) return { ok: false, message: `at most ${MAX_FORMULA_PARAMS} parameters, got ${parts.length}` };
  const out: FormulaParam[] = [];
  for (const [i, part] of parts.entries()) {
    const f = part.split(',');
    const at = `parameter ${i + 1}`;
    if (f.length !== 4) return { ok: false, message: `${at}: expected name,value,min,max, got "${part.slice(0, 40)}"` };
    const name = f[0].trim();
    const bad = isValidParamName(name);
    if (bad !== null) return { ok: false, message: `${at}: ${bad}` };
    if (out.some((p) => p.name === name)) return { ok: false, message: `${at}: "${name}" is declared twice` };
    const [value, min, max] = f.slice(1).map(num);
    if (![value, min, max].every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6)) return { ok: false, message: `${at} (${name}): value, min and max must be numbers within ±1e6` };
    if (!(min < max)) return { ok: false, message: `${at} (${name}): min ${min} must be below max ${max}` };
    out.push({ name, value: Math.min(max, Math.max(min, value)), min, max });
  }
  return { ok: true, value: out };
}

export function formatParamList(params: readonly FormulaParam[]): string {
  return params.map((p) => [p.name, linkNumber(p.value), linkNumber(p.min), linkNumber(p.max)].join(',')).join(';');
}

/** the largest box side a formula may ask for (the grid's cells must stay finer than the density) */
export const MAX_BOX_SIDE = 200;

/** `xmin,xmax,ymin,ymax` -> a box; '' -> undefined (found from the density). Never throws. */
export function parseBoxText(text: string): Parsed<Box | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const f = text.split(',').map(num);
  if (f.length !== 4 || !f.every(Number.isFinite)) return { ok: false, message: 'expected xmin,xmax,ymin,ymax as four numbers' };
  const [xmin, xmax, ymin, ymax] = f;
  if (!(xmin < xmax && ymin < ymax)) return { ok: false, message: 'each min must be below its max' };
  if (xmax - xmin > MAX_BOX_SIDE || ymax - ymin > MAX_BOX_SIDE || f.some((v) => Math.abs(v) > 1e4)) return { ok: false, message: `each side at most ${MAX_BOX_SIDE} long, within ±10000` };
  return { ok: true, value: { xmin, xmax, ymin, ymax } };
}

export function formatBoxText(box: Box | undefined): string {
  return box ? [box.xmin, box.xmax, box.ymin, box.ymax].map(linkNumber).join(',') : '';
}
