// Decimation of long metric series for drawing. A chart 500 px wide cannot show more than ~500
// x positions, but plain striding would hide spikes (a divergence, a loss blow-up); keeping each
// bucket's minimum and maximum, in their original order, keeps the envelope of the line exact.
// NaN marks a gap (the metric was not computed): a bucket that holds one keeps one NaN so the
// drawn line still breaks there.

export const MAX_CHART_POINTS = 500;

export interface XY {
  xs: number[];
  ys: number[];
}

export function decimateMinMax(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = MAX_CHART_POINTS): XY {
  const n = Math.min(xs.length, ys.length);
  if (n <= maxPoints) return { xs: Array.from(xs).slice(0, n), ys: Array.from(ys).slice(0, n) };
  let hasGap = false;
  for (let i = 0; i < n; i++) if (Number.isNaN(ys[i])) hasGap = true;
  // up to three points per bucket (min, max, one NaN) when gaps exist, two otherwise
  const perBucket = hasGap ? 3 : 2;
  const nb = Math.max(1, Math.floor(maxPoints / perBucket));
  const out: XY = { xs: [], ys: [] };
  const keep: number[] = [];
  for (let b = 0; b < nb; b++) {
    const lo = Math.floor((b * n) / nb);
    const hi = Math.floor(((b + 1) * n) / nb);
    let iMin = -1;
    let iMax = -1;
    let iNaN = -1;
    for (let i = lo; i < hi; i++) {
      const v = ys[i];
      if (Number.isNaN(v)) {
        if (iNaN < 0) iNaN = i;
        continue;
      }
      if (iMin < 0 || v < ys[iMin]) iMin = i;
      if (iMax < 0 || v > ys[iMax]) iMax = i;
    }
    keep.length = 0;
    if (iMin >= 0) keep.push(iMin);
    if (iMax >= 0 && iMax !== iMin) keep.push(iMax);
    if (iNaN >= 0) keep.push(iNaN);
    keep.sort((a, c) => a - c);
    for (const i of keep) {
      out.xs.push(xs[i]);
      out.ys.push(ys[i]);
    }
  }
  // the newest value is what a reader looks at first: never drop it
  if (out.xs[out.xs.length - 1] !== xs[n - 1]) {
    if (out.xs.length >= maxPoints) {
      out.xs.pop();
      out.ys.pop();
    }
    out.xs.push(xs[n - 1]);
    out.ys.push(ys[n - 1]);
  }
  return out;
}
