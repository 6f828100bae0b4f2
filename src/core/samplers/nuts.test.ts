import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gaussianSampler, normalInit, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';
import type { NutsSampler } from './kinds/nuts';
import type { Sampler, StepInfo } from './types';

const stats = (info: StepInfo) => {
  const s = info.stats!();
  const v = { step: s.step_adapted.dataSync()[0], depth: s.tree_depth.dataSync()[0] };
  tf.dispose(Object.values(s));
  return v;
};

/** standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8) */
function Phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x > 0 ? 1 - p : p;
}
/** the bin of z among B bins equally likely under N(0, 1) */
const bin = (z: number, B: number) => Math.min(B - 1, Math.floor(Phi(z) * B));

describe('NUTS', () => {
  it('leaves N(0, I) invariant and is reversible: one transition from exact samples, a fixed large step', () => {
    // 20 000 chains drawn from the target itself, one transition at ε = 0.9 (no tuning): under detailed
    // balance the new points are again iid N(0, I) and (x_t, x_{t+1}) is exchangeable. Measured (x₁, x₂):
    // mean 1.0, −0.8 and variance −0.6, −1.5 standard errors off, chi-square 11.5, 16.6, symmetry 31.1, 25.2;
    // acceptance statistic 0.91, depth 1.8. Each of these deliberate breaks fails it (variance 5 to 18
    // standard errors off, or chi-square 50 to 340, symmetry 85 to 250): the candidate always the last leaf,
    // a uniform draw within a subtree, no U-turn checks within subtrees, always the new subtree's candidate,
    // a candidate taken from an invalid subtree, doubling on past a U-turn of the whole trajectory, stopped
    // chains not masked. (Without Stan's extra checks between subtrees it passes, as it should: that is the
    // classic criterion, also reversible.)
    const n = 20000;
    const s = gaussianSampler('nuts', { n, seed: 1, step: 0.9, init: normalInit(n, 51), target: { m: [0, 0], S: [1, 0, 1] }, settings: { adaptSteps: 0 } });
    const x0 = Float32Array.from(s.particles().dataSync());
    const info = s.step();
    const { depth } = stats(info);
    const accept = info.accept!;
    expect(accept).toBeGreaterThan(0.8);
    const x1 = Float32Array.from(s.particles().dataSync());
    s.dispose();
    for (const d of [0, 1]) {
      let m = 0, v = 0, moved = 0;
      for (let i = 0; i < n; i++) {
        m += x1[2 * i + d];
        v += x1[2 * i + d] ** 2;
        if (x1[2 * i + d] !== x0[2 * i + d]) moved++;
      }
      m /= n;
      v = v / n - m * m;
      // 20 equiprobable bins: chi-square with 19 degrees of freedom (0.1% above 43.8)
      const B = 20;
      const c = new Array<number>(B).fill(0);
      for (let i = 0; i < n; i++) c[bin(x1[2 * i + d], B)]++;
      const chi2 = c.reduce((a, o) => a + (o - n / B) ** 2 / (n / B), 0);
      // reversibility: the 8 x 8 table of (bin of x_t, bin of x_{t+1}) is symmetric; sum over its 28 pairs of
      // (n_ij − n_ji)² / (n_ij + n_ji), chi-square with 28 degrees of freedom (0.1% above 56.9)
      const J = 8;
      const M = Array.from({ length: J }, () => new Array<number>(J).fill(0));
      for (let i = 0; i < n; i++) M[bin(x0[2 * i + d], J)][bin(x1[2 * i + d], J)]++;
      let sym = 0;
      for (let a = 0; a < J; a++) for (let b = a + 1; b < J; b++) if (M[a][b] + M[b][a] > 0) sym += (M[a][b] - M[b][a]) ** 2 / (M[a][b] + M[b][a]);
      const zMean = m * Math.sqrt(n);
      const zVar = (v - 1) * Math.sqrt(n / 2);
      expect(Math.abs(zMean), `x${d + 1}: mean ${m}`).toBeLessThan(4);
      expect(Math.abs(zVar), `x${d + 1}: variance ${v}`).toBeLessThan(4);
      expect(chi2, `x${d + 1}`).toBeLessThan(45);
      expect(sym, `x${d + 1}`).toBeLessThan(57);
      // and it moves: nearly every chain to a new point
      expect(moved / n).toBeGreaterThan(0.9);
    }
    expect(depth).toBeGreaterThan(1);
  });

  it('tunes the step from far too large or far too small until the acceptance statistic is δ, then samples the correlated Gaussian', () => {
    const tuned: number[] = [];
    const xs: number[] = [];
    for (const step of [2, 0.01]) {
      const s = gaussianSampler('nuts', { n: 48, seed: 5, step, settings: { delta: 0.8, adaptSteps: 50 } });
      let tuning = 0;
      for (let i = 0; i < 50; i++) {
        const info = s.step();
        if (i >= 25) tuning += info.accept! / 25;
      }
      const fixed: number[] = [];
      let depth = 0;
      for (let i = 0; i < 20; i++) {
        const st = stats(s.step());
        fixed.push(st.step);
        depth += st.depth / 20;
        xs.push(...s.particles().dataSync());
      }
      s.dispose();
      tuned.push(fixed[0]);
      // the averaged step is fixed once tuning ends
      expect(fixed.every((v) => v === fixed[0]), `step ${step}`).toBe(true);
      // dual averaging holds the mean acceptance statistic at δ while it tunes
      expect(Math.abs(tuning - 0.8), `step ${step}: acceptance while tuning ${tuning}`).toBeLessThan(0.05);
      // the target's long axis (sd 1.5) takes several steps of ~0.5 to turn back: trees of depth 2 on average
      expect(depth, `step ${step}`).toBeGreaterThan(1.5);
      expect(depth, `step ${step}`).toBeLessThan(3.5);
    }
    // the same step from either start
    expect(Math.abs(tuned[0] - tuned[1]) / tuned[0]).toBeLessThan(0.25);
    // the last 20 iterations of both runs, 1920 points (correlated along each chain: about 400 effective)
    const pooled = tf.tensor2d(xs, [xs.length / 2, 2]);
    const err = momentError(moments(pooled), { mean: TARGET.m, cov: TARGET.S });
    pooled.dispose();
    expect(err.mean).toBeLessThan(0.2);
    expect(err.cov).toBeLessThan(0.45);
  });

  it('splits its chains between two modes by their weights (0.3 / 0.7)', () => {
    // 0.3 N((−1, 0), s² I) + 0.7 N((1, 0), s² I), s² = 1/4, in closed form: with t = 8 x₁ + log(7/3) (the log
    // odds of the right component), log p = log 0.3 − |x − μ₀|²/(2s²) − log(2π s²) + softplus(t) and
    // ∇ log p = ((tanh(t/2), 0) − x)/s²
    const s2 = 0.25;
    // the two coordinates as [n] tensors (a product: the CPU backend slices a column element by element)
    const coords = (x: Tensor2D) => [[1, 0], [0, 1]].map((e) => tf.reshape(tf.matMul(x, tf.tensor2d(e, [2, 1])), [-1]));
    const odds = (x1: tf.Tensor) => tf.add(tf.mul(x1, 2 / s2), Math.log(7 / 3));
    const logDensity = (x: Tensor2D) => tf.tidy(() => {
      const [x1, x2] = coords(x);
      const d2 = tf.add(tf.square(tf.add(x1, 1)), tf.square(x2));
      return tf.add(tf.sub(Math.log(0.3) - Math.log(2 * Math.PI * s2), tf.div(d2, 2 * s2)), tf.softplus(odds(x1))) as tf.Tensor1D;
    });
    const score = (x: Tensor2D) => tf.tidy(() => {
      const [x1, x2] = coords(x);
      return tf.div(tf.stack([tf.sub(tf.tanh(tf.mul(odds(x1), 0.5)), x1), tf.neg(x2)], 1), s2) as Tensor2D;
    });
    const N = 300;
    const s = gaussianSampler('nuts', { n: N, seed: 11, step: 0.5, settings: { adaptSteps: 20 }, score, logDensity });
    const xs = run(s, 30);
    s.dispose();
    let right = 0;
    for (let i = 0; i < xs.length; i += 2) if (xs[i] > 0) right++;
    // P(x₁ > 0) = 0.3 Φ(−2) + 0.7 Φ(2) = 0.691; 300 chains: one binomial standard error is 0.027 (the start, N(0, I), has 0.5)
    const exact = 0.3 * Phi(-2) + 0.7 * Phi(2);
    expect(Math.abs(right / N - exact)).toBeLessThan(0.08);
  });

  it('gives the same transitions with and without read-backs (all doublings masked), and charges each chain its own leapfrog steps', async () => {
    const runWith = async (loop: 'read' | 'masked') => {
      const s = gaussianSampler('nuts', { n: 32, seed: 9, step: 0.3, settings: { adaptSteps: 5, maxDepth: 5 } }) as Sampler & NutsSampler;
      s.loop = loop;
      const x = run(s, 8);
      while (s.pending > 0) await new Promise((r) => setTimeout(r, 1));
      const cost = { ...s.cost };
      s.dispose();
      return { x: Array.from(x), cost };
    };
    const a = await runWith('read');
    const b = await runWith('masked');
    expect(b.x).toEqual(a.x);
    expect(b.cost).toEqual(a.cost);
    // one score and one density at x, then one of each per leapfrog step: fewer than the 31 a depth-5 tree holds
    expect(a.cost.gradients / 8).toBeGreaterThan(2);
    expect(a.cost.gradients / 8).toBeLessThan(20);
    expect(a.cost.densities).toBe(a.cost.gradients);
  });

  it('doubles to the depth limit when the step is small for the target, and no further', () => {
    // ε = 0.01 against axes of sd 1.5 and 0.5: a half period takes 150 steps or more, past a depth-6 tree's
    // 63, so most chains stop at the limit (a trajectory from near a turning point turns back sooner)
    const depth = (maxDepth: number) => {
      const s = gaussianSampler('nuts', { n: 16, seed: 4, step: 0.01, settings: { adaptSteps: 0, maxDepth } });
      s.step();
      const d = stats(s.step()).depth;
      const cost = s.cost.gradients / 2;
      s.dispose();
      return { d, cost };
    };
    const six = depth(6);
    expect(six.d).toBeGreaterThan(5);
    expect(six.cost).toBeGreaterThan(40);
    const three = depth(3);
    expect(three.d).toBe(3);
    expect(three.cost).toBe(1 + 7);
  });
});
