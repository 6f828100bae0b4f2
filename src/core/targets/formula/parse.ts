// The formula language of "bring your own target": a hand-written recursive-descent parser, a float64
// evaluator, a KaTeX renderer and a canonical printer. No tfjs here (the UI thread imports this module to
// check and typeset what is being typed). Nothing from the text is ever run: the parser builds a tree of
// plain objects, and every consumer walks that tree (no eval, no Function, no code built from the text).
//
// Grammar (precedence from loosest to tightest):
//   expr    := sum
//   sum     := product (('+' | '-') product)*            left-associative
//   product := unary (('*' | '/') unary)*                left-associative
//   unary   := ('-' | '+') unary | power
//   power   := primary (('^' | '**') unary)?             right-associative: 2^3^2 = 2^9
//   primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
// so '^' binds tighter than unary minus (-x^2 = -(x^2), as in mathematics) while an exponent may be
// signed (2^-3). There is no implicit multiplication: "2x" is an error at 'x'.

export type FnName =
  | 'exp' | 'log' | 'log1p' | 'sqrt' | 'abs' | 'sin' | 'cos' | 'tanh' | 'sigmoid' | 'softplus'
  | 'min' | 'max' | 'logsumexp';

export type Expr =
  | { kind: 'num'; value: number; start: number; end: number }
  /** x, y, pi, e, or a user parameter */
  | { kind: 'name'; name: string; start: number; end: number }
  | { kind: 'neg'; arg: Expr; start: number; end: number }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr; start: number; end: number }
  | { kind: 'call'; fn: FnName; args: Expr[]; start: number; end: number };

export type BinOp = Extract<Expr, { kind: 'bin' }>['op'];

/** every function of the language and how many arguments it takes */
export const FUNCTIONS: Record<FnName, { arity: number | 'variadic'; minArgs?: number }> = {
  exp: { arity: 1 },
  log: { arity: 1 },
  log1p: { arity: 1 },
  sqrt: { arity: 1 },
  abs: { arity: 1 },
  sin: { arity: 1 },
  cos: { arity: 1 },
  tanh: { arity: 1 },
  sigmoid: { arity: 1 },
  softplus: { arity: 1 },
  min: { arity: 'variadic', minArgs: 2 },
  max: { arity: 'variadic', minArgs: 2 },
  logsumexp: { arity: 'variadic', minArgs: 1 },
};

export const CONSTANTS = { pi: Math.PI, e: Math.E };

export const VARIABLES = ['x', 'y'] as const;

/** longest formula accepted (a URL carries it; far beyond any density a person types) */
export const MAX_FORMULA_LENGTH = 2000;
/** deepest nesting of parentheses, signs and powers; keeps the recursion far from any stack limit */
export const MAX_DEPTH = 200;
/** longest parameter name */
export const MAX_PARAM_NAME_LENGTH = 24;

export interface FormulaError {
  message: string;
  start: number;
  end: number;
  /** what the parser expected there, e.g. "a number, a name or '('" */
  expected?: string;
  /** for an unknown name: the names that are known here */
  known?: string[];
}

export type ParseResult =
  | { ok: true; expr: Expr; uses: { x: boolean; y: boolean; params: string[] } }
  | { ok: false; error: FormulaError };

const FN_NAMES = Object.keys(FUNCTIONS) as FnName[];
const isFn = (s: string): s is FnName => Object.hasOwn(FUNCTIONS, s);
const isConst = (s: string): s is keyof typeof CONSTANTS => Object.hasOwn(CONSTANTS, s);

const OPERAND = "a number, a name or '('";

/** "a, b and c" */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** 1-based column of an index, for messages (the range itself stays 0-based) */
const col = (i: number) => `column ${i + 1}`;

