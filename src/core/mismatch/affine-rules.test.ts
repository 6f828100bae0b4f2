// Every rule's score form against an independent form: the oracle against finite differences of log q_t(x|y),
// DDNM against its clean-estimate (mean) form, BO-DDNM against the repo's reverse-mean line, DPS and ΠGDM
// against finite-difference Jacobians of Tweedie's mean.
import { describe, expect, it } from 'vitest';
import { applyAffine, noisedGaussScore, ruleAffine } from './affine-rules';
import { I2, det, madd, minv, mscale, msub, mv, vadd, vscale, vsub, type M2, type V2 } from './mat2';
import { makeVpTable, levelOf } from './schedule';
import { setup } from './test-fixtures';
import { SCORE_RULE_IDS } from './measurement';

const tab = makeVpTable('etc', 200);
const pts: V2[] = [[0.3, -0.7], [1.5, 0.4], [-2, 1.1]];
const close = (u: V2, v: V2, tol: number) => {
  expect(u[0]).toBeCloseTo(v[0], tol);
  expect(u[1]).toBeCloseTo(v[1], tol);
};

function gaussLogPdf(x: V2, m: V2, C: M2): number {
  const d = vsub(x, m);
  const q = mv(minv(C), d);
  return -0.5 * (d[0] * q[0] + d[1] * q[1]) - 0.5 * Math.log(det(C)) - Math.log(2 * Math.PI);
}

function fdGrad(f: (x: V2) => number, x: V2, h = 1e-5): V2 {
  return [(f([x[0] + h, x[1]]) - f([x[0] - h, x[1]])) / (2 * h), (f([x[0], x[1] + h]) - f([x[0], x[1] - h])) / (2 * h)];
}

describe('zero-shot rules as affine score rules (Gaussian prior)', () => {
  for (const t of [3, 60, 180]) {
    const { a, s2 } = levelOf(tab, t);
    const beta = tab.beta[t - 1];
    const alpha = tab.alpha[t - 1];
    const abPrev = t > 1 ? tab.abar[t - 2] : 1;
    const ab = tab.abar[t - 1];

    it(`oracle = ∇log q_t(x|y) by finite differences (t = ${t})`, () => {
      const cs = setup({ phi: 30 });
      const Ct = madd(mscale(cs.post.cov, a * a), mscale(I2, s2));
      const mt = vscale(cs.post.mean, a);
      for (const x of pts) close(applyAffine(ruleAffine('oracle', cs, a, s2), x), fdGrad((z) => gaussLogPdf(z, mt, Ct), x), 4);
    });

    it(`DDNM score form = DDPM mean with x̂0|y = A⁺y + (I − P) x̂0 (t = ${t})`, () => {
      const cs = setup({ phi: 30 });
      const sp = noisedGaussScore(cs.prior, a, s2);
      const { P, u } = cs.meas;
      for (const x of pts) {
        const x0 = vscale(vadd(x, vscale(applyAffine(sp, x), s2)), 1 / a);
        const x0y = vadd(u, mv(msub(I2, P), x0));
        const c1 = (Math.sqrt(abPrev) * beta) / (1 - ab);
        const c2 = (Math.sqrt(alpha) * (1 - abPrev)) / (1 - ab);
        const meanForm = vadd(vscale(x0y, c1), vscale(x, c2));
        const scoreForm = vscale(vadd(x, vscale(applyAffine(ruleAffine('ddnm', cs, a, s2), x), beta)), 1 / Math.sqrt(alpha));
        close(scoreForm, meanForm, 9);
      }
    });

    it(`BO-DDNM score form = the repo's p_cond_mean_var_noisy mean (t = ${t})`, () => {
      const sig = 0.3;
      const cs = setup({ kind: 'identity', sigmaY: sig, y: [0.8, -0.2] });
      const sp = noisedGaussScore(cs.prior, a, s2);
      const { P, u } = cs.meas;
      for (const x of pts) {
        const eps = vscale(applyAffine(sp, x), -Math.sqrt(s2)); // ε̂ = −√(1−ᾱ) s
        const code = vadd(
          vsub(vscale(x, 1 / Math.sqrt(alpha)), vscale(mv(msub(I2, P), eps), beta / (Math.sqrt(alpha) * Math.sqrt(1 - ab)))),
          vscale(vsub(vscale(u, Math.sqrt(ab)), mv(P, x)), beta / Math.sqrt(alpha) / (1 - ab + ab * sig * sig)),
        );
        const scoreForm = vscale(vadd(x, vscale(applyAffine(ruleAffine('bo-ddnm', cs, a, s2), x), beta)), 1 / Math.sqrt(alpha));
        close(scoreForm, code, 9);
      }
    });

    it(`DPS = s − ζ ∇‖y − A x̂0(x)‖² and ΠGDM = s + Jᵀ Aᵀ(y − A x̂0)/(r² + σ̂²) by finite differences (t = ${t})`, () => {
      const cs = setup({ phi: -50, zeta: 0.7, sigmaY: 0.2 });
      const sp = noisedGaussScore(cs.prior, a, s2);
      const x0 = (x: V2) => vscale(vadd(x, vscale(applyAffine(sp, x), s2)), 1 / a);
      const A = cs.meas.A[0];
      const y = cs.meas.y[0];
      const resid = (x: V2) => y - (A[0] * x0(x)[0] + A[1] * x0(x)[1]);
      for (const x of pts) {
        const g = fdGrad((z) => resid(z) ** 2, x);
        close(applyAffine(ruleAffine('dps', cs, a, s2), x), vsub(applyAffine(sp, x), vscale(g, 0.7)), 4);
        // ∇ₓ(A x̂0) = Jᵀ Aᵀ, so Jᵀ Aᵀ r = −∇ₓ r · r
        const gr = vscale(fdGrad(resid, x), -resid(x) / (s2 / (a * a + s2) + 0.04));
        close(applyAffine(ruleAffine('pigdm', cs, a, s2), x), vadd(applyAffine(sp, x), gr), 4);
      }
    });
  }

  it('BO-DDNM is DDNM when the assumed σ_y is 0', () => {
    const cs = setup({ sigmaY: 0, assumed: 0 });
    const { a, s2 } = levelOf(tab, 50);
    expect(ruleAffine('bo-ddnm', cs, a, s2)).toEqual(ruleAffine('ddnm', cs, a, s2));
  });

  it('every rule gives finite coefficients on the default problem, and refuses s² = 0', () => {
    const cs = setup();
    for (const r of SCORE_RULE_IDS) {
      const f = ruleAffine(r, cs, 0.9, 0.19);
      expect([...f.M, ...f.b].every(Number.isFinite), r).toBe(true);
    }
    expect(() => ruleAffine('ddnm', cs, 1, 0)).toThrow(/noised level/);
  });

  it('bad inputs give messages: σ_y < 0, a singular prior with noise-free full observation', () => {
    expect(() => setup({ sigmaY: -0.1 })).toThrow(/σ_y must be a finite number >= 0/);
    expect(() => setup({ assumed: -1 })).toThrow(/assumed σ_y/);
    expect(() => setup({ kind: 'identity', sigmaY: 0, prior: { mean: [0, 0], cov: [1, 1, 1, 1] } })).toThrow(/singular/);
  });
});
