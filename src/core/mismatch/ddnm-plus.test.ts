// DDNM+ against the official code's formulas, written out here independently (ddnm_plus_diffusion, Lambda,
// Lambda_noise, ddnm_diffusion of wyhuai/DDNM), its exact propagation against particles, its σ_y → 0 limits,
// and where its bias sits on the paper's default problem (σ_y = 0.3) next to DDNM and BO-DDNM.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { noisedGaussScore } from './affine-rules';
import { DDNM_ETA, ddnmPlusCoefs, ddnmPlusCoefsAt } from './ddnm-plus';
import { equivalentScore, propagateGaussian, ruleStep } from './gaussian-propagation';
import { applyAffine } from './affine-rules';
import type { M2, V2 } from './mat2';
import { toMixtureSetup } from './mixture-setup';
import { ReverseRun } from './reverse-run';
import { ruleScoreAt, ruleStepFn } from './rule-steps';
import { levelOf, makeVpTable } from './schedule';
import { setup } from './test-fixtures';

const close = (a: number[], b: number[], tol: number, what: string) => a.forEach((v, i) => expect(Math.abs(v - b[i]), `${what}[${i}] ${v} vs ${b[i]}`).toBeLessThan(tol));

/**
 * The code's step for A = one row [cos φ, sin φ] (singular value 1), in the SVD basis V = [a_row, a_perp]:
 * mean and per-coordinate fresh-noise std, straight from Lambda / Lambda_noise (the `change_index` branches).
 */
function codeStep(x: V2, cs: ReturnType<typeof setup>, a: number, s2: number, aNext: number, sig: number, sy: number, eta: number, plain = false): { mean: V2; d1: [number, number] } {
  const sp = noisedGaussScore(cs.prior, a, s2);
  const sc = applyAffine(sp, x);
  const et = [-Math.sqrt(s2) * sc[0], -Math.sqrt(s2) * sc[1]]; // ε̂ = −s·score
  const x0 = [(x[0] - Math.sqrt(s2) * et[0]) / a, (x[1] - Math.sqrt(s2) * et[1]) / a]; // Eq. 12
  const row = cs.meas.A[0];
  const perp = [-row[1], row[0]];
  const dot = (u: number[], v: number[]) => u[0] * v[0] + u[1] * v[1];
  const r = dot(row, x0) - cs.meas.y[0]; // A x0 − y, and A⁺ = Aᵀ
  let lam = 1, d1r = sig * eta, d2r = sig * Math.sqrt(1 - eta * eta);
  const d1n = sig * eta, d2n = sig * Math.sqrt(1 - eta * eta);
  if (!plain && aNext !== 0 && sy !== 0) {
    if (sig < aNext * sy) { lam = (sig * Math.sqrt(1 - eta * eta)) / aNext / sy; d1r = sig * eta; d2r = 0; }
    if (sig > aNext * sy) { d1r = Math.sqrt(sig * sig - aNext * aNext * sy * sy); d2r = 0; }
  }
  const x0hat = [x0[0] - lam * r * row[0], x0[1] - lam * r * row[1]]; // Eq. 17
  const coef = [d2r * dot(row, et), d2n * dot(perp, et)]; // Lambda_noise's ε term in the V basis
  const mean: V2 = [aNext * x0hat[0] + coef[0] * row[0] + coef[1] * perp[0], aNext * x0hat[1] + coef[0] * row[1] + coef[1] * perp[1]];
  return { mean, d1: [d1r, d1n] };
}

/** the covariance d1r² row rowᵀ + d1n² perp perpᵀ */
function codeCov(cs: ReturnType<typeof setup>, d1: [number, number]): M2 {
  const [c, s] = cs.meas.A[0];
  return [d1[0] ** 2 * c * c + d1[1] ** 2 * s * s, (d1[0] ** 2 - d1[1] ** 2) * c * s, (d1[0] ** 2 - d1[1] ** 2) * c * s, d1[0] ** 2 * s * s + d1[1] ** 2 * c * c];
}

const pts: V2[] = [[0.3, -0.7], [1.5, 0.4], [-2, 1.1]];

