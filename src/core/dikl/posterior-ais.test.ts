// The paper's posterior sampler on a Gaussian prior, where everything is known in closed form:
// p = N(m, v I), likelihood N(x_t; a x0, s² I) → posterior N(μ_post, v_post I) and evidence p_t(x_t).
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { Rng } from '../rng';
import { aisParticles, aisPosterior, type AisOptions, type ScoredDensity } from './posterior-ais';

const m = [1, -0.5];
const v = 0.7;
const a = 0.8;
const s2 = 0.36;
const xt = [0.3, 0.9];

const gauss: ScoredDensity = (x) => tf.tidy(() => {
  const d = tf.sub(x, tf.tensor1d(m));
  const logp = tf.sub(tf.div(tf.sum(tf.square(d), 1), -2 * v), Math.log(2 * Math.PI * v)) as Tensor1D;
  return { logp, grad: tf.div(d, -v) as Tensor2D };
});

/** log of the expected AIS weight: log(a² p_t(x_t)), p_t = N(a m, (a² v + s²) I) in 2D */
function logEvidence(): number {
  const V = a * a * v + s2;
  const q = (xt[0] - a * m[0]) ** 2 + (xt[1] - a * m[1]) ** 2;
  return 2 * Math.log(a) - q / (2 * V) - Math.log(2 * Math.PI * V);
}

const opts = (o: Partial<AisOptions>): AisOptions => ({ particles: 40, aisSteps: 5, aisStep: 0.05, malaSteps: 0, malaStep: 0.01, clip: 1000, ...o });

function logMeanExp(w: Float32Array): number {
  const mx = Math.max(...w);
  let s = 0;
  for (const x of w) s += Math.exp(x - mx);
  return mx + Math.log(s / w.length);
}

describe('AIS posterior sampler', () => {
  it('weights average to a² p_t(x_t) for plain IS and for AIS', () => {
    for (const S of [0, 5]) {
      const w = tf.tidy(() => {
        const n = 100;
        const r = aisParticles(tf.tile(tf.tensor2d([xt]), [n, 1]) as Tensor2D, tf.fill([n, 1], a) as Tensor2D, tf.fill([n, 1], s2) as Tensor2D, gauss, opts({ aisSteps: S }), new Rng(3 + S));
        return r.logw;
      });
      const got = logMeanExp(w.dataSync() as Float32Array);
      w.dispose();
      expect(Math.abs(got - logEvidence()), `S=${S}: ${got} vs ${logEvidence()}`).toBeLessThan(0.05);
    }
  });

  it('AIS weights vary less than plain IS weights (the point of annealing)', () => {
    const spread = (S: number) => tf.tidy(() => {
      const n = 50;
      const { logw } = aisParticles(tf.tile(tf.tensor2d([xt]), [n, 1]) as Tensor2D, tf.fill([n, 1], a) as Tensor2D, tf.fill([n, 1], s2) as Tensor2D, gauss, opts({ aisSteps: S, aisStep: 0.3 }), new Rng(1));
      return tf.moments(logw).variance.dataSync()[0];
    });
    const is = spread(0);
    const ais = spread(20);
    expect(ais, `AIS ${ais} vs IS ${is}`).toBeLessThan(is / 3);
  });

  it('returns samples with the posterior mean and variance, and the prior score at them', () => {
    const prec = 1 / v + (a * a) / s2;
    const mean = [0, 1].map((k) => (m[k] / v + (a * xt[k]) / s2) / prec);
    const n = 2000;
    const out = aisPosterior(tf.tile(tf.tensor2d([xt]), [n, 1]) as Tensor2D, tf.fill([n, 1], a) as Tensor2D, tf.fill([n, 1], s2) as Tensor2D, gauss, opts({ particles: 10, malaSteps: 3, malaStep: 0.05 }), new Rng(7));
    const x0 = out.x0.arraySync() as number[][];
    const g = out.grad.arraySync() as number[][];
    expect(out.accept.dataSync()[0]).toBeGreaterThan(0.5);
    out.x0.dispose(); out.grad.dispose(); out.accept.dispose();
    for (const k of [0, 1]) {
      const mu = x0.reduce((q, r) => q + r[k], 0) / n;
      const vr = x0.reduce((q, r) => q + (r[k] - mu) ** 2, 0) / n;
      expect(Math.abs(mu - mean[k])).toBeLessThan(4 * Math.sqrt(1 / prec / n));
      expect(vr * prec).toBeGreaterThan(0.85);
      expect(vr * prec).toBeLessThan(1.15);
    }
    x0.slice(0, 20).forEach((r, i) => [0, 1].forEach((k) => expect(g[i][k]).toBeCloseTo(-(r[k] - m[k]) / v, 4)));
  });
});
