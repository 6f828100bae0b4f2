// Shared helpers for metrics on point sets stored as interleaved Float32Arrays (x0, y0, x1, y1, ...).
import type { Rng } from '../rng';

/** number of points in an interleaved set; throws on an odd length or (unless allowEmpty) an empty set */
export function countPoints(name: string, xy: ArrayLike<number>, allowEmpty = false): number {
  if (xy.length % 2 !== 0) throw new Error(`${name}: interleaved x,y array has odd length ${xy.length}`);
  const n = xy.length / 2;
  if (n === 0 && !allowEmpty) throw new Error(`${name}: empty point set`);
  return n;
}

/**
 * At most `max` points drawn without replacement (partial Fisher-Yates on an index array), in draw order.
 * Returns the input itself when it is already small enough, so small sets cost nothing.
 */
export function subsamplePoints(xy: Float32Array, max: number, rng: Rng): Float32Array {
  const n = xy.length / 2;
  if (n <= max) return xy;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const out = new Float32Array(2 * max);
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
    out[2 * i] = xy[2 * idx[i]];
    out[2 * i + 1] = xy[2 * idx[i] + 1];
  }
  return out;
}

/** arithmetic mean of the finite entries (NaN when there are none) */
export function meanFinite(arr: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < arr.length; i++) {
    if (Number.isFinite(arr[i])) {
      s += arr[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

/**
 * A robust scale of a point set (interleaved x,y): the larger per-axis standard deviation, 1 for a
 * degenerate set. Labs use it to size learned nets' input normalization and noise ranges.
 */
export function spread(xy: Float32Array): number {
  let best = 0;
  const n = xy.length / 2;
  for (const axis of [0, 1]) {
    let m = 0;
    let m2 = 0;
    for (let k = 0; k < n; k++) m += xy[2 * k + axis];
    m /= n;
    for (let k = 0; k < n; k++) m2 += (xy[2 * k + axis] - m) ** 2;
    best = Math.max(best, Math.sqrt(m2 / n));
  }
  return best > 0 ? best : 1;
}
