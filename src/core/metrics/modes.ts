// Mode coverage of a Gaussian-mixture target by a point set.
//
// Rule: each point goes to the component of highest responsibility under the clean mixture
// (argmax_k log w_k + log N(x; mu_k, Sigma_k)); component k is covered when its share of the points is at
// least minFraction (default 1/4) of its normalized weight w_k / sum w. A quarter of the expected share
// tolerates sampling noise and the uneven spread of a sampler that has found a mode, yet a mode holding
// a few stray points does not count. Responsibilities, not nearest means, so a broad component next to a
// narrow one gets the points that really belong to it.
//
// Singular covariances (a line component) are regularized by a tiny ridge (1e-6 of the largest
// variance, at least 1e-12) so that points near the line are still assigned to it.
// Points with a non-finite coordinate are assigned to no component but still count in the total,
// so a diverged sampler loses coverage instead of hiding it.
import type { Mixture } from '../types';
import { countPoints } from './points';

export interface ModeCoverage {
  /** number of covered components */
  covered: number;
  /** number of components */
  total: number;
  /** fraction of all points assigned to each component */
  shares: number[];
}

interface Prepared {
  mx: number;
  my: number;
  // inverse covariance [a b; b c] and the constant log w - log det / 2
  ia: number;
  ib: number;
  ic: number;
  c0: number;
}

function prepare(mix: Mixture): Prepared[] {
  return mix.map((comp, k) => {
    if (!(comp.w > 0)) throw new Error(`modesCovered: component ${k} has weight ${comp.w}, must be > 0`);
    const [sxx, sxy, syy] = comp.cov;
    const ridge = Math.max(1e-6 * Math.max(sxx, syy), 1e-12);
    const a = sxx + ridge;
    const c = syy + ridge;
    const det = a * c - sxy * sxy;
    if (!(det > 0)) throw new Error(`modesCovered: component ${k} has a covariance that is not positive semidefinite`);
    return { mx: comp.mean[0], my: comp.mean[1], ia: c / det, ib: -sxy / det, ic: a / det, c0: Math.log(comp.w) - 0.5 * Math.log(det) };
  });
}

/** index of the component with the highest responsibility at (x, y); -1 for a non-finite point */
function assign(p: Prepared[], x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
  let best = -1;
  let bestVal = -Infinity;
  for (let k = 0; k < p.length; k++) {
    const q = p[k];
    const dx = x - q.mx;
    const dy = y - q.my;
    const v = q.c0 - 0.5 * (q.ia * dx * dx + 2 * q.ib * dx * dy + q.ic * dy * dy);
    if (v > bestVal) {
      bestVal = v;
      best = k;
    }
  }
  return best;
}

/** coverage of `mix` by the interleaved x,y points (an empty set covers nothing) */
export function modesCovered(xy: Float32Array, mix: Mixture, minFraction = 0.25): ModeCoverage {
  const n = countPoints('modesCovered', xy, true);
  if (mix.length === 0) throw new Error('modesCovered: empty mixture');
  const p = prepare(mix);
  const counts = new Float64Array(mix.length);
  for (let i = 0; i < n; i++) {
    const k = assign(p, xy[2 * i], xy[2 * i + 1]);
    if (k >= 0) counts[k]++;
  }
  const wsum = mix.reduce((s, c) => s + c.w, 0);
  const shares = Array.from(counts, (c) => (n ? c / n : 0));
  const covered = mix.reduce((acc, comp, k) => acc + (n > 0 && shares[k] >= (minFraction * comp.w) / wsum ? 1 : 0), 0);
  return { covered, total: mix.length, shares };
}
