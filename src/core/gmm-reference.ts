// Float64, one-point-at-a-time Gaussian-mixture density in plain JS: the independent reference the tensor
// closed forms are tested against, and a double-precision evaluator for code that needs a few exact values.
// Deliberately written the textbook way (explicit inverse, no whitening) so it shares no code with gmm-terms.ts.
import type { Mixture, NoiseLevel } from './types';
import { CLEAN } from './types';

/** log p_level(x, y); singular S_k get the same eigenvalue floor as the tensor code */
export function gmmLogProbRef(x: number, y: number, mix: Mixture, level: NoiseLevel = CLEAN, floor = 1e-6): number {
  const tot = mix.reduce((s, c) => s + c.w, 0);
  const terms = mix.map((c) => {
    let p = level.a ** 2 * c.cov[0] + level.s2;
    let q = level.a ** 2 * c.cov[2] + level.s2;
    const r = level.a ** 2 * c.cov[1];
    const lmin = (p + q) / 2 - Math.sqrt(((p - q) / 2) ** 2 + r * r);
    if (lmin < floor) {
      p += floor - lmin;
      q += floor - lmin;
    }
    const det = p * q - r * r;
    const dx = x - level.a * c.mean[0];
    const dy = y - level.a * c.mean[1];
    const maha = (q * dx * dx - 2 * r * dx * dy + p * dy * dy) / det;
    return Math.log(c.w / tot) - Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * maha;
  });
  const top = Math.max(...terms);
  return top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0));
}

/** score by central differences of the float64 reference */
export function gmmScoreRef(x: number, y: number, mix: Mixture, level: NoiseLevel = CLEAN, h = 1e-5): [number, number] {
  const f = (u: number, v: number) => gmmLogProbRef(u, v, mix, level);
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}
