// The GPU copies of the kernels, read as text in Node (they only run in a browser: e2e/fused-kernels.spec.ts).
// A drift between a shader and the JavaScript reference by a retyped constant or an edited line of one
// shader but not the other fails here, before any browser test. copies.ts lists every copy; its paths and
// the test titles it quotes are checked too, so the note cannot point at something gone.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { GLSL_COUNTER_RNG, glslGmmSource } from './gmm-glsl';
import { WGSL_COUNTER_RNG, wgslGmmSource } from './gmm-wgsl';
import { PCG_INCREMENT, PCG_MULTIPLIER, PCG_OUTPUT_MULTIPLIER } from './counter-rng';
import { SKIP } from './gmm-kernel-js';
import { PACK_STRIDE } from './gmm-pack';
import { shaderFloat, shaderUint } from './shader-literals';

/** the statements of a shader function body with the two languages' spelling of types removed */
function statements(src: string): string[] {
  return src
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /=|return/.test(l) && !/^(fn|uint|float|vec2) \w+\(.*\{\s*(return.*)?$/.test(l) || /^float toUnit/.test(l))
    .map((l) => l
      .replace(/^float toUnit\(uint h\) \{ (.*) \}$/, '$1')
      .replace(/^(let|var|uint|float|vec2) /, '')
      .replace(/\bf32\(|\bfloat\(/g, 'cast(')
      .replace(/vec2<f32>\(/g, 'vec2(')
      .replace(/;$/, ''));
}

describe('GPU kernel sources', () => {
  it('WGSL and GLSL counter-based normals are the same program, types aside', () => {
    const w = statements(WGSL_COUNTER_RNG);
    const g = statements(GLSL_COUNTER_RNG);
    expect(w.length).toBeGreaterThanOrEqual(8);
    expect(g).toEqual(w);
  });

  it('their constants and shifts are the JavaScript reference\'s', () => {
    const js = fs.readFileSync(new URL('./counter-rng.ts', import.meta.url), 'utf8');
    for (const c of [PCG_MULTIPLIER, PCG_INCREMENT, PCG_OUTPUT_MULTIPLIER]) {
      expect(WGSL_COUNTER_RNG).toContain(shaderUint(c));
      expect(GLSL_COUNTER_RNG).toContain(shaderUint(c));
    }
    // the xorshift of pcg_hash: (state >> ((state >> 28) + 4)) ^ state, then word >> 22
    expect(js).toContain('(state >>> ((state >>> 28) + 4)) ^ state');
    expect(js).toContain('(word >>> 22) ^ word');
    expect(js).toContain('((h >>> 8) + 0.5) / 16777216');
    for (const src of [WGSL_COUNTER_RNG, GLSL_COUNTER_RNG]) {
      expect(src).toContain('(state >> ((state >> 28u) + 4u)) ^ state');
      expect(src).toContain('(word >> 22u) ^ word');
      expect(src).toContain('(h >> 8u) + 0.5) / 16777216.0');
      expect(src).toContain(shaderFloat(2 * Math.PI));
    }
  });

  it('the mixture kernels take SKIP and the packed row from the reference, and every program is complete', () => {
    for (const mode of [0, 1, 2] as const) {
      for (const src of [wgslGmmSource(mode), glslGmmSource(40, mode)]) {
        expect(src).toContain(`m - ${shaderFloat(SKIP)}`);
        expect(src).not.toMatch(/undefined|NaN|\$\{/);
      }
      expect(wgslGmmSource(mode)).toContain(`${PACK_STRIDE} * k`);
    }
  });

  it('copies.ts names files that exist and test titles that are in their specs', () => {
    // the note's comment lines joined, so a title wrapped over two lines reads as one
    const note = fs.readFileSync(new URL('./copies.ts', import.meta.url), 'utf8').replace(/\n\/\/\s*/g, ' ');
    const paths = [...new Set(note.match(/(?:src|e2e|scripts)\/[\w/.-]+\.(?:ts|wat|mjs)/g) ?? [])];
    expect(paths.length).toBeGreaterThan(8);
    for (const p of paths) expect(fs.existsSync(new URL(`../../../${p}`, import.meta.url)), p).toBe(true);
    const spec = fs.readFileSync(new URL('../../../e2e/fused-kernels.spec.ts', import.meta.url), 'utf8');
    const titles = [...note.matchAll(/'([^']*equal the op-by-op[^']*)'/g)].map((m) => m[1]);
    expect(titles.length).toBe(3);
    for (const t of titles) expect(spec, t).toContain(`'${t}'`);
  });
});