/** null if `name` may be a parameter, else why not */
export function isValidParamName(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a parameter needs a name';
  if (name.length > MAX_PARAM_NAME_LENGTH) return `a parameter name has at most ${MAX_PARAM_NAME_LENGTH} characters`;
  const c0 = name.charCodeAt(0);
  if (!isLetter(c0) && c0 !== 95) return `'${name}' must start with a letter or '_'`;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c) && c !== 95) return `'${name}' may hold only letters, digits and '_'`;
  }
  if ((VARIABLES as readonly string[]).includes(name)) return `'${name}' is a coordinate, not a parameter`;
  if (isConst(name)) return `'${name}' is the constant ${name === 'pi' ? 'π' : 'e'}`;
  if (isFn(name)) return `'${name}' is a function`;
  return null;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// ---------------------------------------------------------------- tokens

type Tok =
  | { t: 'num'; value: number; start: number; end: number }
  | { t: 'name'; name: string; start: number; end: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; start: number; end: number }
  | { t: 'end'; start: number; end: number };

/** a failure inside the parser; caught at the top, never escapes parseFormula */
class Fail {
  constructor(readonly error: FormulaError) {}
}
const fail = (error: FormulaError): never => {
  throw new Fail(error);
};

function describeTok(tok: Tok, text: string): string {
  if (tok.t === 'end') return 'the end of the formula';
  return `'${text.slice(tok.start, tok.end)}'`;
}

