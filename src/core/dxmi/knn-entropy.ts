// Kozachenko–Leonenko nearest-neighbour estimate of the differential entropy of a 2D sample (nats):
//   Ĥ = ψ(n) − ψ(1) + log π + (2/n) Σ_i log r_i,   r_i = distance from x_i to its nearest other point
// (π = volume of the unit disc). Used to show what the entropy term of DxMI does to the samples: without
// it the sampler's noise shrinks and its samples pile onto the modes (a lower Ĥ than the data's).
// O(n²): fine for the 2000 evaluation samples.

const EULER = 0.5772156649015329;

/** digamma for integer n ≥ 1 (asymptotic series, exact enough for n ≥ 6; exact recursion below) */
function digammaInt(n: number): number {
  if (n < 6) {
    let s = -EULER;
    for (let k = 1; k < n; k++) s += 1 / k;
    return s;
  }
  const inv = 1 / n;
  const inv2 = inv * inv;
  return Math.log(n) - 0.5 * inv - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 / 252));
}

/** entropy estimate (nats) of interleaved 2D points xy = [x0, y0, x1, y1, ...]; NaN when fewer than 2 */
export function knnEntropy2d(xy: Float32Array): number {
  const n = xy.length >> 1;
  if (n < 2) return NaN;
  let sumLog = 0;
  for (let i = 0; i < n; i++) {
    const xi = xy[2 * i];
    const yi = xy[2 * i + 1];
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = xy[2 * j] - xi;
      const dy = xy[2 * j + 1] - yi;
      const d2 = dx * dx + dy * dy;
      if (d2 < best) best = d2;
    }
    sumLog += 0.5 * Math.log(Math.max(best, 1e-24)); // log r
  }
  return digammaInt(n) + EULER + Math.log(Math.PI) + (2 * sumLog) / n;
}
