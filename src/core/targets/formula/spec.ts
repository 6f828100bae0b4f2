// What a typed target is, as data (it lives in the URL and crosses to the worker): the text, its
// parameters with their slider ranges, whether the text is a log density or an energy, and an optional
// box. No tfjs here, so the UI thread and types.ts can import it.
import type { Box } from '../../types';

export interface FormulaParam {
  name: string;
  value: number;
  /** the slider's range (the target reads only value) */
  min: number;
  max: number;
}

export interface FormulaSpec {
  text: string;
  params: readonly FormulaParam[];
  /** 1: text is log p, -1: text is an energy E, p ∝ e^{-E} */
  sign: 1 | -1;
  /** absent: findBox */
  box?: Box;
}

/**
 * The formula a target 'formula' gets without one (a fresh menu choice, a test that builds every target):
 * a ring of radius 2, log p = −(|x|² − 4)² / 0.5, whose cross-section is about N(2, 0.125²).
 */
export const DEFAULT_FORMULA = '-((x^2 + y^2 - 4)^2) / 0.5';

export const DEFAULT_FORMULA_SPEC: FormulaSpec = { text: DEFAULT_FORMULA, params: [], sign: 1 };

/** grid cells per axis of a formula target's truth (160 000 evaluations, tens of milliseconds; the Equations panel names it) */
export const FORMULA_GRID_N = 400;