const OPS: Readonly<Record<number, Extract<Tok, { t: 'op' }>['op']>> = {
  43: '+', 45: '-', 42: '*', 47: '/', 94: '^', 40: '(', 41: ')', 44: ',',
  // pasted from typeset text: minus sign, multiplication sign, middle dots
  0x2212: '-', 0xd7: '*', 0xb7: '*', 0x22c5: '*',
};

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace (space, tab, newlines, no-break space)
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i < n && text.charCodeAt(i) === 46) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      // an exponent only when digits follow ("2e" is 2 then the name e, an error: no implicit product)
      if (i < n && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
        let j = i + 1;
        if (j < n && (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45)) j++;
        if (j < n && isDigit(text.charCodeAt(j))) {
          while (j < n && isDigit(text.charCodeAt(j))) j++;
          i = j;
        }
      }
      const value = Number(text.slice(start, i));
      if (!Number.isFinite(value)) fail({ message: `the number ${text.slice(start, i)} is too large`, start, end: i });
      toks.push({ t: 'num', value, start, end: i });
      continue;
    }
    if (isLetter(c) || c === 95) {
      while (i < n && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
      toks.push({ t: 'name', name: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 42 && i + 1 < n && text.charCodeAt(i + 1) === 42) {
      toks.push({ t: 'op', op: '^', start, end: i + 2 });
      i += 2;
      continue;
    }
    const op = OPS[c];
    if (op !== undefined) {
      toks.push({ t: 'op', op, start, end: i + 1 });
      i++;
      continue;
    }
    // one whole character (a surrogate pair is one)
    const cp = text.codePointAt(i) ?? c;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    fail({
      message: c === 46 ? "a '.' must be followed by digits (write 0.5 or .5)" : `unexpected character '${ch}'`,
      start, end: Math.min(n, i + len), expected: `${OPERAND} or an operator (+ - * / ^)`,
    });
  }
  toks.push({ t: 'end', start: n, end: n });
  return toks;
}

// ---------------------------------------------------------------- parser

class Parser {
  private k = 0;
  private depth = 0;
  readonly usesX = { x: false, y: false };
  readonly usedParams: string[] = [];

  constructor(private readonly toks: Tok[], private readonly text: string, private readonly params: ReadonlySet<string>) {}

  private get tok(): Tok {
    return this.toks[this.k];
  }
  private isOp(op: string): boolean {
    const t = this.tok;
    return t.t === 'op' && t.op === op;
  }

  parse(): Expr {
    const e = this.expr();
    const t = this.tok;
    if (t.t !== 'end') this.afterOperand(t);
    return e;
  }

  /** a token that cannot follow a complete operand: say why */
  private afterOperand(t: Tok): never {
    if (t.t === 'op' && t.op === ')') {
      return fail({ message: `unexpected ')' at ${col(t.start)}: there is no '(' for it to close`, start: t.start, end: t.end, expected: 'an operator (+ - * / ^) or the end' });
    }
    if (t.t === 'op' && t.op === ',') {
      return fail({ message: `unexpected ',' at ${col(t.start)}: commas separate the arguments of a function like max(a, b)`, start: t.start, end: t.end, expected: 'an operator (+ - * / ^)' });
    }
    const what = describeTok(t, this.text);
    const hint = t.t === 'num' || t.t === 'name' || (t.t === 'op' && t.op === '(')
      ? ' (there is no implicit multiplication: write 2*x, not 2x)'
      : '';
    return fail({ message: `expected an operator before ${what} at ${col(t.start)}${hint}`, start: t.start, end: t.end, expected: 'an operator (+ - * / ^)' });
  }

  private enter(t: Tok) {
    if (++this.depth > MAX_DEPTH) {
      fail({ message: `the formula nests too deeply (more than ${MAX_DEPTH} levels of parentheses, signs or powers)`, start: t.start, end: t.end });
    }
  }

  private expr(): Expr {
    let left = this.product();
    for (;;) {
      const t = this.tok;
      if (t.t !== 'op' || (t.op !== '+' && t.op !== '-')) return left;
      this.k++;
      const right = this.product();
      left = { kind: 'bin', op: t.op, left, right, start: left.start, end: right.end };
    }
  }

  private product(): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.tok;
      if (t.t !== 'op' || (t.op !== '*' && t.op !== '/')) return left;
      this.k++;
      const right = this.unary();
      left = { kind: 'bin', op: t.op, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr {
    const t = this.tok;
    this.enter(t);
    let e: Expr;
    if (t.t === 'op' && (t.op === '-' || t.op === '+')) {
      this.k++;
      const arg = this.unary();
      // unary plus changes nothing: it leaves no node, only its range
      e = t.op === '-' ? { kind: 'neg', arg, start: t.start, end: arg.end } : { ...arg, start: t.start };
    } else {
      e = this.power();
    }
    this.depth--;
    return e;
  }

  private power(): Expr {
    const base = this.primary();
    const t = this.tok;
    if (t.t === 'op' && t.op === '^') {
      this.k++;
      const exponent = this.unary();
      return { kind: 'bin', op: '^', left: base, right: exponent, start: base.start, end: exponent.end };
    }
    return base;
  }

  private operandExpected(t: Tok): never {
    const prev = this.k > 0 ? this.toks[this.k - 1] : undefined;
    const after = prev && prev.t === 'op' ? ` after '${this.text.slice(prev.start, prev.end)}'` : '';
    if (t.t === 'end' && this.k === 0) return fail({ message: 'the formula is empty', start: 0, end: this.text.length, expected: OPERAND });
    return fail({ message: `expected ${OPERAND}${after}, found ${describeTok(t, this.text)}`, start: t.start, end: t.end, expected: OPERAND });
  }

  private primary(): Expr {
    const t = this.tok;
    if (t.t === 'num') {
      this.k++;
      return { kind: 'num', value: t.value, start: t.start, end: t.end };
    }
    if (t.t === 'op' && t.op === '(') {
      this.k++;
      const inner = this.expr();
      this.close(t, inner);
      const end = this.tok.end;
      this.k++;
      // parentheses leave no node, only the range they cover
      return { ...inner, start: t.start, end };
    }
    if (t.t === 'name') {
      this.k++;
      const next = this.tok;
      if (next.t === 'op' && next.op === '(') return this.call(t, next);
      return this.name(t);
    }
    return this.operandExpected(t);
  }

  /** the ')' that closes `open`, or the reason it is missing */
  private close(open: Tok, inner: Expr | null, fn?: string) {
    const t = this.tok;
    if (t.t === 'op' && t.op === ')') return;
    const what = fn ? `the '(' of ${fn} at ${col(open.start)}` : `the '(' at ${col(open.start)}`;
    if (t.t === 'end') {
      fail({ message: `expected ')' to close ${what}`, start: t.start, end: t.end, expected: "')'" });
    }
    if (inner && (t.t === 'num' || t.t === 'name' || (t.t === 'op' && t.op === '('))) this.afterOperand(t);
    fail({ message: `expected ')' to close ${what}, found ${describeTok(t, this.text)}`, start: t.start, end: t.end, expected: fn ? "',' or ')'" : "')'" });
  }

  private knownNames(): string[] {
    return [...VARIABLES, ...Object.keys(CONSTANTS), ...this.params];
  }

  private name(t: Extract<Tok, { t: 'name' }>): Expr {
    const s = t.name;
    if (s === 'x' || s === 'y') this.usesX[s] = true;
    else if (this.params.has(s)) {
      if (!this.usedParams.includes(s)) this.usedParams.push(s);
    } else if (!isConst(s)) {
      if (isFn(s)) {
        fail({ message: `'${s}' is a function: write ${s}(...)`, start: t.start, end: t.end, expected: "'('" });
      }
      const known = [...this.knownNames(), ...FN_NAMES];
      const lower = s.toLowerCase();
      const near = known.find((k) => k.toLowerCase() === lower);
      const hint = near ? ` (did you mean '${near}'?)` : '';
      fail({
        message: `unknown name '${s}'${hint}: known names are ${listed(this.knownNames())} and the functions ${listed(FN_NAMES)}` +
          (this.params.size === 0 && !near ? '; declare a parameter to use a name of your own' : ''),
        start: t.start, end: t.end, known,
      });
    }
    return { kind: 'name', name: s, start: t.start, end: t.end };
  }

  private call(t: Extract<Tok, { t: 'name' }>, open: Tok): Expr {
    const s = t.name;
    if (!isFn(s)) {
      if (s === 'x' || s === 'y' || isConst(s) || this.params.has(s)) {
        return fail({ message: `'${s}' is not a function: write ${s}*(...) to multiply`, start: open.start, end: open.end, expected: 'an operator (+ - * / ^)' });
      }
      const lower = s.toLowerCase();
      const near = FN_NAMES.find((k) => k === lower);
      return fail({
        message: `unknown function '${s}'${near ? ` (did you mean '${near}'?)` : ''}: the functions are ${listed(FN_NAMES)}`,
        start: t.start, end: t.end, known: [...FN_NAMES],
      });
    }
    this.enter(open);
    this.k++; // '('
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.expr());
        if (!this.isOp(',')) break;
        this.k++;
      }
    }
    this.close(open, args.length ? args[args.length - 1] : null, s);
    const end = this.tok.end;
    this.k++;
    this.depth--;
    const spec = FUNCTIONS[s];
    const plural = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
    if (spec.arity === 'variadic') {
      const min = spec.minArgs ?? 1;
      if (args.length < min) fail({ message: `${s} takes at least ${plural(min)}, got ${args.length}`, start: t.start, end });
    } else if (args.length !== spec.arity) {
      fail({ message: `${s} takes ${plural(spec.arity)}, got ${args.length}`, start: t.start, end });
    }
    return { kind: 'call', fn: s, args, start: t.start, end };
  }
}

