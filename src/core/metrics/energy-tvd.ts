// Total variation distance between the histograms of two energy samples (DiKL's energy-TVD, 200 bins):
//   TVD = (1/2) sum_i |p_i - q_i|, in [0, 1]; 0 for identical samples, 1 for disjoint supports.
// It sees whether a sampler puts the right mass at each energy level (depth of the modes), which
// distance metrics on positions miss when modes are placed right but weighted wrong.
//
// Bins: `bins` equal bins over a shared range, by default [min, max] of the finite energies of both
// samples pooled; with a given range, values outside it fall in the edge bins. Non-finite energies
// (a log density of -inf gives energy +inf, NaN from a diverged sampler) go to one extra overflow bin,
// so they count as mass in the wrong place rather than disappearing.

export interface EnergyTvdOptions {
  /** number of bins (default 200) */
  bins?: number;
  /** shared histogram range [lo, hi] (default: pooled finite min and max) */
  range?: readonly [number, number];
}

/** min and max over the finite values of several samples (count 0 when there are none) */
function finiteRange(samples: ArrayLike<number>[]): { min: number; max: number; count: number } {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const e of samples) {
    for (let i = 0; i < e.length; i++) {
      const v = e[i];
      if (!Number.isFinite(v)) continue;
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max, count };
}

function histogram(e: ArrayLike<number>, bins: number, lo: number, hi: number): Float64Array {
  const h = new Float64Array(bins + 1); // last bin: non-finite values
  const width = hi - lo;
  for (let i = 0; i < e.length; i++) {
    const v = e[i];
    if (!Number.isFinite(v)) {
      h[bins]++;
      continue;
    }
    // width 0 (all energies equal): everything in bin 0
    const k = width > 0 ? Math.floor(((v - lo) / width) * bins) : 0;
    h[Math.min(Math.max(k, 0), bins - 1)]++;
  }
  for (let k = 0; k <= bins; k++) h[k] /= e.length;
  return h;
}

export function energyTvd(ea: ArrayLike<number>, eb: ArrayLike<number>, opts: EnergyTvdOptions = {}): number {
  const bins = opts.bins ?? 200;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`energyTvd: bins must be a positive integer, got ${bins}`);
  if (ea.length === 0 || eb.length === 0) throw new Error('energyTvd: empty energy sample');
  let lo: number;
  let hi: number;
  if (opts.range) {
    [lo, hi] = opts.range;
    if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new Error(`energyTvd: range must be finite with lo <= hi, got [${lo}, ${hi}]`);
    }
  } else {
    const r = finiteRange([ea, eb]);
    [lo, hi] = r.count ? [r.min, r.max] : [0, 0];
  }
  const p = histogram(ea, bins, lo, hi);
  const q = histogram(eb, bins, lo, hi);
  let tv = 0;
  for (let k = 0; k <= bins; k++) tv += Math.abs(p[k] - q[k]);
  return 0.5 * tv;
}