describe('DDNM+ (official DDNM code)', () => {
  const tab = makeVpTable('etc', 40);

  it('the affine step equals the code\'s formulas in both regimes (σ > aσ_y and σ < aσ_y), and the tensor step too', () => {
    const cs = setup({ phi: 30, sigmaY: 0.3 });
    const ms = toMixtureSetup(cs);
    let regimes = 0;
    for (const t of [35, 12, 3]) {
      const { a, s2 } = levelOf(tab, t);
      const nx = levelOf(tab, t - 1);
      const sig = Math.sqrt(nx.s2);
      regimes |= sig > nx.a * 0.3 ? 1 : 2;
      const st = ruleStep('ddnm-plus', cs, tab, t, 'large');
      const x = tf.tensor2d(pts.flat(), [pts.length, 2]) as Tensor2D;
      const kernel = ruleStepFn('ddnm-plus', ms, tab);
      const got = tf.tidy(() => (typeof kernel === 'function' ? x : kernel.kernel(x, t, null))).dataSync();
      x.dispose();
      pts.forEach((p, i) => {
        const want = codeStep(p, cs, a, s2, nx.a, sig, 0.3, DDNM_ETA);
        close(applyAffine({ M: st.L, b: st.c }, p), want.mean, 1e-12, `affine mean t=${t}`);
        close([got[2 * i], got[2 * i + 1]], want.mean, 2e-5, `tensor mean t=${t}`);
        close(st.V, codeCov(cs, want.d1), 1e-14, `noise cov t=${t}`);
      });
    }
    expect(regimes).toBe(3); // both branches of Lambda were exercised
  });

  it('σ̂_y = 0: DDNM+ is the code\'s plain DDNM (x̂0 − A⁺(A x̂0 − y), then DDIM-η); σ̂_y → 0⁺ re-noises the range fully', () => {
    const cs0 = setup({ phi: -20, sigmaY: 0, assumed: 0 });
    for (const t of [30, 5, 2]) {
      const { a, s2 } = levelOf(tab, t);
      const nx = levelOf(tab, t - 1);
      const st = ruleStep('ddnm-plus', cs0, tab, t, 'large');
      for (const p of pts) {
        const want = codeStep(p, cs0, a, s2, nx.a, Math.sqrt(nx.s2), 0, DDNM_ETA, true); // ddnm_diffusion
        close(applyAffine({ M: st.L, b: st.c }, p), want.mean, 1e-12, 'plain DDNM mean');
        close(st.V, codeCov(cs0, want.d1), 1e-14, 'plain DDNM cov');
      }
    }
    // the limit σ̂_y → 0⁺ is not σ̂_y = 0: the range gets fresh noise √(σ² − a²σ̂_y²) → σ and no ε̂ term
    const k = ddnmPlusCoefs(0.9, Math.sqrt(1 - 0.81), 1e-9, DDNM_ETA);
    expect(k.lambda).toBe(1);
    expect(k.d1r).toBeCloseTo(Math.sqrt(0.19), 12);
    expect(k.d2r).toBe(0);
    expect(ddnmPlusCoefs(0.9, Math.sqrt(0.19), 0, DDNM_ETA).d2r).toBeCloseTo(Math.sqrt(0.19 * (1 - DDNM_ETA ** 2)), 12);
  });

  it('its Δ_t score gives its mean under the DDPM step, for the affine and the tensor form', () => {
    const cs = setup({ phi: 30, sigmaY: 0.3 });
    const ms = toMixtureSetup(cs);
    const t = 20;
    const st = ruleStep('ddnm-plus', cs, tab, t, 'large');
    const f = equivalentScore(tab, t, st);
    const x = tf.tensor2d(pts.flat(), [pts.length, 2]) as Tensor2D;
    const got = tf.tidy(() => ruleScoreAt('ddnm-plus', ms, tab, x, t)).dataSync();
    x.dispose();
    const beta = tab.beta[t - 1];
    pts.forEach((p, i) => {
      const s = applyAffine(f, p);
      const ddpmMean = [(p[0] + beta * s[0]) / Math.sqrt(tab.alpha[t - 1]), (p[1] + beta * s[1]) / Math.sqrt(tab.alpha[t - 1])];
      close(ddpmMean, applyAffine({ M: st.L, b: st.c }, p), 1e-9, 'DDPM mean of the equivalent score');
      close([got[2 * i], got[2 * i + 1]], s, 2e-3 * Math.max(1, Math.hypot(s[0], s[1])), 'tensor equivalent score');
    });
  });

  it('the propagated mean and covariance match 4000 particles of the DDNM+ kernel (T = 40, at t = 30 and t = 1)', () => {
    const cs = setup({ phi: 20, sigmaY: 0.3 });
    const t15 = makeVpTable('etc', 40);
    const pr = propagateGaussian(cs, 'ddnm-plus', t15, 'large');
    const before = tf.memory().numTensors;
    const run = new ReverseRun(4000, t15, 'large', ruleStepFn('ddnm-plus', toMixtureSetup(cs), t15), new Rng(3));
    for (const at of [30, 1]) {
      while (run.t > at) run.step();
      const xy = run.particles().dataSync();
      const n = xy.length / 2;
      let mx = 0, my = 0, cxx = 0, cxy = 0, cyy = 0;
      for (let i = 0; i < n; i++) { mx += xy[2 * i] / n; my += xy[2 * i + 1] / n; }
      for (let i = 0; i < n; i++) {
        const dx = xy[2 * i] - mx, dy = xy[2 * i + 1] - my;
        cxx += dx * dx / (n - 1); cxy += dx * dy / (n - 1); cyy += dy * dy / (n - 1);
      }
      const [m, C] = [pr.mean[at], pr.cov[at]];
      // per entry, ~4 sampling standard deviations (the entries differ by orders of magnitude)
      expect(Math.abs(mx - m[0]), `mean x t=${at}`).toBeLessThan(4 * Math.sqrt(C[0] / n));
      expect(Math.abs(my - m[1]), `mean y t=${at}`).toBeLessThan(4 * Math.sqrt(C[3] / n));
      expect(Math.abs(cxx / C[0] - 1), `cxx t=${at}`).toBeLessThan(0.1);
      expect(Math.abs(cyy / C[3] - 1), `cyy t=${at}`).toBeLessThan(0.1);
      expect(Math.abs(cxy - C[1]), `cxy t=${at}`).toBeLessThan(0.1 * Math.sqrt(C[0] * C[3]));
    }
    run.step();
    run.step();
    expect(run.done).toBe(true);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before); // no leak
    expect(pr.varExcess[5]).toBeGreaterThan(0); // its noise is not v_t I
  });

  it('paper problem, σ_y = 0.3: DDNM+ is far below DDNM (both forms) but far above BO-DDNM, and grows with T', () => {
    const cs = setup({ sigmaY: 0.3 });
    const codeDdnm = setup({ sigmaY: 0.3, assumed: 0 }); // DDNM+ assuming σ̂_y = 0 = the code's plain DDNM
    let prev = 0;
    for (const T of [50, 200, 1000]) {
      const t = makeVpTable('etc', T);
      const kl = (c: typeof cs, r: 'ddnm-plus' | 'ddnm' | 'bo-ddnm') => propagateGaussian(c, r, t, 'large').kl;
      const plus = kl(cs, 'ddnm-plus');
      expect(plus * 20).toBeLessThan(kl(cs, 'ddnm'));
      expect(plus * 20).toBeLessThan(kl(codeDdnm, 'ddnm-plus'));
      expect(plus).toBeGreaterThan(10 * kl(cs, 'bo-ddnm'));
      expect(plus).toBeGreaterThan(prev);
      prev = plus;
    }
  });

  it('refuses η outside [0, 1], and says why η = 0 has no KL (its law collapses)', () => {
    expect(() => ddnmPlusCoefsAt(tab, 3, 0.3, 1.5)).toThrow(/η must be in \[0, 1\]/);
    expect(() => setup({ eta: -0.1 })).toThrow(/η must be in/);
    expect(() => propagateGaussian(setup({ eta: 0 }), 'ddnm-plus', makeVpTable('etc', 200), 'large')).toThrow(/degenerate.*larger η/);
  });
});