/**
 * Parse a formula in x, y, the constants pi and e, and the declared parameters (`params`: identifiers,
 * not x/y/pi/e/function names; invalid ones are ignored, makeFormulaTarget refuses them). Never throws:
 * any input gives either the tree or an error with its character range [start, end) in `text`.
 */
export function parseFormula(text: string, params: readonly string[] = []): ParseResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: { message: 'the formula must be text', start: 0, end: 0 } };
    if (text.length > MAX_FORMULA_LENGTH) {
      return { ok: false, error: { message: `the formula is too long (${text.length} characters; at most ${MAX_FORMULA_LENGTH})`, start: MAX_FORMULA_LENGTH, end: text.length } };
    }
    const declared = new Set((Array.isArray(params) ? params : []).filter((p) => isValidParamName(p) === null));
    const p = new Parser(tokenize(text), text, declared);
    const expr = p.parse();
    return { ok: true, expr, uses: { x: p.usesX.x, y: p.usesX.y, params: p.usedParams } };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: clampError(e.error, typeof text === 'string' ? text.length : 0) };
    // not expected; the contract is never to throw
    return { ok: false, error: { message: `the formula could not be read (${e instanceof Error ? e.message : String(e)})`, start: 0, end: typeof text === 'string' ? text.length : 0 } };
  }
}

