// MCMC diagnostics over several chains of one scalar, as Stan computes them (Vehtari, Gelman, Simpson,
// Carpenter & Bürkner 2021, "Rank-normalization, folding, and localization: an improved R̂"; the
// estimators without the rank normalization): the combined autocorrelation, the effective sample size
// by Geyer's initial monotone sequence, and split-R̂. Plain float64 JS on the chains' values.

/** autocorrelation of one chain at lags 0..maxLag (biased estimator, normalized by the lag-0 value) */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = x.length;
  const L = Math.min(maxLag, n - 1);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = x[i] - mean;
  const out = new Float64Array(L + 1);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += d[i] * d[i];
  if (!(c0 > 0)) {
    out[0] = 1;
    return out; // a chain that never moved: no autocorrelation to estimate (ESS says 0 below)
  }
  for (let t = 0; t <= L; t++) {
    let c = 0;
    for (let i = 0; i + t < n; i++) c += d[i] * d[i + t];
    out[t] = c / c0;
  }
  return out;
}

const meanOf = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};
const varOf = (x: ArrayLike<number>, m = meanOf(x)) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
};

export interface EssResult {
  /** effective sample size of all chains together */
  ess: number;
  /** integrated autocorrelation time τ = m n / ESS (1 for independent draws) */
  tau: number;
  /** the combined autocorrelation at lags 0.. (what the lag chart draws) */
  rho: Float64Array;
  /** true when the lag cap was reached before the sequence stopped: ESS is then an upper bound */
  capped: boolean;
}

/**
 * Multi-chain ESS (Stan): ρ_t = 1 − (W − mean_j s_j² ρ_{t,j}) / var⁺, then Geyer's initial monotone
 * sequence: pairs P_k = ρ_{2k} + ρ_{2k+1} summed while positive, each capped by the previous; τ = −1 + 2 Σ P_k.
 * Chains of equal length n ≥ 4; lags up to maxLag (default n − 1); `rho` holds at least chartLags + 1 lags.
 */
export function effectiveSampleSize(chains: readonly ArrayLike<number>[], maxLag?: number, chartLags = 0): EssResult {
  const m = chains.length;
  const n = Math.min(...chains.map((c) => c.length));
  if (m < 1 || n < 4) return { ess: NaN, tau: NaN, rho: new Float64Array(0), capped: false };
  const L = Math.min(maxLag ?? n - 1, n - 1);
  const means = chains.map((c) => meanOf(Array.prototype.slice.call(c, 0, n)));
  const vars = chains.map((c, j) => varOf(Array.prototype.slice.call(c, 0, n), means[j]));
  const W = meanOf(vars);
  const B = m > 1 ? varOf(means) : 0; // B/n in Gelman's notation
  const varPlus = ((n - 1) / n) * W + B;
  if (!(varPlus > 0)) return { ess: 0, tau: Infinity, rho: new Float64Array([1]), capped: false };
  // lags are computed only as far as the sequence (or the chart) needs: a chain that mixes well stops
  // after a few, where all n − 1 would cost O(n²) per chain at every metrics frame
  const d = chains.map((c, j) => Float64Array.from({ length: n }, (_, i) => c[i] - means[j]));
  const c0 = d.map((x) => x.reduce((t, v) => t + v * v, 0));
  const rhoAt = (t: number) => {
    let s = 0;
    for (let j = 0; j < m; j++) {
      if (!(c0[j] > 0)) continue; // a chain that never moved adds no autocorrelation
      const x = d[j];
      let c = 0;
      for (let i = 0; i + t < n; i++) c += x[i] * x[i + t];
      s += vars[j] * (c / c0[j]);
    }
    return 1 - (W - s / m) / varPlus;
  };
  const rho: number[] = [];
  const get = (t: number) => {
    while (rho.length <= t) rho.push(rhoAt(rho.length));
    return rho[t];
  };
  let sum = 0;
  let prev = Infinity;
  let k = 0;
  for (; 2 * k + 1 <= L; k++) {
    let p = get(2 * k) + get(2 * k + 1);
    if (!(p > 0)) break;
    p = Math.min(p, prev);
    sum += p;
    prev = p;
  }
  get(Math.min(chartLags, L));
  const capped = 2 * k + 1 > L;
  const tau = Math.max(-1 + 2 * sum, 1 / Math.log10(m * n)); // Stan's floor keeps antithetic chains finite
  return { ess: (m * n) / tau, tau, rho: Float64Array.from(rho), capped };
}

/**
 * Split-R̂ (Gelman et al. 2013; Vehtari et al. 2021 without ranks): each chain cut in two halves, then
 * √(var⁺ / W) over the 2m halves. Near 1 when the chains agree; above ~1.01 they have not mixed.
 */
export function splitRhat(chains: readonly ArrayLike<number>[]): number {
  const n = Math.min(...chains.map((c) => c.length));
  const h = Math.floor(n / 2);
  if (chains.length < 1 || h < 2) return NaN;
  const halves: number[][] = [];
  for (const c of chains) {
    const a = Array.prototype.slice.call(c, 0, 2 * h) as number[];
    halves.push(a.slice(0, h), a.slice(h));
  }
  const means = halves.map((x) => meanOf(x));
  const W = meanOf(halves.map((x, j) => varOf(x, means[j])));
  const B = varOf(means);
  if (!(W > 0)) return B > 0 ? Infinity : NaN;
  return Math.sqrt((((h - 1) / h) * W + B) / W);
}
