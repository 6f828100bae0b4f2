// Point-set builders shared by the metric tests (plain JS, seeded).
import type { Rng } from '../rng';

/** n points of N(mean, diag(sx^2, sy^2)), interleaved */
export function gaussPoints(n: number, rng: Rng, mean: [number, number] = [0, 0], sx = 1, sy = sx): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = mean[0] + sx * rng.normal();
    out[2 * i + 1] = mean[1] + sy * rng.normal();
  }
  return out;
}

/** the set moved by (dx, dy) */
export function shifted(xy: Float32Array, dx: number, dy: number): Float32Array {
  return xy.map((v, i) => v + (i % 2 ? dy : dx));
}
