// The model-score net against a known Gaussian's noised score, and the trainer's tensor bookkeeping
// and weight round trip.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmSample } from '../gmm';
import type { Mixture } from '../types';
import { diklSchedule } from './schedule';
import { ModelScore } from './model-score';
import { DiklTrainer, generatorLr, type DiklConfig } from './trainer';
import { mixtureDensity } from './target-score';

const MU = [2, -1];
const SD = 0.5;
const GAUSS: Mixture = [{ w: 1, mean: [MU[0], MU[1]], cov: [SD * SD, 0, SD * SD] }];

describe('model score (DSM on the DiKL levels)', () => {
  it('recovers the noised score of a Gaussian', () => {
    const sched = diklSchedule(30, 1e-4, 0.7);
    const rng = new Rng(2);
    const net = new ModelScore({ sched, levels: Int32Array.of(2, 8, 15), hidden: 32, depth: 2, lr: 5e-3, scale: 2, rng });
    const data = gmmSample(4000, GAUSS, rng);
    for (let i = 0; i < 250; i++) {
      const batch = tf.tidy(() => tf.gather(data, tf.tensor1d(Int32Array.from({ length: 128 }, () => rng.int(4000)), 'int32')) as Tensor2D);
      net.trainStep(batch).dispose();
      batch.dispose();
    }
    for (const t of [2, 8, 15]) {
      const err = tf.tidy(() => {
        const a = sched.a[t], s = sched.s[t];
        const n = 500;
        const xt = tf.add(tf.mul(tf.slice(data, [0, 0], [n, 2]), a), tf.randomNormal([n, 2], 0, s, 'float32', rng.seed())) as Tensor2D;
        const exact = tf.div(tf.sub(xt, tf.mul(tf.tensor1d(MU), a)), -(a * a * SD * SD + s * s));
        const got = net.score(xt, tf.fill([n], t, 'int32') as Tensor1D);
        return Math.sqrt(tf.mean(tf.sum(tf.square(tf.sub(got, exact)), 1)).dataSync()[0] / tf.mean(tf.sum(tf.square(exact), 1)).dataSync()[0]);
      });
      expect(err, `relative score error at t=${t}`).toBeLessThan(0.2);
    }
    data.dispose();
    net.dispose();
  }, 60_000);
});

const tiny = (over: Partial<DiklConfig> = {}): DiklConfig => ({
  objective: 'dikl', weighting: 'inv-a', targetScore: 'msi-ais', T: 10, betaStart: 1e-4, betaEnd: 0.7,
  width: 16, depth: 2, batch: 32, dsmSteps: 2, lr: 1e-3, scoreLr: 1e-3, scoreWidth: 16, scoreDepth: 2, gradClip: 10,
  ais: { particles: 3, aisSteps: 2, aisStep: 0.1, malaSteps: 2, malaStep: 0.01, clip: 1000 }, scale: 2, genScale: 2, ...over,
});

describe('DiKL trainer', () => {
  it('leaks no tensors across steps, stats and dispose, for every target-score kind', async () => {
    for (const targetScore of ['exact', 'msi-exact', 'msi-ais'] as const) {
      const before = tf.memory().numTensors;
      const tr = new DiklTrainer(tiny({ targetScore }), { density: mixtureDensity(GAUSS), mixture: GAUSS }, 1);
      tr.step();
      const warm = tf.memory().numTensors;
      tr.step();
      tr.step();
      expect(tf.memory().numTensors, targetScore).toBe(warm);
      const st = await tr.stats();
      expect(Number.isFinite(st.dsmLoss) && Number.isFinite(st.gap)).toBe(true);
      expect(Number.isNaN(st.accept)).toBe(targetScore !== 'msi-ais');
      tr.dispose();
      expect(tf.memory().numTensors, targetScore).toBe(before);
    }
  });

  it('round-trips the generator weights and refuses weights of another shape', () => {
    const target = { density: mixtureDensity(GAUSS), mixture: GAUSS };
    const a = new DiklTrainer(tiny({ targetScore: 'exact' }), target, 1);
    a.step();
    const b = new DiklTrainer(tiny({ targetScore: 'exact' }), target, 2);
    b.setWeights(a.getWeights());
    const xa = a.sample(5, 3), xb = b.sample(5, 3);
    expect(Array.from(xb.dataSync())).toEqual(Array.from(xa.dataSync()));
    xa.dispose(); xb.dispose();
    const c = new DiklTrainer(tiny({ targetScore: 'exact', width: 8 }), target, 1);
    expect(() => c.setWeights(a.getWeights())).toThrow(/width 16/);
    [a, b, c].forEach((t) => t.dispose());
  });

  it('rejects bad settings with a readable message', () => {
    const target = { density: mixtureDensity(GAUSS), mixture: GAUSS };
    expect(() => new DiklTrainer(tiny({ width: 0 }), target, 1)).toThrow(/width must be an integer >= 1/);
    expect(() => new DiklTrainer(tiny({ lr: NaN }), target, 1)).toThrow(/lr must be a positive number/);
    expect(() => new DiklTrainer(tiny({ ais: { ...tiny().ais, malaStep: -1 } }), target, 1)).toThrow(/malaStep/);
    expect(() => new DiklTrainer(tiny({ lrSchedule: 'cosine', lrIters: 0 }), target, 1)).toThrow(/lrIters/);
  });

  it('decays the generator lr on the cosine schedule and holds it after the decay', () => {
    const c = { lr: 1e-3, lrSchedule: 'cosine' as const, lrIters: 100, lrFloor: 0.05 };
    expect(generatorLr(c, 0)).toBeCloseTo(1e-3, 12);
    expect(generatorLr(c, 50)).toBeCloseTo(1e-3 * (0.05 + 0.95 * 0.5), 12);
    expect(generatorLr(c, 100)).toBeCloseTo(5e-5, 12);
    expect(generatorLr(c, 1000)).toBeCloseTo(5e-5, 12);
    expect(generatorLr({ lr: 1e-3, lrSchedule: 'constant' }, 1000)).toBe(1e-3);
  });
});
