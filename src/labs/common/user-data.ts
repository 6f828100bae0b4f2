// What the UI needs to edit a user's own target or data without doing the math: the formula's grammar
// (parsing is text work: a syntax error shows as one types) and its link texts, and the box a data file
// is rescaled into. The density check itself runs in the worker (bridge.checkFormula).
export { parseFormula, isValidParamName, MAX_PARAM_NAME_LENGTH, type FormulaError } from '../../core/targets/formula/parse';
export { formatBoxText, formatParamList, linkNumber, MAX_FORMULA_PARAMS, parseBoxText, parseParamList, type FormulaParam } from '../../core/targets/formula/link-text';
export type { FormulaCheck, FormulaDraft } from '../../core/targets/formula/check';
export { DRAWN_BOX } from '../../core/targets/box';
