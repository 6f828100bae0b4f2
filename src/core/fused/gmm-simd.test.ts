// The WebAssembly SIMD mixture kernel against the JavaScript one (the float64 reference of the fused
// path), and its bytes against its source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINE_MIX, MIX } from '../gmm-fixtures';
import { MOG40 } from '../targets/mixtures';
import { CLEAN } from '../types';
import type { Mixture, NoiseLevel } from '../types';
import { gmmAffineStepJs, gmmScoreJs } from './gmm-kernel-js';
import { packMixture } from './gmm-pack';
import { gmmAffineStepSimd, gmmScoreSimd, hasSimdKernels } from './gmm-simd';
// @ts-expect-error: a plain .mjs build script without types
import { KERNELS, renderKernel } from '../../../scripts/build-wasm.mjs';

function spread(n: number, scale: number): Float32Array {
  const v = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) v[i] = scale * Math.sin(2.3 * i + 0.7) * (1 + (i % 5) / 2);
  return v;
}

function both(x: Float32Array, n: number, mix: Mixture, level: NoiseLevel) {
  const P = packMixture(mix, level);
  const js = { score: new Float32Array(2 * n), logp: new Float32Array(n) };
  const simd = { score: new Float32Array(2 * n), logp: new Float32Array(n) };
  gmmScoreJs(x, n, P, mix.length, js.score, js.logp);
  expect(gmmScoreSimd(x, n, P, mix.length, simd.score, simd.logp)).toBe(true);
  return { js, simd };
}

// |a - b| / (1 + |b|), worst over the arrays
function worst(a: Float32Array, b: Float32Array): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return e;
}

describe('WebAssembly SIMD mixture kernel', () => {
  it('is available in Node', () => {
    expect(hasSimdKernels()).toBe(true);
  });

  it('the committed bytes of every kernel (gmm-simd, mlp-simd) are what scripts/build-wasm.mjs assembles from its .wat', async () => {
    for (const k of KERNELS) expect(readFileSync(k.out, 'utf8')).toBe(await renderKernel(k));
  });

  const cases: [string, Mixture, NoiseLevel, number][] = [
    ['MoG-40 clean, points over the box', MOG40, CLEAN, 40],
    ['MoG-40 at a VP level', MOG40, { a: 0.6, s2: 0.64 }, 30],
    ['MoG-40 nearly pure noise', MOG40, { a: 0.02, s2: 0.9996 }, 3],
    ['a correlated mixture', MIX, CLEAN, 4],
    ['a floored singular component', LINE_MIX, { a: 0.8, s2: 0.36 }, 3],
  ];
  for (const [name, mix, level, scale] of cases) {
    it(`agrees with the JavaScript kernel to float32 precision: ${name}`, () => {
      const n = 2001; // not a multiple of four: the last group is padded
      const { js, simd } = both(spread(n, scale), n, mix, level);
      expect(worst(simd.score, js.score)).toBeLessThan(3e-4);
      expect(worst(simd.logp, js.logp)).toBeLessThan(2e-6);
    });
  }

  it('propagates NaN and infinity to the particles that hold them, and only to them', () => {
    const x = spread(7, 20);
    x[2] = NaN; // particle 1
    x[9] = Infinity; // particle 4
    const { simd } = both(x, 7, MOG40, CLEAN);
    for (let i = 0; i < 7; i++) {
      const bad = i === 1 || i === 4;
      expect(Number.isFinite(simd.score[2 * i]) && Number.isFinite(simd.logp[i])).toBe(!bad);
    }
  });

  it('handles one particle, three and a hundred thousand (the memory grows)', () => {
    for (const n of [1, 3, 100_000]) {
      const { js, simd } = both(spread(n, 30), n, MOG40, CLEAN);
      // these reach 90 from the origin, 50 from any mode: logits near -1000 whose float32 ulp (6e-5)
      // sets the weights' precision (the op-by-op float32 path and the GPU programs share it)
      expect(worst(simd.score, js.score)).toBeLessThan(1e-3);
    }
  });

  it('the affine step matches, draws the same counter normals, and may write over its input', () => {
    const n = 999;
    const x = spread(n, 30);
    const P = packMixture(MOG40, { a: 0.9, s2: 0.19 });
    const js = new Float32Array(2 * n);
    gmmAffineStepJs(x, n, P, 40, 0.97, 0.35, 0.8, 4242, js);
    const inPlace = x.slice();
    expect(gmmAffineStepSimd(inPlace, n, P, 40, 0.97, 0.35, 0.8, 4242, inPlace)).toBe(true);
    expect(worst(inPlace, js)).toBeLessThan(2e-4);
  });
});
