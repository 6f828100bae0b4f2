import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { compileJs, evaluate, formatExpr, isValidParamName, MAX_DEPTH, parseFormula, toLatex, type Expr } from './parse';

const P = { a: 1.5, b: -0.5, sigma: 2 };
const NAMES = Object.keys(P);

function parsed(text: string, params: readonly string[] = NAMES): Expr {
  const r = parseFormula(text, params);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.expr;
}

/** the tree without its character ranges (what must survive a round trip through formatExpr) */
function shape(e: Expr): unknown {
  switch (e.kind) {
    case 'num': return e.value;
    case 'name': return e.name;
    case 'neg': return ['neg', shape(e.arg)];
    case 'bin': return [e.op, shape(e.left), shape(e.right)];
    case 'call': return [e.fn, ...e.args.map(shape)];
  }
}

const sp = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
// [text, f(x, y)] checked at a few points
const VALID: [string, (x: number, y: number) => number][] = [
  ['1', () => 1],
  ['1.5 + .5 + 2e-3 + 3E2 + 1.e1', () => 1.5 + 0.5 + 2e-3 + 300 + 10],
  ['x - y', (x, y) => x - y],
  ['a-b-c'.replace('c', 'sigma'), () => 1.5 + 0.5 - 2],
  ['x / y / 2', (x, y) => x / y / 2],
  ['-x^2', (x) => -(x * x)],
  ['(-x)^2', (x) => x * x],
  ['2^3^2', () => 512],
  ['2**3**2', () => 512],
  ['2^-1', () => 0.5],
  ['-2^2', () => -4],
  ['+x', (x) => x],
  ['- -x', (x) => x],
  ['x*-y', (x, y) => -x * y],
  ['x^2*y + 3*x - 1', (x, y) => x * x * y + 3 * x - 1],
  ['exp(x) * log(1 + y^2)', (x, y) => Math.exp(x) * Math.log(1 + y * y)],
  ['log1p(x^2) + sqrt(1 + y^2) + abs(x - y)', (x, y) => Math.log1p(x * x) + Math.sqrt(1 + y * y) + Math.abs(x - y)],
  ['sin(x) + cos(y) + tanh(x*y)', (x, y) => Math.sin(x) + Math.cos(y) + Math.tanh(x * y)],
  ['sigmoid(x) + softplus(y)', (x, y) => 1 / (1 + Math.exp(-x)) + sp(y)],
  ['min(x, y) + max(x, y, 0.5)', (x, y) => Math.min(x, y) + Math.max(x, y, 0.5)],
  ['logsumexp(x)', (x) => x],
  ['logsumexp(x, y)', (x, y) => Math.log(Math.exp(x) + Math.exp(y))],
  ['logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)', (x, y) => Math.log(Math.exp(-((x - 2) ** 2) - y * y) + Math.exp(-((x + 2) ** 2) - y * y))],
  ['pi * e', () => Math.PI * Math.E],
  ['a*x + b*y + sigma', (x, y) => 1.5 * x - 0.5 * y + 2],
  ['-((x^2 + y^2 - 4)^2) / 0.5', (x, y) => -((x * x + y * y - 4) ** 2) / 0.5],
  ['  x\t*\n2 ', (x) => 2 * x],
  ['x − y × 2 · 1', (x, y) => x - 2 * y],
];

