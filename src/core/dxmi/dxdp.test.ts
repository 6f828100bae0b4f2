// DxDP mechanics: the running cost, the TD target on a hand-made two-step case (closed numbers, then
// the backward recursion learned by real value nets), the energy loss, and one leak-free iteration.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { Rng } from '../rng';
import { runningCost, tdTarget, DxdpTrainer } from './dxdp';
import { Critic, energyLoss } from './critic';
import { GaussianPolicy } from './policy';

const o = { tau: 0.1, tauVelocity: 0.5, costsInValue: true };

describe('DxDP', () => {
  it('running cost = mean over dims of (x′ − x)² / (2 s²)', () => {
    const rc = tf.tidy(() => runningCost(tf.tensor2d([[0, 0], [1, 1]]), tf.tensor2d([[1, 3], [1, 1]]), 2)).arraySync();
    // ((1 + 9)/2) / 4 = 1.25; no move: 0
    expect(rc).toEqual([1.25, 0]);
  });

  it('hand-made two-step TD targets (paper recursion and released configs)', () => {
    // trajectory x0 = (0,0) → x1 = (1,1) → x2 = (1,3); E(x2) = 0.7, V(x1, 1) = 0.2
    // s² = (2, 4), log σ = (log 0.5, log 0.1)
    const x0 = [[0, 0]], x1 = [[1, 1]], x2 = [[1, 3]];
    const t1 = tf.tidy(() => tdTarget(tf.tensor1d([0.7]), runningCost(tf.tensor2d(x1), tf.tensor2d(x2), 4), Math.log(0.1), o)).dataSync()[0];
    const t0 = tf.tidy(() => tdTarget(tf.tensor1d([0.2]), runningCost(tf.tensor2d(x0), tf.tensor2d(x1), 2), Math.log(0.5), o)).dataSync()[0];
    // t = 1: 0.7 + 0.5 · ((0 + 4)/2)/8 − 0.1 log 0.1 = 0.7 + 0.125 + 0.2302585
    expect(t1).toBeCloseTo(1.0552585, 5);
    // t = 0: 0.2 + 0.5 · ((1 + 1)/2)/4 − 0.1 log 0.5 = 0.2 + 0.125 + 0.0693147
    expect(t0).toBeCloseTo(0.3943147, 5);
    const off = tf.tidy(() => tdTarget(tf.tensor1d([0.2]), tf.tensor1d([5]), 1, { ...o, costsInValue: false })).dataSync()[0];
    expect(off).toBeCloseTo(0.2, 7);
  });

  it('TD steps backward in t learn V(x1,1) = E(x2) + c1 and V(x0,0) = V(x1,1) + c0 on a fixed two-step case', () => {
    const critic = new Critic({ T: 2, hidden: 16, mode: 'time', lrEnergy: 1e-3, lrValue: 2e-2, rng: new Rng(3) });
    const x0 = tf.tensor2d([[0, 0], [0.5, -0.5]]) as Tensor2D;
    const x1 = tf.tensor2d([[1, 1], [0, -1]]) as Tensor2D;
    const x2 = tf.tensor2d([[1, 3], [-1, -1]]) as Tensor2D;
    const s2 = [2, 4];
    const ls = [Math.log(0.5), Math.log(0.1)];
    const target = (t: number, x: Tensor2D, xn: Tensor2D): Tensor1D => tdTarget(critic.V(xn, t + 1), runningCost(x, xn, s2[t]), ls[t], o);
    for (let k = 0; k < 400; k++) {
      tf.tidy(() => {
        critic.tdStep(x1, 1, target(1, x1, x2));
        critic.tdStep(x0, 0, target(0, x0, x1));
      });
    }
    const [e2, v1, v0] = tf.tidy(() => [critic.E(x2), critic.V(x1, 1), critic.V(x0, 0)]).map((t) => Array.from(t.dataSync()));
    const rc = (a: number[][], b: number[][], s: number) => a.map((p, k) => ((b[k][0] - p[0]) ** 2 + (b[k][1] - p[1]) ** 2) / 2 / (2 * s));
    const c1 = rc(x1.arraySync(), x2.arraySync(), 4).map((r) => o.tauVelocity * r - o.tau * ls[1]);
    const c0 = rc(x0.arraySync(), x1.arraySync(), 2).map((r) => o.tauVelocity * r - o.tau * ls[0]);
    v1.forEach((v, k) => expect(v).toBeCloseTo(e2[k] + c1[k], 2));
    v0.forEach((v, k) => expect(v).toBeCloseTo(e2[k] + c1[k] + c0[k], 2));
    tf.dispose([x0, x1, x2]);
    critic.dispose();
  });

  it('energy loss = E_d[E] − E_π[E] + γ (E_d[E²] + E_π[E²])', () => {
    const l = tf.tidy(() => energyLoss(tf.tensor1d([1, 2]), tf.tensor1d([0, -1]), 0.5)).dataSync()[0];
    expect(l).toBeCloseTo(2 + 0.5 * (2.5 + 0.5), 6);
  });

  it('one joint iteration: finite stats, AVR moves s², no leaked tensors', () => {
    const rng = new Rng(1);
    const policy = new GaussianPolicy({ T: 3, hidden: 8, depth: 1, rng });
    const critic = new Critic({ T: 3, hidden: 8, mode: 'time', lrEnergy: 1e-3, lrValue: 1e-3, rng });
    const trainer = new DxdpTrainer(policy, critic, { tau: 0.1, tauVelocity: 0.1, gamma: 1, rho: 0.5, batch: 32, lrSampler: 1e-3, learnSigma: true, costsInValue: false, clip: 1 }, rng);
    const data = tf.randomNormal([32, 2], 0, 1, 'float32', 2) as Tensor2D;
    const s2Before = Array.from(trainer.s2.dataSync());
    const sigBefore = policy.sigmas();
    trainer.iterate(data).dispose(); // warm-up (optimizer slots)
    const n = tf.memory().numTensors;
    const stats = trainer.iterate(data);
    expect(tf.memory().numTensors).toBe(n + 1);
    expect(Array.from(stats.dataSync()).every(Number.isFinite)).toBe(true);
    expect(Array.from(trainer.s2.dataSync())).not.toEqual(s2Before);
    expect(Array.from(policy.sigmas().subarray(0, 2))).not.toEqual(Array.from(sigBefore.subarray(0, 2)));
    stats.dispose();
    tf.dispose(data);
    trainer.dispose();
    critic.dispose();
    policy.dispose();
  });

  it('lrSigma is the log σ_t step size (Adam: the first step moves each log σ by ≈ lr); the MLP keeps lrSampler', () => {
    const moved = (lrSigma: number | undefined) => {
      const rng = new Rng(5);
      const policy = new GaussianPolicy({ T: 3, hidden: 8, depth: 1, rng });
      const critic = new Critic({ T: 3, hidden: 8, mode: 'time', lrEnergy: 1e-3, lrValue: 1e-3, rng });
      const trainer = new DxdpTrainer(policy, critic, { tau: 0.5, tauVelocity: 0, gamma: 1, rho: 1, batch: 16, lrSampler: 1e-4, lrSigma, learnSigma: true, costsInValue: false, clip: 1e6 }, rng);
      const data = tf.randomNormal([16, 2], 0, 1, 'float32', 2) as Tensor2D;
      const before = Array.from(policy.logSigma!.dataSync());
      const w0 = Array.from(policy.mlp.vars[0].dataSync());
      trainer.iterate(data).dispose();
      const d = Array.from(policy.logSigma!.dataSync()).map((v, i) => Math.abs(v - before[i]));
      const dw = Math.max(...Array.from(policy.mlp.vars[0].dataSync()).map((v, i) => Math.abs(v - w0[i])));
      tf.dispose(data);
      trainer.dispose();
      critic.dispose();
      policy.dispose();
      return { d, dw };
    };
    const fast = moved(0.05);
    const same = moved(undefined);
    for (const v of fast.d) expect(v).toBeCloseTo(0.05, 3);
    for (const v of same.d) expect(v).toBeCloseTo(1e-4, 5);
    expect(fast.dw).toBeLessThan(1.01e-4);
    expect(fast.dw).toBeCloseTo(same.dw, 9);
  });
});
