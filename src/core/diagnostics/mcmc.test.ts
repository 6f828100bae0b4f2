import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { autocorrelation, effectiveSampleSize, splitRhat } from './mcmc';

/** x_t = ρ x_{t−1} + √(1 − ρ²) ε_t from the stationary law: autocorrelation ρ^t, ESS n (1 − ρ)/(1 + ρ) */
function ar1(n: number, rho: number, rng: Rng, shift = 0): Float64Array {
  const x = new Float64Array(n);
  x[0] = rng.normal();
  for (let t = 1; t < n; t++) x[t] = rho * x[t - 1] + Math.sqrt(1 - rho * rho) * rng.normal();
  if (shift) for (let t = 0; t < n; t++) x[t] += shift;
  return x;
}

describe('MCMC diagnostics', () => {
  it('the autocorrelation of an AR(1) chain is ρ^t', () => {
    const ac = autocorrelation(ar1(20000, 0.8, new Rng(1)), 5);
    expect(ac[0]).toBe(1);
    for (let t = 1; t <= 5; t++) expect(Math.abs(ac[t] - 0.8 ** t)).toBeLessThan(0.03);
  });

  it('ESS of AR(1) chains is m n (1 − ρ)/(1 + ρ), within 15%, for several ρ; independent draws give about m n', () => {
    const rng = new Rng(2);
    for (const rho of [0, 0.5, 0.9]) {
      const chains = Array.from({ length: 4 }, () => ar1(5000, rho, rng));
      const { ess, tau, capped } = effectiveSampleSize(chains, 1000);
      const want = (4 * 5000 * (1 - rho)) / (1 + rho);
      expect(Math.abs(ess / want - 1), `rho ${rho}: ess ${ess} want ${want}`).toBeLessThan(0.15);
      expect(tau).toBeGreaterThan(0);
      expect(capped).toBe(false);
    }
  });

  it('split-R̂ is about 1 for chains of one law and well above it for chains stuck apart', () => {
    const rng = new Rng(3);
    const mixed = Array.from({ length: 4 }, () => ar1(2000, 0.5, rng));
    expect(Math.abs(splitRhat(mixed) - 1)).toBeLessThan(0.01);
    const stuck = [0, 0, 3, 3].map((s) => ar1(2000, 0.5, rng, s));
    expect(splitRhat(stuck)).toBeGreaterThan(1.5);
    // a drifting chain: its two halves disagree even alone
    const drift = Float64Array.from({ length: 2000 }, (_, t) => t / 200 + 0.1 * rng.normal());
    expect(splitRhat([drift])).toBeGreaterThan(1.5);
    // chains stuck apart also have a small ESS for their length
    expect(effectiveSampleSize(stuck).ess).toBeLessThan(100);
  });

  it('a chain that never moved has ESS 0; too short a chain gives NaN', () => {
    expect(effectiveSampleSize([new Float64Array(100).fill(2), new Float64Array(100).fill(2)]).ess).toBe(0);
    expect(effectiveSampleSize([new Float64Array(3)]).ess).toBeNaN();
    expect(splitRhat([new Float64Array(3)])).toBeNaN();
  });
});
