// The WGSL and GLSL copies of the mixture kernel and of the counter normals, read as text (they run only
// in a browser: e2e/fused-kernels.spec.ts). What can be checked without a GPU: the two RNG copies are the
// same program, and their constants reproduce counter-rng.ts's normals exactly; the two scoreAt copies
// are the same program and use the reference's constants; every uniform and input is declared and used;
// and copies.ts, the note that lists every copy and its test, names only files and tests that exist.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { counterNormals } from './counter-rng';
import { SKIP } from './gmm-kernel-js';
import { PACK_STRIDE } from './gmm-pack';
import { GLSL_COUNTER_RNG, GLSL_GMM_INPUTS, GLSL_GMM_UNIFORMS, glslGmmSource, glslScoreAt } from './gmm-glsl';
import { WGSL_COUNTER_RNG, WGSL_GMM_INPUTS, WGSL_GMM_UNIFORMS, WGSL_SCORE_AT, wgslGmmSource } from './gmm-wgsl';
import { shaderFloat, shaderUint } from './shader-literals';

/** numeric literals in source order, without a `u` suffix ('vec2', 'h1', 'f32' are names, not numbers) */
function literals(src: string): number[] {
  return [...src.matchAll(/(?<![\w.])(\d+(?:\.\d+)?(?:e[+-]?\d+)?)u?(?![\w.])/g)].map((m) => Number(m[1]));
}

/** tokens with the two languages' type spellings removed: what is left is the program */
const TYPE_WORDS = new Set(['fn', 'let', 'var', 'u32', 'f32', 'i32', 'uint', 'float', 'int', 'vec2', 'vec3', 'ivec2', '->', ':', '<', '>']);
function program(src: string): string[] {
  const tokens = src.match(/->|>>|<<|[<>=!]=|\+\+|\+=|[A-Za-z_]\w*|\d+(?:\.\d+)?(?:e[+-]?\d+)?u?|\S/g) ?? [];
  return tokens.filter((t) => !TYPE_WORDS.has(t));
}

describe('counter-based normals in WGSL and GLSL', () => {
  it('are the same program in both languages', () => {
    expect(program(GLSL_COUNTER_RNG)).toEqual(program(WGSL_COUNTER_RNG));
  });

  it('give exactly counter-rng.ts\'s normals with their constants', () => {
    const lit = literals(WGSL_COUNTER_RNG);
    expect(lit).toEqual(literals(GLSL_COUNTER_RNG));
    // the reference's algorithm (counter-rng.ts) with every constant taken from the shader, in source order:
    // pcgHash (LCG multiplier, increment, shift 28, +4, output multiplier, shift 22), toUnit (>> 8, + 0.5,
    // / 2^24), normalPair (2k, 2k + 1, -2 log u, 2 pi u)
    expect(lit).toHaveLength(14);
    const [mul, inc, s28, p4, out, s22, s8, half, two24, a, b, one, m2, twoPi] = lit;
    const hash = (v: number) => {
      const state = (Math.imul(v >>> 0, mul) + inc) >>> 0;
      const word = Math.imul(((state >>> ((state >>> s28) + p4)) ^ state) >>> 0, out) >>> 0;
      return ((word >>> s22) ^ word) >>> 0;
    };
    const toUnit = (h: number) => ((h >>> s8) + half) / two24;
    for (const seed of [0, 1, 777, 12345, 0x7fffffff]) {
      const n = 257;
      const got = new Float32Array(2 * n);
      for (let k = 0; k < n; k++) {
        const h1 = hash((hash(a * k) + seed) >>> 0);
        const h2 = hash((hash(b * k + one) + seed) >>> 0);
        const r = Math.sqrt(-m2 * Math.log(toUnit(h1)));
        const th = twoPi * toUnit(h2);
        got[2 * k] = r * Math.cos(th);
        got[2 * k + 1] = r * Math.sin(th);
      }
      expect(got).toEqual(counterNormals(seed, n));
    }
  });
});

