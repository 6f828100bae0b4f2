// Small helpers for the equations panel: a lab's update rule as LaTeX with the current parameter
// values written in. Pure strings (no KaTeX here): the UI renders them, tests check they parse.
import type { ParamValue } from '../types';

/** One displayed equation (or aligned group) with a short title and an optional note under it. */
export interface EquationBlock {
  title: string;
  tex: string;
  note?: string;
}

export type EquationBuilder = (p: Record<string, ParamValue>) => EquationBlock[];

/**
 * A lab's builder over its own typed params (ParamsOf its specs). The one cast is here: the UI hands the
 * builder the params the codec validated against the same specs.
 */
export function equationsFor<P>(build: (p: P) => EquationBlock[]): EquationBuilder {
  return (p) => build(p as unknown as P);
}

/** A number as LaTeX: plain decimals for everyday sizes, m × 10^e for very small or large ones. */
export function num(v: ParamValue | undefined): string {
  const x = Number(v);
  if (!Number.isFinite(x)) return '\\text{?}';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e5) return String(Number(x.toPrecision(6)));
  const e = Math.floor(Math.log10(a));
  const m = Number((x / 10 ** e).toPrecision(4));
  return m === 1 ? `10^{${e}}` : `${m}\\times 10^{${e}}`;
}

/** Plain text inside math (escapes the characters LaTeX treats specially). */
export function text(s: string): string {
  return `\\text{${s.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`)}}`;
}

/** An aligned group of lines (`&` marks the alignment point in each line). */
export const aligned = (...lines: string[]): string => `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