function clampError(err: FormulaError, n: number): FormulaError {
  const start = Math.max(0, Math.min(n, err.start));
  const end = Math.max(start, Math.min(n, err.end));
  return { ...err, start, end };
}

/** "message (column 7)": a parse error as one line of text */
export function describeFormulaError(err: FormulaError): string {
  return /column \d+/.test(err.message) ? err.message : `${err.message} (${col(err.start)})`;
}

// ---------------------------------------------------------------- evaluation (float64)

/** the value of a function of the language on plain numbers (the tfjs compiler mirrors these) */
export function applyFn(fn: FnName, a: readonly number[]): number {
  switch (fn) {
    case 'exp': return Math.exp(a[0]);
    case 'log': return Math.log(a[0]);
    case 'log1p': return Math.log1p(a[0]);
    case 'sqrt': return Math.sqrt(a[0]);
    case 'abs': return Math.abs(a[0]);
    case 'sin': return Math.sin(a[0]);
    case 'cos': return Math.cos(a[0]);
    case 'tanh': return Math.tanh(a[0]);
    // both written so that no exp overflows
    case 'sigmoid': return a[0] >= 0 ? 1 / (1 + Math.exp(-a[0])) : Math.exp(a[0]) / (1 + Math.exp(a[0]));
    case 'softplus': return Math.max(a[0], 0) + Math.log1p(Math.exp(-Math.abs(a[0])));
    case 'min': return Math.min(...a);
    case 'max': return Math.max(...a);
    case 'logsumexp': {
      const m = Math.max(...a);
      if (m === -Infinity || m === Infinity || Number.isNaN(m)) return m;
      let s = 0;
      for (const v of a) s += Math.exp(v - m);
      return m + Math.log(s);
    }
  }
}

export function applyBin(op: BinOp, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return Math.pow(a, b);
  }
}

/** the value of a name that is not x or y */
function constantOf(name: string, params: Readonly<Record<string, number>>): number {
  if (isConst(name)) return CONSTANTS[name];
  if (Object.hasOwn(params, name)) return params[name];
  throw new Error(`no value for the parameter '${name}'`);
}

/** the formula at one point, in plain float64 JS (throws only for a parameter without a value) */
export function evaluate(expr: Expr, x: number, y: number, params: Readonly<Record<string, number>>): number {
  switch (expr.kind) {
    case 'num': return expr.value;
    case 'name': return expr.name === 'x' ? x : expr.name === 'y' ? y : constantOf(expr.name, params);
    case 'neg': return -evaluate(expr.arg, x, y, params);
    case 'bin': return applyBin(expr.op, evaluate(expr.left, x, y, params), evaluate(expr.right, x, y, params));
    case 'call': return applyFn(expr.fn, expr.args.map((a) => evaluate(a, x, y, params)));
  }
}

/** whether a subtree depends on x or y (a constant one may be folded to a number once) */
export function dependsOnXY(expr: Expr): boolean {
  switch (expr.kind) {
    case 'num': return false;
    case 'name': return expr.name === 'x' || expr.name === 'y';
    case 'neg': return dependsOnXY(expr.arg);
    case 'bin': return dependsOnXY(expr.left) || dependsOnXY(expr.right);
    case 'call': return expr.args.some(dependsOnXY);
  }
}

/**
 * The formula as a tree of closures, built once: gridTruth evaluates it at 160 000 points, where walking
 * the tree with a switch per node would cost several times more. Constant subtrees are folded to their
 * float64 value. `round` is applied to every intermediate value (Math.fround emulates the float32
 * arithmetic of the tfjs compilation, to find where it overflows).
 */
