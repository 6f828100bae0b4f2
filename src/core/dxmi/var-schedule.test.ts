// The few-step VAR schedule against DDPM-1000 and the DDPM posterior (METHODS.md §0.1, §5.3).
import { describe, expect, it } from 'vitest';
import { ddpm1000AbarT, makeVarSchedule, varBetas, LAST_SIGMA } from './var-schedule';

describe('VAR schedule', () => {
  it('ᾱ_1000 of the linear DDPM schedule is the known 4.04e-5', () => {
    expect(ddpm1000AbarT()).toBeCloseTo(4.0358e-5, 8);
  });

  it("'matched': Π(1 − β̃) over T steps equals DDPM-1000’s ᾱ_1000 for every T", () => {
    const target = ddpm1000AbarT();
    for (let T = 1; T <= 10; T++) {
      const s = makeVarSchedule(T, 'matched');
      expect(Math.abs(s.gbar[T - 1] / target - 1), `T=${T}`).toBeLessThan(1e-6);
      // Γ̄ decreases, every β̃ is a valid variance
      for (let n = 0; n < T; n++) expect(s.beta[n] > 0 && s.beta[n] < 1).toBe(true);
      for (let n = 1; n < T; n++) expect(s.gbar[n]).toBeLessThan(s.gbar[n - 1]);
    }
  });

  it("'code': T = 10 reproduces the official quadratic betas (x = 9.5, the bisection's cap)", () => {
    const { beta, x } = varBetas(10, 'code');
    expect(x).toBeCloseTo(9.5, 9);
    const official = [1e-4, 0.011025, 0.04, 0.087025, 0.1521, 0.235225, 0.3364, 0.455625, 0.5929, 0.748225];
    official.forEach((b, n) => expect(beta[n], `n=${n}`).toBeCloseTo(b, 9));
  });

  it("'code': the official product stays above ᾱ_1000 (its assertion) and within DDPM-1000's range", () => {
    const target = ddpm1000AbarT();
    const final = [0.9999, 0.7646985225, 0.5235241109951109, 0.34313066162592887];
    for (let T = 1; T <= 10; T++) {
      const s = makeVarSchedule(T, 'code');
      expect(s.gbar[0]).toBeLessThanOrEqual(1 - 1e-4 + 1e-12); // ≤ DDPM-1000's ᾱ_1
      expect(s.gbar[T - 1]).toBeGreaterThanOrEqual(target);
      if (T <= 4) expect(s.gbar[T - 1], `T=${T}`).toBeCloseTo(final[T - 1], 9); // numpy values of the code
    }
    expect(makeVarSchedule(10, 'code').gbar[9]).toBeCloseTo(0.02080983203488142, 9);
  });

  it('the DDIM(η = 1) step is the DDPM posterior mean given x̂0, with the posterior std', () => {
    for (const [T, kind] of [[2, 'code'], [4, 'code'], [4, 'matched'], [10, 'matched']] as const) {
      const s = makeVarSchedule(T, kind);
      for (let i = 0; i < T; i++) {
        const cur = s.gbarState[i];
        const next = s.gbarState[i + 1];
        const x = 0.7;
        const eps = -1.3;
        const x0 = (x - Math.sqrt(1 - cur) * eps) / Math.sqrt(cur);
        const mean = s.xMult[i] * x + s.cEps[i] * eps;
        if (i === T - 1) {
          expect(mean).toBeCloseTo(x0, 9); // last step: the x0-prediction
          expect(s.sigma0[i]).toBe(LAST_SIGMA);
          continue;
        }
        const beta = 1 - cur / next; // the one-step β between the two levels
        const c1 = (Math.sqrt(next) * beta) / (1 - cur);
        const c2 = (Math.sqrt(1 - beta) * (1 - next)) / (1 - cur);
        expect(mean, `T=${T} i=${i}`).toBeCloseTo(c1 * x0 + c2 * x, 6);
        expect(s.sigma0[i]).toBeCloseTo(Math.sqrt((beta * (1 - next)) / (1 - cur)), 12);
      }
    }
  });

  it('rejects a bad T with a readable message', () => {
    expect(() => makeVarSchedule(0)).toThrow(/T must be an integer/);
    expect(() => makeVarSchedule(2.5)).toThrow(/T must be an integer/);
  });
});
