// The Gaussian policy against closed forms: log-probability, entropy (exact and Monte Carlo), the
// reparameterized gradient, and the fixed last step.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';
import { Rng } from '../rng';
import { GaussianPolicy, gaussianLogProb } from './policy';

const make = (T: number, seed = 1) => new GaussianPolicy({ T, hidden: 8, depth: 1, rng: new Rng(seed) });

describe('GaussianPolicy', () => {
  it('log π(x′|x) matches −|x′−μ|²/(2σ²) − 2 log σ − log 2π', () => {
    const pol = make(3);
    const x = tf.tensor2d([[0.1, -0.4], [1.2, 0.3], [-2, 0.5]]) as Tensor2D;
    const xn = tf.tensor2d([[0.3, 0.2], [-0.5, 1.0], [0, 0]]) as Tensor2D;
    const sig = pol.sigmas();
    for (let i = 0; i < 3; i++) {
      const mu = tf.tidy(() => pol.mean(x, i)).arraySync() as number[][];
      const lp = tf.tidy(() => pol.logProb(x, xn, i)).arraySync() as number[];
      const xa = xn.arraySync() as number[][];
      lp.forEach((v, k) => {
        const sq = (xa[k][0] - mu[k][0]) ** 2 + (xa[k][1] - mu[k][1]) ** 2;
        const want = -sq / (2 * sig[i] ** 2) - 2 * Math.log(sig[i]) - Math.log(2 * Math.PI);
        // float32: relative error (the last step has σ = 0.001, so log π is of order −1e4)
        expect(Math.abs(v - want)).toBeLessThan(1e-3 + 1e-6 * Math.abs(want));
      });
    }
    tf.dispose([x, xn]);
    pol.dispose();
  });

  it('entropy = 1 + log 2π + 2 log σ, and equals −E[log π] over fresh moves', () => {
    const pol = make(4);
    const rng = new Rng(9);
    const n = 20000;
    for (const i of [0, 2]) {
      const h = tf.tidy(() => pol.entropy(i)).dataSync()[0];
      const s = pol.sigmas()[i];
      expect(h).toBeCloseTo(1 + Math.log(2 * Math.PI) + 2 * Math.log(s), 5);
      const mc = tf.tidy(() => {
        const x = tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D;
        const xn = pol.move(x, i, tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D);
        return tf.neg(tf.mean(pol.logProb(x, xn, i)));
      }).dataSync()[0];
      // std of −log π is 1 (½χ²₂), so the Monte Carlo error is ~0.007
      expect(Math.abs(mc - h)).toBeLessThan(0.03);
    }
    pol.dispose();
  });

  it('reparameterized gradient: d/d log σ of log π(x′(σ)|x) at its own sample is exactly −2', () => {
    const pol = make(3);
    const x = tf.randomNormal([64, 2], 0, 1, 'float32', 3) as Tensor2D;
    const z = tf.randomNormal([64, 2], 0, 1, 'float32', 4) as Tensor2D;
    const g = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.mean(pol.logProb(x, pol.move(x, 1, z), 1)) as Scalar, [pol.logSigma!]);
      return grads[pol.logSigma!.name];
    });
    expect(Array.from(g.dataSync())).toEqual([0, expect.closeTo(-2, 5)]);
    tf.dispose([x, z, g]);
    pol.dispose();
  });

  it('the last step keeps σ = 0.001 and only the first T−1 σ are variables; rollout gives T+1 states', () => {
    const pol = make(3);
    expect(pol.logSigma!.shape).toEqual([2]);
    expect(pol.sigmas()[2]).toBeCloseTo(0.001, 8);
    expect(pol.trainable(false)).not.toContain(pol.logSigma);
    expect(pol.trainable(true)).toContain(pol.logSigma);
    const xs = tf.tidy(() => pol.rollout(10, new Rng(1)));
    expect(xs.map((t) => t.shape)).toEqual(Array(4).fill([10, 2]));
    tf.dispose(xs);
    pol.dispose();
    const one = make(1);
    expect(one.logSigma).toBeNull();
    one.dispose();
  });

  it('gaussianLogProb integrates to 1 on a grid (2D normalization)', () => {
    const n = 161;
    const pts: number[][] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pts.push([-4 + (8 * i) / (n - 1), -4 + (8 * j) / (n - 1)]);
    const total = tf.tidy(() => tf.sum(tf.exp(gaussianLogProb(tf.tensor2d(pts), tf.tensor2d([[0.3, -0.2]]), tf.scalar(Math.log(0.7)))))).dataSync()[0];
    expect(total * (8 / (n - 1)) ** 2).toBeCloseTo(1, 3);
  });

  it('fitting the DDPM lowers the v-prediction loss and does not leak tensors', () => {
    const pol = make(2, 5);
    const data = tf.randomNormal([256, 2], 0, 0.3, 'float32', 1) as Tensor2D;
    const first = pol.pretrainStep(data);
    const before = tf.memory().numTensors;
    let last = first;
    for (let k = 0; k < 60; k++) {
      if (last !== first) last.dispose();
      last = pol.pretrainStep(data);
    }
    expect(tf.memory().numTensors).toBe(before + 1); // `first` and `last` are alive
    expect(last.dataSync()[0]).toBeLessThan(first.dataSync()[0]);
    tf.dispose([first, last, data]);
    pol.dispose();
  });
});
