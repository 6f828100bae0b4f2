// 1D numerics for the analytic targets: midpoint-rule integrals, marginal densities tabulated once and
// interpolated, and inverse-CDF sampling from a tabulated density. Plain float64 JS (no tensors).

/** ∫_lo^hi f(t) dt by the midpoint rule with n cells (spectrally accurate for smooth, decaying integrands) */
export function integrate(f: (t: number) => number, lo: number, hi: number, n: number): number {
  const h = (hi - lo) / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += f(lo + (i + 0.5) * h);
  return s * h;
}

/**
 * A density given by an integral per point, tabulated on [lo, hi] the first time it is asked for and
 * linearly interpolated afterwards; values outside the table are evaluated directly.
 */
export function cachedDensity(f: (x: number) => number, lo: number, hi: number, n: number): (xs: Float32Array) => Float32Array {
  let table: Float64Array | null = null;
  const h = (hi - lo) / (n - 1);
  return (xs) => {
    if (!table) {
      table = new Float64Array(n);
      for (let i = 0; i < n; i++) table[i] = f(lo + i * h);
    }
    const out = new Float32Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const t = (xs[i] - lo) / h;
      if (!(t >= 0 && t <= n - 1)) {
        out[i] = f(xs[i]);
        continue;
      }
      const j = Math.min(Math.floor(t), n - 2);
      const r = t - j;
      out[i] = table[j] * (1 - r) + table[j + 1] * r;
    }
    return out;
  };
}

/**
 * Inverse-CDF sampler for a density known up to a constant on [lo, hi]: trapezoid CDF on n grid points,
 * inverted with linear interpolation (piecewise-uniform within a cell, so the error is O(cell width)).
 */
export function inverseCdfSampler(p: (x: number) => number, lo: number, hi: number, n: number): (u: number) => number {
  const h = (hi - lo) / (n - 1);
  const cdf = new Float64Array(n);
  let prev = p(lo);
  for (let i = 1; i < n; i++) {
    const cur = p(lo + i * h);
    cdf[i] = cdf[i - 1] + ((prev + cur) / 2) * h;
    prev = cur;
  }
  const total = cdf[n - 1];
  return (u) => {
    const target = u * total;
    let a = 0;
    let b = n - 1;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if (cdf[mid] <= target) a = mid;
      else b = mid;
    }
    const span = cdf[b] - cdf[a];
    return lo + (a + (span > 0 ? (target - cdf[a]) / span : 0.5)) * h;
  };
}
