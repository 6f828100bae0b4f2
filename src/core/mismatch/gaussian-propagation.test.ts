// The closed-form law of the sampler against particles, the closed-form KL against a sample estimate, and
// the paper's qualitative result (METHODS.md §2.3) on the default Gaussian prior.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { propagateGaussian, targetAt } from './gaussian-propagation';
import { det, gaussKl, minv, mv, vsub, type M2, type V2 } from './mat2';
import { makeVpTable } from './schedule';
import { setup } from './test-fixtures';
import { ReverseRun } from './reverse-run';
import { ruleScoreFn } from './tensor-rules';
import { toMixtureSetup } from './mixture-setup';
import { klOverT } from './sweep';

function logPdf(x: V2, m: V2, C: M2): number {
  const d = vsub(x, m);
  const q = mv(minv(C), d);
  return -0.5 * (d[0] * q[0] + d[1] * q[1]) - 0.5 * Math.log(det(C)) - Math.log(2 * Math.PI);
}

describe('closed-form propagation of the Gaussian-prior sampler', () => {
  it('KL(N0 ‖ N1) equals a 100k-sample estimate of E_0[log n0 − log n1]', () => {
    const m0: V2 = [0.5, -0.2];
    const C0: M2 = [0.3, 0.1, 0.1, 0.5];
    const m1: V2 = [0, 0.3];
    const C1: M2 = [1, -0.4, -0.4, 0.8];
    const rng = new Rng(5);
    const L11 = Math.sqrt(C0[0]);
    const L21 = C0[1] / L11;
    const L22 = Math.sqrt(C0[3] - L21 * L21);
    let acc = 0;
    const n = 100000;
    for (let i = 0; i < n; i++) {
      const z1 = rng.normal();
      const z2 = rng.normal();
      const x: V2 = [m0[0] + L11 * z1, m0[1] + L21 * z1 + L22 * z2];
      acc += logPdf(x, m0, C0) - logPdf(x, m1, C1);
    }
    expect(gaussKl(m0, C0, m1, C1)).toBeCloseTo(acc / n, 2);
  });

  it('the propagated mean and covariance match 4000 particles of the tensor sampler (BO-DDNM, DPS)', () => {
    const cs = setup({ phi: 20, sigmaY: 0.3, zeta: 0.4 });
    const tab = makeVpTable('etc', 15);
    for (const rule of ['bo-ddnm', 'dps'] as const) {
      const pr = propagateGaussian(cs, rule, tab, 'large');
      const run = new ReverseRun(4000, tab, 'large', ruleScoreFn(rule, toMixtureSetup(cs)), new Rng(2));
      for (let k = 0; k < tab.T - 1; k++) run.step(); // now at t = 1
      expect(run.t).toBe(1);
      const xy = run.particles().dataSync();
      run.dispose();
      const n = xy.length / 2;
      let mx = 0, my = 0;
      for (let i = 0; i < n; i++) { mx += xy[2 * i]; my += xy[2 * i + 1]; }
      mx /= n; my /= n;
      let cxx = 0, cxy = 0, cyy = 0;
      for (let i = 0; i < n; i++) {
        const dx = xy[2 * i] - mx;
        const dy = xy[2 * i + 1] - my;
        cxx += dx * dx; cxy += dx * dy; cyy += dy * dy;
      }
      const [m, C] = [pr.mean[1], pr.cov[1]];
      expect(Math.abs(mx - m[0]), rule).toBeLessThan(0.05);
      expect(Math.abs(my - m[1]), rule).toBeLessThan(0.05);
      expect(Math.abs(cxx / n - C[0]), rule).toBeLessThan(0.06 * Math.max(C[0], 0.1));
      expect(Math.abs(cxy / n - C[1]), rule).toBeLessThan(0.05);
      expect(Math.abs(cyy / n - C[3]), rule).toBeLessThan(0.06 * Math.max(C[3], 0.1));
    }
  });

  it("the oracle's KL shrinks toward 0 as T grows, and its accumulated mismatch is exactly 0", () => {
    const cs = setup();
    const kl = [50, 200, 1000].map((T) => propagateGaussian(cs, 'oracle', makeVpTable('etc', T), 'large'));
    expect(kl[1].kl).toBeLessThan(kl[0].kl);
    expect(kl[2].kl).toBeLessThan(kl[1].kl);
    expect(kl[2].kl).toBeLessThan(1e-3);
    expect(kl[2].bias).toBe(0);
    // the law at t = T is N(0, I) and KL(Q_T ‖ P_T) is then the target's distance from N(0, I)
    const q = targetAt(cs, makeVpTable('etc', 1000), 1000);
    expect(kl[2].klAt[1000]).toBeCloseTo(gaussKl(q.mean, q.cov, [0, 0], [1, 0, 0, 1]), 12);
  });

  it('paper ordering at σ_y = 0.3: oracle ≪ BO-DDNM ≪ DDNM for T = 50..1000, and DDNM does not improve with T', () => {
    const cs = setup({ sigmaY: 0.3 });
    const Ts = [50, 100, 200, 500, 1000];
    const s = klOverT(cs, ['oracle', 'ddnm', 'bo-ddnm'], Ts, 'etc', 'large');
    for (let i = 0; i < Ts.length; i++) {
      expect(s.ys.oracle[i] * 10, `T=${Ts[i]}`).toBeLessThan(s.ys['bo-ddnm'][i]);
      expect(s.ys['bo-ddnm'][i] * 10, `T=${Ts[i]}`).toBeLessThan(s.ys.ddnm[i]);
    }
    expect(s.ys.ddnm[4]).toBeGreaterThanOrEqual(s.ys.ddnm[0]);
    // BO-DDNM's bias stays bounded away from 0 (asymptotic bias), unlike the oracle's
    expect(s.ys['bo-ddnm'][4]).toBeGreaterThan(0.5 * s.ys['bo-ddnm'][1]);
  });

  it('BO-DDNM equals DDNM at σ_y = 0, and the mismatch is larger for DDNM under noise', () => {
    const tab = makeVpTable('etc', 200);
    const c0 = setup({ sigmaY: 0 });
    expect(propagateGaussian(c0, 'bo-ddnm', tab, 'small').kl).toBe(propagateGaussian(c0, 'ddnm', tab, 'small').kl);
    const c3 = setup({ sigmaY: 0.3 });
    expect(propagateGaussian(c3, 'ddnm', tab, 'large').bias).toBeGreaterThan(propagateGaussian(c3, 'bo-ddnm', tab, 'large').bias);
  });

  it('leaks no tensors in the particle sampler', () => {
    const cs = toMixtureSetup(setup());
    const tab = makeVpTable('etc', 10);
    const warm = new ReverseRun(20, tab, 'large', ruleScoreFn('pigdm', cs), new Rng(1));
    warm.step();
    warm.dispose();
    const before = tf.memory().numTensors;
    const run = new ReverseRun(20, tab, 'small', ruleScoreFn('pigdm', cs), new Rng(1));
    while (!run.done) run.step();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
