// The fused kernels against the op-by-op closed forms (gmm.ts) on every backend available in Node
// (CPU, WASM); the browser backends (WASM, CPU, WebGL, WebGPU) are checked in e2e/fused-kernels.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWasmBackend } from '../../test/wasm-backend';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gmmLogProbAndScore } from '../gmm';
import { gmmLogProbRef, gmmScoreRef } from '../gmm-reference';
import { LINE_MIX, MIX } from '../gmm-fixtures';
import { MOG40 } from '../targets/mixtures';
import { CLEAN } from '../types';
import { counterNormals } from './counter-rng';
import { gmmAffineStep, gmmLogProbAndScoreFast, hasFusedKernels } from './gmm-fused';
import { setSimdKernels } from './register-kernels';

let previous = 'cpu';
beforeAll(async () => {
  previous = await loadWasmBackend();
});
afterAll(async () => {
  await tf.setBackend(previous);
});

type Arr = ArrayLike<number>;
const maxRelErr = (a: Arr, b: Arr, floor = 1) => {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / Math.max(floor, Math.abs(b[i])));
  return e;
};

function points(n: number, scale: number): Tensor2D {
  // a deterministic spread of points, near and far from the components
  const v = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) v[i] = scale * Math.sin(1.7 * i + 0.3) * (1 + (i % 7) / 3);
  return tf.tensor2d(v, [n, 2]);
}

const CASES = [
  { name: 'MIX clean', mix: MIX, level: CLEAN, scale: 3 },
  { name: 'LINE_MIX clean (floored singular component)', mix: LINE_MIX, level: CLEAN, scale: 3 },
  { name: 'LINE_MIX noised', mix: LINE_MIX, level: { a: 0.8, s2: 0.36 }, scale: 3 },
  { name: 'MoG-40 clean', mix: MOG40, level: CLEAN, scale: 40 },
  { name: 'MoG-40 VP level', mix: MOG40, level: { a: 0.1, s2: 0.99 }, scale: 4 },
];

// each backend with the kernels' two implementations: WebAssembly SIMD (the default) and plain JavaScript
for (const [backend, impl] of [['cpu', 'simd'], ['wasm', 'simd'], ['cpu', 'js'], ['wasm', 'js']]) {
  describe(`fused mixture kernels on ${backend} (${impl})`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      expect(hasFusedKernels()).toBe(true);
      setSimdKernels(impl === 'simd');
    });
    afterAll(() => setSimdKernels(true));

    for (const c of CASES) {
      it(`score and log density equal the closed forms: ${c.name}`, () => {
        const x = points(300, c.scale);
        const ref = gmmLogProbAndScore(x, c.mix, c.level);
        const got = gmmLogProbAndScoreFast(x, c.mix, c.level);
        expect(got.score.shape).toEqual([300, 2]);
        expect(got.logp.shape).toEqual([300]);
        // the two agree to float32 precision (scores of ~100 far from MoG-40's modes lose digits in
        // the op-by-op whitening) and the fused one is at least as close to the float64 reference
        expect(maxRelErr(got.score.dataSync(), ref.score.dataSync())).toBeLessThan(1e-3);
        expect(maxRelErr(got.logp.dataSync(), ref.logp.dataSync())).toBeLessThan(2e-5);
        const xs = x.dataSync();
        const s64 = new Float64Array(600);
        const l64 = new Float64Array(300);
        for (let i = 0; i < 300; i++) {
          const [gx, gy] = gmmScoreRef(xs[2 * i], xs[2 * i + 1], c.mix, c.level);
          s64[2 * i] = gx;
          s64[2 * i + 1] = gy;
          l64[i] = gmmLogProbRef(xs[2 * i], xs[2 * i + 1], c.mix, c.level);
        }
        const errFused = maxRelErr(got.score.dataSync(), s64);
        const errOps = maxRelErr(ref.score.dataSync(), s64);
        expect(errFused).toBeLessThanOrEqual(Math.max(1.5 * errOps, 1e-4));
        expect(maxRelErr(got.logp.dataSync(), l64)).toBeLessThan(2e-5);
        tf.dispose([x, ref.logp, ref.score, got.logp, got.score]);
      });
    }

    it('the affine step equals c0 x + c1 score + c2 xi computed op by op, and frees what it makes', () => {
      const x = points(500, 30);
      const before = tf.memory().numTensors;
      const coef = { c0: 0.97, c1: 0.35, c2: 0.8, seed: 12345 };
      const got = gmmAffineStep(x, MOG40, { a: 0.9, s2: 0.19 }, coef)!;
      expect(tf.memory().numTensors).toBe(before + 1);
      const ref = tf.tidy(() => {
        const { score, logp } = gmmLogProbAndScore(x, MOG40, { a: 0.9, s2: 0.19 });
        logp.dispose();
        const xi = tf.tensor2d(counterNormals(12345, 500), [500, 2]);
        return tf.add(tf.add(tf.mul(x, coef.c0), tf.mul(score, coef.c1)), tf.mul(xi, coef.c2));
      });
      expect(maxRelErr(got.dataSync(), ref.dataSync())).toBeLessThan(2e-4);
      // no noise when c2 = 0, whatever the seed
      const a = gmmAffineStep(x, MOG40, CLEAN, { ...coef, c2: 0, seed: 1 })!;
      const b = gmmAffineStep(x, MOG40, CLEAN, { ...coef, c2: 0, seed: 2 })!;
      expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
      tf.dispose([x, got, ref, a, b]);
    });
  });
}

describe('without a fused kernel', () => {
  it('falls back to the closed forms (score) or null (affine step)', async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
    const x = points(10, 2);
    tf.unregisterKernel('PlaygroundGmmAffineStep', 'cpu');
    try {
      expect(hasFusedKernels()).toBe(false);
      expect(gmmAffineStep(x, MIX, CLEAN, { c0: 1, c1: 1, c2: 0, seed: 0 })).toBeNull();
    } finally {
      // put it back for later files in this worker
      const { registerJsKernels } = await import('./register-kernels');
      registerJsKernels();
    }
    x.dispose();
  });
});
