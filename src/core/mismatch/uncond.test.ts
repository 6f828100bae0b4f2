// Unconditional mismatch: the perturbation's closed form, the Monte-Carlo mean-square mismatch against its
// closed form, the closed-form bias against T (does not vanish; the exact score's does), and the KDE KL.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmSample, gmmScore } from '../gmm';
import type { Mixture } from '../types';
import { noisedGaussScore, type Affine, type Gauss } from './affine-rules';
import { madd, mscale, I2, vadd, vscale, gaussKl, fromCov } from './mat2';
import { propagateAffine } from './gaussian-propagation';
import { makeVpTable } from './schedule';
import { meanSquaredMismatch, perturbationAffine, perturbedScore } from './uncond-scores';
import { klKde } from './kde-kl';

const target: Gauss = { mean: [0.5, -0.5], cov: [1, 0.3, 0.3, 0.6] };
const mix: Mixture = [{ w: 1, mean: target.mean, cov: [1, 0.3, 0.6] }];
const noisedTarget = (tab: ReturnType<typeof makeVpTable>, t: number): Gauss => {
  const ab = t <= 0 ? 1 : tab.abar[t - 1];
  return { mean: vscale(target.mean, Math.sqrt(ab)), cov: madd(mscale(target.cov, ab), mscale(I2, 1 - ab)) };
};
const sum = (f: Affine, g: Affine): Affine => ({ M: madd(f.M, g.M), b: vadd(f.b, g.b) });

describe('unconditional score mismatch', () => {
  it('E_q‖Δ‖² by Monte Carlo matches the closed form for a swirl perturbation', () => {
    const rng = new Rng(3);
    const x0 = gmmSample(4000, mix, rng) as Tensor2D;
    const z = tf.randomNormal([4000, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
    const level = { a: 0.8, s2: 0.36 };
    const exact = (x: Tensor2D, l: typeof level) => gmmScore(x, mix, l);
    const v = meanSquaredMismatch(x0, z, level, perturbedScore(exact, 'swirl', 0.5), exact);
    const mc = v.dataSync()[0];
    tf.dispose([x0, z, v]);
    // Δ = 0.5 (−x₂, x₁): E‖Δ‖² = 0.25 E|x|² under q_t = N(a m, a²Σ + s²I)
    const m = vscale(target.mean, 0.8);
    const C = madd(mscale(target.cov, 0.64), mscale(I2, 0.36));
    expect(mc).toBeCloseTo(0.25 * (m[0] ** 2 + m[1] ** 2 + C[0] + C[3]), 1);
  });

  it('the bias from a perturbed score does not vanish as T grows, while the exact score\'s does', () => {
    const eps = 0.3;
    const res = [50, 200, 1000].map((T) => {
      const tab = makeVpTable('etc', T);
      const exact = (a: number, s2: number) => noisedGaussScore(target, a, s2);
      const tgt = (t: number) => noisedTarget(tab, t);
      return {
        mis: propagateAffine(tab, 'large', (a, s2) => sum(exact(a, s2), perturbationAffine('shift', eps)), exact, tgt, 'shift'),
        ok: propagateAffine(tab, 'large', exact, exact, tgt, 'exact'),
      };
    });
    expect(res[2].ok.kl).toBeLessThan(0.01 * res[2].mis.kl);
    expect(res[2].mis.kl).toBeGreaterThan(0.5 * res[0].mis.kl);
    // B_T ≈ (ε²/2) Σβ: roughly constant in T and positive; 0 for the exact score
    expect(res[2].mis.bias).toBeGreaterThan(0.5 * res[1].mis.bias);
    expect(res[2].mis.bias).toBeLessThan(2 * res[1].mis.bias);
    expect(res[2].ok.bias).toBe(0);
  });

  it('the KDE estimate of KL(Q ‖ P) is close to the closed form for two Gaussians', async () => {
    const rng = new Rng(9);
    const P: Mixture = [{ w: 1, mean: [0.4, 0], cov: [0.8, 0, 1.2] }];
    const q = gmmSample(800, mix, rng) as Tensor2D;
    const p = gmmSample(800, P, rng) as Tensor2D;
    const est = await klKde(mix, q, p.dataSync() as Float32Array);
    tf.dispose([q, p]);
    const exact = gaussKl(target.mean, target.cov, [0.4, 0], fromCov([0.8, 0, 1.2]));
    expect(Math.abs(est - exact)).toBeLessThan(0.12);
  });
});
