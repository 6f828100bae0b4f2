import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '../tf';
import { clipByGlobalNorm, dsmLoss, sampleLogSigma, vpFromLogSigma } from './dsm';
import { DEFAULT_SIGMA_RANGE, embedLogSigma, embedLogSigmaAt } from './embedding';

describe('vpFromLogSigma', () => {
  it('gives a^2 + s^2 = 1 and s/a = sigma without overflow at the extremes', () => {
    const sig = [1e-4, 0.01, 1, 80, 1e4];
    const ls = tf.tensor2d(sig.map(Math.log), [5, 1]);
    const { a, s } = vpFromLogSigma(ls);
    const av = a.dataSync();
    const sv = s.dataSync();
    sig.forEach((sg, i) => {
      expect(av[i] ** 2 + sv[i] ** 2).toBeCloseTo(1, 5);
      expect(sv[i] / av[i] / sg).toBeCloseTo(1, 4);
    });
    tf.dispose([ls, a, s]);
  });
});

describe('dsmLoss', () => {
  it('reaches the irreducible loss with the exact denoiser of Gaussian data, and 2 with a zero model', () => {
    // x0 ~ N(0, diag(v)); E[z | x~] = s' x~ / (a'^2 v + s'^2) per coordinate; optimal loss sum_k v_k/(v_k + sigma^2)
    const v = [1, 0.09];
    const n = 20000;
    const out = tf.tidy(() => {
      const x0 = tf.mul(tf.randomNormal([n, 2], 0, 1, 'float32', 1), tf.sqrt(tf.tensor1d(v))) as Tensor2D;
      const logSigma = sampleLogSigma(n, DEFAULT_SIGMA_RANGE, 2);
      const z = tf.randomNormal([n, 2], 0, 1, 'float32', 3) as Tensor2D;
      const exact = (xt: Tensor2D, ls: Tensor2D) => {
        const { a, s } = vpFromLogSigma(ls);
        const denom = tf.add(tf.mul(tf.square(a), tf.tensor1d(v)), tf.square(s));
        return tf.div(tf.mul(s, xt), denom) as Tensor2D;
      };
      const sig2 = tf.exp(tf.mul(logSigma, 2));
      const lStar = tf.mean(tf.sum(tf.div(tf.tensor1d(v), tf.add(tf.tensor1d(v), sig2)), 1));
      return [dsmLoss(exact, x0, logSigma, z), dsmLoss((xt) => tf.zerosLike(xt), x0, logSigma, z), lStar].map(
        (t) => t.dataSync()[0],
      );
    });
    const [opt, zero, lStar] = out;
    expect(opt).toBeCloseTo(lStar, 1);
    expect(Math.abs(opt - lStar)).toBeLessThan(0.02);
    expect(zero).toBeCloseTo(2, 1);
  });
});

describe('clipByGlobalNorm', () => {
  it('rescales to the max norm only when above it', () => {
    const g: Record<string, Tensor> = { a: tf.tensor1d([3, 0]), b: tf.tensor2d([[0, 4]]) }; // norm 5
    const norm = (m: Record<string, Tensor>) => Math.hypot(...Object.values(m).flatMap((t) => Array.from(t.dataSync())));
    const c = clipByGlobalNorm(g, 1);
    expect(norm(c)).toBeCloseTo(1, 5);
    const d = clipByGlobalNorm(g, 10);
    expect(norm(d)).toBeCloseTo(5, 5);
    expect(clipByGlobalNorm(g, Infinity)).toBe(g);
    tf.dispose([...Object.values(g), ...Object.values(c), ...Object.values(d)]);
  });
});

describe('noise embedding', () => {
  it('tensor and plain-JS forms agree and distinct sigmas give distinct codes', () => {
    const ls = [Math.log(0.01), 0, Math.log(3), Math.log(80)];
    const lt = tf.tensor2d(ls, [4, 1]);
    const t = embedLogSigma(lt, 16, DEFAULT_SIGMA_RANGE);
    const tv = t.arraySync();
    ls.forEach((l, i) => {
      const js = embedLogSigmaAt(l, 16, DEFAULT_SIGMA_RANGE);
      js.forEach((v, k) => expect(tv[i][k]).toBeCloseTo(v, 5));
    });
    // the lowest frequency sin(pi/2 u) is monotone: first feature increases with sigma
    expect(tv.map((r) => r[0])).toEqual([...tv.map((r) => r[0])].sort((p, q) => p - q));
    expect(tv[0][0]).toBeCloseTo(-1, 5);
    tf.dispose([lt, t]);
  });
});