export function compileJs(expr: Expr, params: Readonly<Record<string, number>>, sign: 1 | -1 = 1, round?: (v: number) => number): (x: number, y: number) => number {
  const r = round ?? ((v: number) => v);
  const build = (e: Expr): ((x: number, y: number) => number) => {
    if (!dependsOnXY(e)) {
      const c = r(evaluate(e, 0, 0, params));
      return () => c;
    }
    switch (e.kind) {
      case 'num': {
        const c = r(e.value);
        return () => c;
      }
      case 'name':
        if (round) return e.name === 'x' ? (x) => r(x) : (_x, y) => r(y);
        return e.name === 'x' ? (x) => x : (_x, y) => y;
      case 'neg': {
        const a = build(e.arg);
        return (x, y) => -a(x, y);
      }
      case 'bin': {
        const a = build(e.left);
        const b = build(e.right);
        switch (e.op) {
          case '+': return (x, y) => r(a(x, y) + b(x, y));
          case '-': return (x, y) => r(a(x, y) - b(x, y));
          case '*': return (x, y) => r(a(x, y) * b(x, y));
          case '/': return (x, y) => r(a(x, y) / b(x, y));
          case '^': return (x, y) => r(Math.pow(a(x, y), b(x, y)));
        }
        break;
      }
      case 'call': {
        const fs = e.args.map(build);
        const fn = e.fn;
        if (fs.length === 1) {
          const a = fs[0];
          switch (fn) {
            case 'exp': return (x, y) => r(Math.exp(a(x, y)));
            case 'log': return (x, y) => r(Math.log(a(x, y)));
            case 'sqrt': return (x, y) => r(Math.sqrt(a(x, y)));
            case 'abs': return (x, y) => Math.abs(a(x, y));
            default: return (x, y) => r(applyFn(fn, [a(x, y)]));
          }
        }
        return (x, y) => r(applyFn(fn, fs.map((f) => f(x, y))));
      }
    }
    throw new Error('unreachable');
  };
  const f = build(expr);
  return sign === 1 ? f : (x, y) => -f(x, y);
}

// ---------------------------------------------------------------- canonical text

// binding strength of a node as printed: sum 1 < product 2 < unary minus 3 < power 4 < atom 5
function prec(e: Expr): number {
  if (e.kind === 'bin') return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
  if (e.kind === 'neg') return 3;
  return 5;
}

function formatNum(v: number): string {
  return String(v);
}

/**
 * The canonical text of a tree: single spaces around + - * /, none around ^, the fewest parentheses that
 * parse back to the same tree (plus a pair around a negated operand, "a * (-b)", for legibility).
 */
export function formatExpr(expr: Expr): string {
  const wrap = (e: Expr, min: number) => (prec(e) >= min ? formatExpr(e) : `(${formatExpr(e)})`);
  switch (expr.kind) {
    case 'num': return formatNum(expr.value);
    case 'name': return expr.name;
    case 'neg': return `-${wrap(expr.arg, 4)}`;
    case 'bin':
      if (expr.op === '^') return `${wrap(expr.left, 5)}^${wrap(expr.right, 4)}`;
      // a negated right operand in parentheses for legibility: "a - (-b)", not "a - -b"
      if (expr.op === '+' || expr.op === '-') return `${wrap(expr.left, 1)} ${expr.op} ${wrap(expr.right, expr.right.kind === 'neg' ? 4 : 2)}`;
      return `${wrap(expr.left, 2)} ${expr.op} ${wrap(expr.right, 4)}`;
    case 'call': return `${expr.fn}(${expr.args.map(formatExpr).join(', ')})`;
  }
}

// ---------------------------------------------------------------- LaTeX

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

