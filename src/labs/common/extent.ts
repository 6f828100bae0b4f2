// The finite value range of a grid or a series: shared by the heatmap's colour map (plots/) and the
// A/B comparison's common colour scale (state/), which must agree on what "the range" means.

/** Smallest and largest finite values, or null when there are none. */
export function finiteRange(values: ArrayLike<number>): readonly [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo && v > -Infinity) lo = v;
    if (v > hi && v < Infinity) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}
