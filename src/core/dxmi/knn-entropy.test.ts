import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { knnEntropy2d } from './knn-entropy';

function gaussian(n: number, s: number, rng: Rng): Float32Array {
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) xy[i] = s * rng.normal();
  return xy;
}

describe('k-NN entropy estimate', () => {
  it('matches the closed form of an isotropic Gaussian, log(2πe s²), and scales with log s', () => {
    const rng = new Rng(3);
    for (const s of [0.1, 1, 3]) {
      const h = knnEntropy2d(gaussian(2000, s, rng));
      expect(Math.abs(h - Math.log(2 * Math.PI * Math.E * s * s))).toBeLessThan(0.1);
    }
  });

  it('a uniform square of side L has entropy log L²', () => {
    const rng = new Rng(4);
    const xy = Float32Array.from({ length: 4000 }, () => 2 * rng.uniform());
    expect(Math.abs(knnEntropy2d(xy) - Math.log(4))).toBeLessThan(0.1);
  });

  it('is NaN for fewer than 2 points', () => {
    expect(knnEntropy2d(new Float32Array(2))).toBeNaN();
  });
});