// [text, start, end, message pattern, expected pattern]
const INVALID: [string, number, number, RegExp, RegExp?][] = [
  ['', 0, 0, /empty/, /a number, a name or '\('/],
  ['   ', 0, 3, /empty/],
  ['2x', 1, 2, /expected an operator before 'x'.*no implicit multiplication/, /operator/],
  ['2 (x)', 2, 3, /expected an operator before '\('/],
  ['x y', 2, 3, /expected an operator/],
  ['(x', 2, 2, /expected '\)' to close the '\(' at column 1/, /'\)'/],
  ['exp(x', 5, 5, /expected '\)' to close the '\(' of exp at column 4/],
  ['(x))', 3, 4, /unexpected '\)'/],
  ['x +', 3, 3, /expected a number, a name or '\(' after '\+'/],
  ['x + * y', 4, 5, /after '\+', found '\*'/],
  ['z + 1', 0, 1, /unknown name 'z': known names are x, y, pi, e, a, b and sigma and the functions exp, .*logsumexp/],
  ['Exp(x)', 0, 3, /unknown function 'Exp' \(did you mean 'exp'\?\)/],
  ['X', 0, 1, /unknown name 'X' \(did you mean 'x'\?\)/],
  ['foo(x)', 0, 3, /unknown function 'foo'/],
  ['exp', 0, 3, /'exp' is a function: write exp\(\.\.\.\)/],
  ['x(2)', 1, 2, /'x' is not a function/],
  ['sin(x, y)', 0, 9, /^sin takes 1 argument, got 2$/],
  ['exp()', 0, 5, /exp takes 1 argument, got 0/],
  ['max(x)', 0, 6, /max takes at least 2 arguments, got 1/],
  ['logsumexp()', 0, 11, /logsumexp takes at least 1 argument, got 0/],
  ['max(x,)', 6, 7, /after ','/],
  ['x, y', 1, 2, /unexpected ','/],
  ['x $ y', 2, 3, /unexpected character '\$'/],
  ['x + 😀', 4, 6, /unexpected character '😀'/],
  ['.', 0, 1, /'\.' must be followed by digits/],
  ['1e999', 0, 5, /too large/],
  ['2e', 1, 2, /expected an operator before 'e'/],
  ['1.2.3', 3, 5, /expected an operator before '\.3'/],
  ['x ^', 3, 3, /after '\^'/],
  ['()', 1, 2, /after '\(', found '\)'/],
];