describe('the mixture kernel in WGSL and GLSL', () => {
  // WGSL reads packed row k as P[o + j] with o = PACK_STRIDE k and loops to a uniform; GLSL reads getP(k, j)
  // and bakes the bound in. These rewrites spell the WGSL the GLSL way; anything else must match.
  const K = 40;
  const wgslAsGlsl = (src: string) => src
    .replace(`let o = ${PACK_STRIDE} * k;`, '')
    .replace(/P\[o(?: \+ (\d))?\]/g, (_, j: string | undefined) => `getP(k, ${j ?? 0})`)
    .replace('uniforms.K', String(K))
    .replace(/\{ continue; \}/g, 'continue;')
    .replace(/(\w) = \1 \+ /g, '$1 += ')
    .replace('vec2<f32>(0.0, 0.0)', 'vec2(0.0)');

  it('scoreAt is the same program in both languages', () => {
    expect(WGSL_SCORE_AT).toContain(`let o = ${PACK_STRIDE} * k;`);
    expect(program(glslScoreAt(K))).toEqual(program(wgslAsGlsl(WGSL_SCORE_AT)));
  });

  it('uses the reference\'s constants: the skip threshold, the packed row, the running max\'s start', () => {
    for (const src of [WGSL_SCORE_AT, glslScoreAt(K)]) {
      expect(src).toContain(`if (l < m - ${shaderFloat(SKIP)})`);
      expect(src).toMatch(/(var|float) m = -3\.0e38;/);
      // the logit is logc - |W d|^2 / 2, logc the packed row's last column
      expect(src).toMatch(/l = [^;]+ - 0\.5 \* \(u \* u \+ v \* v\);/);
    }
    // every column of the packed row (gmm-pack.ts), and only those, read in the layout's order
    const cols = (src: string, re: RegExp) => [...src.matchAll(re)].map((m) => Number(m[1] ?? 0));
    const all = Array.from({ length: PACK_STRIDE }, (_, j) => j);
    expect(cols(WGSL_SCORE_AT, /P\[o(?: \+ (\d+))?\]/g)).toEqual(all);
    expect(cols(glslScoreAt(K), /getP\(k, (\d+)\)/g)).toEqual(all);
    // -3e38 is below every finite float32 logit (a component's logit is finite), so the first component
    // always sets the max, as -Infinity does in the JavaScript reference
    expect(Math.fround(-3.0e38)).toBeGreaterThan(-3.4028234663852886e38);
    expect(Number.isFinite(Math.fround(-3.0e38))).toBe(true);
  });

  it('declares every uniform and input it uses, and uses every one it declares', () => {
    for (const mode of [0, 1, 2] as const) {
      const w = wgslGmmSource(mode);
      const used = new Set([...w.matchAll(/uniforms\.(\w+)/g)].map((m) => m[1]));
      const declared = new Set<string>(WGSL_GMM_UNIFORMS.map(([name]) => name));
      for (const u of used) expect(declared).toContain(u);
      if (mode === 0) expect(used).toEqual(declared);
      for (const name of WGSL_GMM_INPUTS) expect(w).toMatch(new RegExp(`\\b${name}\\[`));
      const g = glslGmmSource(K, mode);
      if (mode === 0) for (const { name } of GLSL_GMM_UNIFORMS) expect(g).toMatch(new RegExp(`\\b${name}\\b`));
      for (const name of GLSL_GMM_INPUTS) expect(g).toContain(`get${name}(`);
    }
    // every program of every mode is complete: nothing undefined or NaN was written in, no template left
    for (const mode of [0, 1, 2] as const) {
      for (const src of [wgslGmmSource(mode), glslGmmSource(1, mode), glslGmmSource(K, mode)]) expect(src).not.toMatch(/undefined|NaN|\$\{/);
    }
    // the affine mode is the only one that draws normals, and it draws pair i for particle i
    expect(wgslGmmSource(0)).toContain('normalPair(uniforms.seed, u32(index))');
    expect(glslGmmSource(K, 0)).toContain('normalPair(uint(seed), uint(i))');
    for (const mode of [1, 2] as const) {
      expect(wgslGmmSource(mode)).not.toContain('normalPair(uniforms');
      expect(glslGmmSource(K, mode)).not.toContain('normalPair(uint(');
    }
  });

  it('writes numbers as both languages read them', () => {
    expect(shaderFloat(30)).toBe('30.0');
    expect(shaderFloat(0.5)).toBe('0.5');
    expect(shaderFloat(2 * Math.PI)).toBe('6.283185307179586');
    expect(shaderUint(2891336453)).toBe('2891336453u');
    expect(() => shaderUint(2 ** 32)).toThrow();
    expect(() => shaderFloat(Infinity)).toThrow();
  });
});

describe('copies.ts, the note that lists every copy', () => {
  const note = readFileSync(new URL('./copies.ts', import.meta.url), 'utf8');
  const root = new URL('../../../', import.meta.url);

  it('names only files that exist', () => {
    const paths = [...note.matchAll(/(?<![\w/.])((?:src|e2e|scripts)\/[\w./-]+\.(?:ts|wat|mjs))/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(10);
    for (const p of new Set(paths)) expect(existsSync(new URL(p, root)), p).toBe(true);
  });

  it('quotes only e2e tests that exist, and names the GPU checks', () => {
    const spec = readFileSync(new URL('e2e/fused-kernels.spec.ts', root), 'utf8');
    // the quoted titles may wrap across comment lines
    const flat = note.replace(/\n\/\/\s+/g, ' ');
    const titles = [...flat.matchAll(/'(fused [^']+)'/g)].map((m) => m[1]);
    expect(titles).toHaveLength(3);
    for (const t of titles) expect(spec).toContain(`test('${t}'`);
    expect(titles.some((t) => t.includes('WebGPU'))).toBe(true);
    expect(titles.some((t) => t.includes('WebGL'))).toBe(true);
  });
});