/** a name as KaTeX: one letter as is, a Greek letter's name as the letter, a_1 with a subscript, else upright */
function latexName(name: string): string {
  if (name === 'pi') return '\\pi';
  const u = name.indexOf('_');
  if (u > 0 && u < name.length - 1) {
    const sub = name.slice(u + 1);
    const subTex = sub.length === 1 || /^[0-9]+$/.test(sub) ? sub : GREEK.has(sub) ? `\\${sub}` : `\\mathrm{${sub.replace(/_/g, '\\_')}}`;
    return `${latexName(name.slice(0, u))}_{${subTex}}`;
  }
  if (name.length === 1) return name;
  if (GREEK.has(name)) return `\\${name}`;
  return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
}

function latexNum(v: number): string {
  const s = String(v);
  const m = /^([0-9.]+)e([+-])([0-9]+)$/.exec(s);
  if (!m) return s;
  const mant = m[1] === '1' ? '' : `${m[1]} \\times `;
  return `${mant}10^{${m[2] === '-' ? '-' : ''}${m[3]}}`;
}

const paren = (s: string) => `\\left(${s}\\right)`;

/** whether a product may be written by juxtaposition ("2 x", "a \exp(x)") rather than with \cdot */
function leftmostIsNumber(e: Expr): boolean {
  if (e.kind === 'num') return true;
  if (e.kind === 'bin') return leftmostIsNumber(e.left);
  return false;
}

/**
 * KaTeX source with the fewest parentheses that keep the value (so -(a*b) prints as -a \cdot b and
 * a+(b+c) as a + b + c). '/' is \frac, powers are ^{...}, products are juxtaposed when the right factor
 * does not start with a digit or a sign ("2 x^{2}", "x y"), else \cdot. Functions: \exp, \log, \sin,
 * \cos, \tanh, \min, \max, \sqrt{...}, |...|, and \operatorname{...} for log1p, softplus, logsumexp and
 * sigmoid (not \sigma, which a parameter named sigma prints as).
 */
export function toLatex(expr: Expr): string {
  switch (expr.kind) {
    case 'num': return latexNum(expr.value);
    case 'name': return latexName(expr.name);
    case 'neg': {
      const a = expr.arg;
      const needs = a.kind === 'neg' || (a.kind === 'bin' && (a.op === '+' || a.op === '-'));
      return `-${needs ? paren(toLatex(a)) : toLatex(a)}`;
    }
    case 'bin': {
      const { op, left, right } = expr;
      if (op === '/') return `\\frac{${toLatex(left)}}{${toLatex(right)}}`;
      if (op === '^') {
        const sci = left.kind === 'num' && latexNum(left.value) !== String(left.value);
        const bare = (left.kind === 'num' && !sci) || left.kind === 'name' || left.kind === 'call';
        return `${bare ? toLatex(left) : paren(toLatex(left))}^{${toLatex(right)}}`;
      }
      if (op === '+' || op === '-') {
        const r = right.kind === 'neg' || (op === '-' && right.kind === 'bin' && (right.op === '+' || right.op === '-'));
        return `${toLatex(left)} ${op} ${r ? paren(toLatex(right)) : toLatex(right)}`;
      }
      // '*'
      const sum = (e: Expr) => e.kind === 'bin' && (e.op === '+' || e.op === '-');
      const l = sum(left) ? paren(toLatex(left)) : toLatex(left);
      const rNeg = right.kind === 'neg';
      const r = sum(right) || rNeg ? paren(toLatex(right)) : toLatex(right);
      const juxtapose = !rNeg && (sum(right) || !leftmostIsNumber(right));
      return juxtapose ? `${l} ${r}` : `${l} \\cdot ${r}`;
    }
    case 'call': {
      const args = expr.args.map(toLatex);
      switch (expr.fn) {
        case 'sqrt': return `\\sqrt{${args[0]}}`;
        case 'abs': return `\\left|${args[0]}\\right|`;
        case 'exp': case 'log': case 'sin': case 'cos': case 'tanh': case 'min': case 'max':
          return `\\${expr.fn}${paren(args.join(', '))}`;
        default:
          return `\\operatorname{${expr.fn}}${paren(args.join(', '))}`;
      }
    }
  }
}