describe('parseFormula', () => {
  it.each(VALID)('%s', (text, f) => {
    const e = parsed(text);
    for (const [x, y] of [[0.3, -1.2], [1.5, 0.75], [-2, 2.5]]) {
      const want = f(x, y);
      expect(evaluate(e, x, y, P)).toBeCloseTo(want, 12);
      expect(compileJs(e, P)(x, y)).toBeCloseTo(want, 12);
      expect(compileJs(e, P, -1)(x, y)).toBeCloseTo(-want, 12);
    }
  });

  it.each(INVALID)('%j fails at its range', (text, start, end, message, expected) => {
    const r = parseFormula(text, ['a', 'b', 'sigma']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(message);
    expect([r.error.start, r.error.end]).toEqual([start, end]);
    if (expected) expect(r.error.expected).toMatch(expected);
  });

  it('precedence and associativity', () => {
    expect(shape(parsed('-x^2'))).toEqual(['neg', ['^', 'x', 2]]);
    expect(shape(parsed('2^3^2'))).toEqual(['^', 2, ['^', 3, 2]]);
    expect(shape(parsed('a-b-sigma'))).toEqual(['-', ['-', 'a', 'b'], 'sigma']);
    expect(shape(parsed('a/b/sigma'))).toEqual(['/', ['/', 'a', 'b'], 'sigma']);
    expect(shape(parsed('-a*b'))).toEqual(['*', ['neg', 'a'], 'b']);
    expect(shape(parsed('a+b*x^2'))).toEqual(['+', 'a', ['*', 'b', ['^', 'x', 2]]]);
    expect(shape(parsed('2^-x^2'))).toEqual(['^', 2, ['neg', ['^', 'x', 2]]]);
  });

  it('reports what the formula uses and the ranges of its nodes', () => {
    const r = parseFormula('b*x + a + b', ['a', 'b', 'c']);
    expect(r.ok && r.uses).toEqual({ x: true, y: false, params: ['b', 'a'] });
    const e = parsed('exp( (x) )');
    expect([e.start, e.end]).toEqual([0, 10]);
    expect(e.kind === 'call' && [e.args[0].start, e.args[0].end]).toEqual([5, 8]);
    // a parameter that is not declared is unknown; an invalid declared name is ignored
    expect(parseFormula('a * x').ok).toBe(false);
    expect(parseFormula('x', ['1a', 'exp', 'x']).ok).toBe(true);
  });

  it('refuses nesting beyond MAX_DEPTH and formulas over 2000 characters without a stack overflow', () => {
    const deep = (k: number) => `${'('.repeat(k)}x${')'.repeat(k)}`;
    expect(parseFormula(deep(MAX_DEPTH - 5)).ok).toBe(true);
    for (const text of [deep(MAX_DEPTH + 1), '-'.repeat(300) + 'x', 'x^'.repeat(300) + 'x', 'exp('.repeat(300) + 'x' + ')'.repeat(300)]) {
      const r = parseFormula(text);
      expect(!r.ok && r.error.message).toMatch(/nests too deeply/);
    }
    const huge = parseFormula(deep(10000));
    expect(!huge.ok && huge.error).toMatchObject({ start: 2000, end: 20001 });
    expect(!huge.ok && huge.error.message).toMatch(/too long \(20001 characters; at most 2000\)/);
    // a long flat sum is fine: its tree is deep on the left, built by a loop
    const sum = Array.from({ length: 1000 }, () => 'x').join('+');
    expect(evaluate(parsed(sum), 0.5, 0, {})).toBe(500);
  });

  it('never throws: fuzzed strings and mutations of valid formulas give a tree or an error in range', () => {
    const rng = new Rng(2024);
    const alphabet = 'xy0123456789.eE+-*/^(),  abpiexplogsqrtmaxmin_\t$😀';
    const seeds = VALID.map(([t]) => t);
    const pick = (s: string) => s[rng.int(s.length)];
    let oks = 0;
    for (let k = 0; k < 4000; k++) {
      let text: string;
      if (k % 2 === 0) {
        const len = rng.int(30);
        text = Array.from({ length: len }, () => pick(alphabet)).join('');
      } else {
        text = seeds[rng.int(seeds.length)];
        for (let m = 1 + rng.int(3); m > 0; m--) {
          const at = rng.int(text.length + 1);
          const op = rng.int(3);
          text = op === 0 ? text.slice(0, at) + pick(alphabet) + text.slice(at)
            : op === 1 ? text.slice(0, at) + text.slice(at + 1)
              : text.slice(0, at) + pick(alphabet) + text.slice(at + 1);
        }
      }
      let r: ReturnType<typeof parseFormula> | undefined;
      expect(() => { r = parseFormula(text, NAMES); }, text).not.toThrow();
      if (r!.ok) {
        oks++;
        // the canonical text parses back to the same tree, and evaluates
        expect(shape(parsed(formatExpr(r!.expr))), text).toEqual(shape(r!.expr));
        expect(typeof evaluate(r!.expr, 0.7, -0.3, P)).toBe('number');
      } else {
        const { start, end, message } = r!.error;
        expect(0 <= start && start <= end && end <= text.length, `${text}: [${start}, ${end}]`).toBe(true);
        expect(message.length).toBeGreaterThan(0);
      }
    }
    // the mutations keep enough formulas valid to exercise the round trip
    expect(oks).toBeGreaterThan(300);
    // and non-strings from a URL or a worker message
    expect(parseFormula(undefined as unknown as string).ok).toBe(false);
    expect(parseFormula('x', null as unknown as string[]).ok).toBe(true);
  });
});

describe('formatExpr', () => {
  it.each(VALID.map(([t]) => t))('%s round-trips', (text) => {
    const e = parsed(text);
    const back = formatExpr(e);
    expect(shape(parsed(back))).toEqual(shape(e));
    expect(formatExpr(parsed(back))).toBe(back);
  });

  it('writes the canonical text', () => {
    expect(formatExpr(parsed('-((x^2 + y^2 - 4)^2) / 0.5'))).toBe('-(x^2 + y^2 - 4)^2 / 0.5');
    expect(formatExpr(parsed('x**2 - -y'))).toBe('x^2 - (-y)');
    expect(formatExpr(parsed('a*(b*x)'))).toBe('a * (b * x)');
    expect(formatExpr(parsed('(2^3)^2'))).toBe('(2^3)^2');
    expect(formatExpr(parsed('2^(-x)'))).toBe('2^(-x)');
    expect(formatExpr(parsed('2e-3*x'))).toBe('0.002 * x');
  });
});

describe('toLatex', () => {
  it.each([
    ['-((x^2 + y^2 - 4)^2) / 0.5', '\\frac{-\\left(x^{2} + y^{2} - 4\\right)^{2}}{0.5}'],
    ['logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)', '\\operatorname{logsumexp}\\left(-\\left(x - 2\\right)^{2} - y^{2}, -\\left(x + 2\\right)^{2} - y^{2}\\right)'],
    ['-(y - x^2)^2/0.2 - x^2/10', '\\frac{-\\left(y - x^{2}\\right)^{2}}{0.2} - \\frac{x^{2}}{10}'],
    ['-x^2/2 - y^2/(2*exp(x)) - x/2', '\\frac{-x^{2}}{2} - \\frac{y^{2}}{2 \\exp\\left(x\\right)} - \\frac{x}{2}'],
    ['2^3^2', '2^{3^{2}}'],
    ['(-x)^3 * -y', '\\left(-x\\right)^{3} \\cdot \\left(-y\\right)'],
    ['sigma * sigmoid(x) + softplus(y) + log1p(x)', '\\sigma \\operatorname{sigmoid}\\left(x\\right) + \\operatorname{softplus}\\left(y\\right) + \\operatorname{log1p}\\left(x\\right)'],
    ['sqrt(abs(x)) + min(x, y) + pi', '\\sqrt{\\left|x\\right|} + \\min\\left(x, y\\right) + \\pi'],
    ['1e-7 * x + 3 * 2', '10^{-7} x + 3 \\cdot 2'],
    ['a - (b - x)', 'a - \\left(b - x\\right)'],
  ])('%s', (text, tex) => {
    expect(toLatex(parsed(text, [...NAMES]))).toBe(tex);
  });

  it('typesets parameter names', () => {
    expect(toLatex(parsed('beta_1 * width + k', ['beta_1', 'width', 'k']))).toBe('\\beta_{1} \\mathrm{width} + k');
  });
});

describe('isValidParamName', () => {
  it('accepts identifiers and refuses the reserved names', () => {
    for (const ok of ['a', 'beta_1', '_s', 'Width']) expect(isValidParamName(ok)).toBeNull();
    expect(isValidParamName('')).toMatch(/needs a name/);
    expect(isValidParamName('1a')).toMatch(/start with a letter/);
    expect(isValidParamName('a-b')).toMatch(/only letters, digits/);
    expect(isValidParamName('x')).toMatch(/coordinate/);
    expect(isValidParamName('pi')).toMatch(/constant/);
    expect(isValidParamName('exp')).toMatch(/function/);
    expect(isValidParamName('a'.repeat(40))).toMatch(/at most/);
  });
});

describe('the formula modules', () => {
  it('run nothing from the text: no eval, no Function constructor', () => {
    for (const file of ['parse.ts', 'compile.ts', 'grid.ts', 'target.ts']) {
      const src = readFileSync(resolve(__dirname, file), 'utf8');
      expect(src, file).not.toMatch(/\beval\s*\(|new\s+Function|\bFunction\s*\(/);
    }
    // and the parser leaves tfjs to the worker
    expect(readFileSync(resolve(__dirname, 'parse.ts'), 'utf8')).not.toMatch(/from '[^']*tf'/);
  });
});
