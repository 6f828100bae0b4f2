// Guidance terms on exact priors: the subspace property of G_loss (Theorem 1), the Tweedie VJP against
// autodiff, reward gradients against finite differences, and a shortened Algorithm 1 run (the full
// 300-round check is a CLI run, docs/guidance-lab.md).
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmTweedie } from '../gmm';
import { makeSchedule, levelAt } from '../schedules';
import { guidanceTerm, type GuidanceOptions } from './guidance';
import { exactPrior, lineMixture, makeData } from './priors';
import { makeReward, rewardTheta } from './rewards';
import { guidedReverse, guidedRound, summarize } from './rounds';

const opts = (kind: GuidanceOptions['kind']): GuidanceOptions => ({ kind, sigma: 0.1, betaScale: 1, betaConst: 0 });

function randomRows(n: number, scale: number, rng: Rng): Tensor2D {
  const a = new Float32Array(2 * n);
  for (let i = 0; i < a.length; i++) a[i] = scale * rng.normal();
  return tf.tensor2d(a, [n, 2]);
}

describe('guidance on data on a line (exact prior)', () => {
  it('G_loss is orthogonal to the normal of the line for any gradient; naive G is not', () => {
    const rng = new Rng(5);
    const sched = makeSchedule('cosine', 200);
    for (const phi of [0, 0.4, 2.2]) {
      for (const id of ['line', 'line2'] as const) {
        const prior = exactPrior(makeData(id, phi));
        const normal = tf.tensor2d([[-Math.sin(phi)], [Math.cos(phi)]]);
        for (const t of [1, 20, 120, 199]) {
          const lv = levelAt(sched, t);
          const x = randomRows(16, 2, rng);
          const g = randomRows(16, 3, rng);
          const y = tf.slice(randomRows(16, 1, rng), [0, 0], [16, 1]) as Tensor2D;
          const x0 = prior.tweedie(x, lv);
          const gl = guidanceTerm(prior, x, lv, x0, g, y, opts('gloss'));
          const gn = guidanceTerm(prior, x, lv, x0, g, y, opts('naive'));
          const offL = tf.max(tf.abs(tf.matMul(gl, normal))).dataSync()[0];
          const sizeL = tf.max(tf.abs(gl)).dataSync()[0];
          const offN = tf.max(tf.abs(tf.matMul(gn, normal))).dataSync()[0];
          expect(sizeL).toBeGreaterThan(0);
          // float error only: the line prior returns multiples of v (jacobian-vec.ts), one rounding of v's coordinates
          expect(offL).toBeLessThan(1e-6 * Math.max(1, sizeL));
          expect(offN).toBeGreaterThan(0.05 * tf.max(tf.abs(gn)).dataSync()[0]); // g's own normal part
          tf.dispose([x, g, y, x0, gl, gn]);
        }
        normal.dispose();
      }
    }
  });

  it('the closed-form Tweedie VJP equals autodiff of the Tweedie mean', () => {
    const rng = new Rng(2);
    const sched = makeSchedule('cosine', 200);
    const mix = lineMixture('line2', 0.7);
    const prior = exactPrior(makeData('line2', 0.7));
    for (const t of [10, 80, 180]) {
      const lv = levelAt(sched, t);
      const x = randomRows(12, 1.5, rng);
      const g = randomRows(12, 1, rng);
      const closed = prior.tweedieVjp(x, lv, g).arraySync() as number[][];
      const auto = tf.tidy(() => tf.grad((xx) => tf.sum(tf.mul(gmmTweedie(xx as Tensor2D, mix, lv), g)))(x)).arraySync() as number[][];
      closed.forEach((r, i) => r.forEach((v, d) => expect(Math.abs(v - auto[i][d])).toBeLessThan(1e-3 * Math.max(1, Math.abs(v)))));
      tf.dispose([x, g]);
    }
  });
});

describe('rewards', () => {
  it('gradients match central differences; θ has the asked off/on ratio; bad θ is refused', () => {
    const pts = [[0.3, -1.2], [2, 1], [-1.5, 0.4]];
    for (const id of ['f1', 'f2', 'linear'] as const) {
      const r = makeReward(id, { phi: 0.5, ratio: 9, b: [1, 2] });
      const x = tf.tensor2d(pts) as Tensor2D;
      const g = r.grad(x).arraySync() as number[][];
      x.dispose();
      const f = (p: number[]) => tf.tidy(() => r.value(tf.tensor2d([p]) as Tensor2D).dataSync()[0]);
      pts.forEach((p, i) => {
        for (const d of [0, 1]) {
          const h = 1e-2;
          const pp = [...p]; pp[d] += h;
          const pm = [...p]; pm[d] -= h;
          expect(g[i][d]).toBeCloseTo((f(pp) - f(pm)) / (2 * h), 2);
        }
      });
    }
    const th = rewardTheta(0.5, 9);
    const v = [Math.cos(0.5), Math.sin(0.5)];
    const para = th[0] * v[0] + th[1] * v[1];
    const perp = -th[0] * v[1] + th[1] * v[0];
    expect(perp / para).toBeCloseTo(9, 5);
    expect(() => rewardTheta(0, NaN)).toThrow(/degenerate/);
    expect(() => rewardTheta(0, -1)).toThrow(/ratio/);
  });
});

describe('Algorithm 1 (shortened)', () => {
  it('with the exact line score, G_loss keeps samples on the line while the mean reward rises', () => {
    const phi = 0.3;
    const data = makeData('line', phi);
    const prior = exactPrior(data);
    const sched = makeSchedule('cosine', 40);
    const reward = makeReward('f1', { phi, ratio: 9, b: [0, 0] });
    const rng = new Rng(7);
    const B = 32;
    const delta = new Float32Array(B).fill(0.2);
    let z = guidedReverse(prior, sched, B, null, null, opts('none'), rng);
    const stats = () => tf.tidy(() => ({
      reward: summarize(reward.value(z).dataSync() as Float32Array).mean,
      off: summarize(data.offSupport!(z).dataSync() as Float32Array).median,
    }));
    const first = stats();
    const offs: number[] = [];
    for (let k = 0; k < 25; k++) {
      const next = guidedRound(prior, sched, reward, z, delta, opts('gloss'), rng);
      z.dispose();
      z = next;
      offs.push(stats().off);
    }
    const last = stats();
    z.dispose();
    expect(Math.max(...offs)).toBeLessThan(1e-5);
    expect(last.reward).toBeGreaterThan(first.reward + 0.5);
  });
});
