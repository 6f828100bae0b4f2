// The finite-time mode: exact reference vs finite differences, backprop through recorded steps vs finite
// differences of the same replay, the queue's gradient expectation vs the exact gradient (θ = logits on
// the hexagon), the nested baseline agreeing, cost accounting, and no leaks.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { hexMixture } from './param-mixture';
import { LogitsModel, MlpCorrectionModel } from './diffusion-models';
import { replayGrad, stepCoefs, type BatchRecord } from './reverse-steps';
import { QueueLoop, type QueueOptions } from './queue-loop';
import { diffusionExact } from './diffusion-exact';
import { cosine } from './exact-flow';

const base = hexMixture();
const smooth = { kind: 'smooth' as const };
const opts = (over: Partial<QueueOptions>): QueueOptions => ({
  model: new LogitsModel(base), coefs: stepCoefs(8), batch: 128, reward: smooth, lambda: 0, eta: 0, optimizer: 'sgd', loop: 'queue', rng: new Rng(1), ...over,
});

describe('diffusion fine-tuning (queue)', () => {
  it('exact F and its gradient agree with finite differences; KL vanishes at the base', () => {
    const th = [0.3, 1, -0.5, 0.2, 0, 0.7];
    const e = diffusionExact(base, th, smooth, 0.05);
    for (let j = 0; j < 6; j++) {
      const h = 1e-4;
      const up = th.slice(), dn = th.slice();
      up[j] += h;
      dn[j] -= h;
      const fd = (diffusionExact(base, up, smooth, 0.05).F - diffusionExact(base, dn, smooth, 0.05).F) / (2 * h);
      expect(e.grad[j]).toBeCloseTo(fd, 5);
    }
    expect(e.kl).toBeGreaterThan(0);
    expect(diffusionExact(base, base.logits, smooth, 0.05).kl).toBeCloseTo(0, 8);
  });

  it('backprop through recorded steps equals finite differences of the same replay (reward and path KL)', () => {
    const c = stepCoefs(4);
    const model = new LogitsModel(base);
    const th = [[1.5, 0, 1.5, 0, 1.5, 0], [1, 0.5, 1, 0, 1, 0], [0.5, 1, 1, 0, 0.5, 0], [0.8, 1.2, 0.5, 0.1, 0.4, 0]].map((t) => Float32Array.from(t));
    const rec: BatchRecord = { startSeed: 11, stepSeeds: [12, 13, 14, 15], thetas: th };
    const lambda = 0.05;
    const val = (d: number, j: number) => {
      const r = replayGrad(model, c, { ...rec, thetas: th.map((t) => t.map((v, i) => (i === j ? v + d : v))) }, 64, smooth, lambda);
      const out = r.reward.dataSync()[0] - lambda * r.reg.dataSync()[0];
      [r.grad, r.x0, r.reward, r.reg].forEach((t) => t.dispose());
      return out;
    };
    const r = replayGrad(model, c, rec, 64, smooth, lambda);
    const g = r.grad.dataSync();
    expect(r.reg.dataSync()[0]).toBeGreaterThan(0);
    [r.grad, r.x0, r.reward, r.reg].forEach((t) => t.dispose());
    for (const j of [0, 1, 4]) {
      const fd = (val(0.02, j) - val(-0.02, j)) / 0.04;
      expect(Math.abs(g[j] - fd)).toBeLessThan(0.05 * Math.abs(fd) + 2e-3);
    }
  });

  it("the queue's gradient expectation matches the exact gradient (θ = logits); the nested loop agrees", () => {
    const exact = diffusionExact(base, base.logits, smooth, 0).grad;
    const mean = (loop: 'queue' | 'nested', M: number, seed: number) => {
      const q = new QueueLoop(opts({ loop, rng: new Rng(seed) }));
      const acc = new Float64Array(6);
      for (let i = 0; i < M; i++) {
        q.iterate();
        q.lastGrad!.forEach((v, k) => (acc[k] += v / M));
        expect(q.replayGap).toBeLessThan(1e-5); // the replay rebuilt the sampled batch
      }
      expect(Array.from(q.theta)).toEqual(Array.from(base.logits, Math.fround)); // η = 0: θ fixed
      q.dispose();
      return acc;
    };
    const gq = mean('queue', 24, 1);
    const gn = mean('nested', 8, 2);
    const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
    const diff = (a: ArrayLike<number>, b: ArrayLike<number>) => norm(Array.from(a, (v, i) => v - b[i]));
    expect(cosine(gq, exact)).toBeGreaterThan(0.95);
    expect(diff(gq, exact) / norm(exact)).toBeLessThan(0.35); // MC noise + the T = 8 discretization bias
    expect(cosine(gn, exact)).toBeGreaterThan(0.9);
    expect(cosine(gq, gn)).toBeGreaterThan(0.9);
  });

  it('counts sampler steps (queue 1 per update, nested T), moves θ up the reward, leaks nothing', () => {
    const warm = new QueueLoop(opts({ batch: 16, coefs: stepCoefs(4) }));
    warm.iterate();
    warm.dispose();
    const before = tf.memory().numTensors;
    const q = new QueueLoop(opts({ batch: 32, coefs: stepCoefs(4), eta: 5, lambda: 0.05 }));
    expect(q.samplerSteps).toBe(3); // warm-up fills the queue
    expect(q.stages()).toEqual([3, 2, 1, 0]);
    for (let i = 0; i < 10; i++) q.iterate();
    expect(q.samplerSteps).toBe(13);
    expect(q.updates).toBe(10);
    const F0 = diffusionExact(base, base.logits, smooth, 0.05).F;
    expect(diffusionExact(base, q.theta, smooth, 0.05).F).toBeGreaterThan(F0);
    const n = new QueueLoop(opts({ batch: 16, coefs: stepCoefs(4), loop: 'nested' }));
    n.iterate();
    n.iterate();
    expect(n.samplerSteps).toBe(8);
    const mlp = new QueueLoop(opts({ batch: 16, coefs: stepCoefs(4), model: new MlpCorrectionModel(base, 8, new Rng(3)), optimizer: 'adam', eta: 0.01, lambda: 0.1 }));
    mlp.iterate();
    mlp.iterate();
    expect(mlp.lastGrad!.every(Number.isFinite) && Number.isFinite(mlp.lastReg)).toBe(true);
    expect(mlp.lastGrad!.some((v) => v !== 0)).toBe(true);
    for (const l of [q, n, mlp]) l.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
