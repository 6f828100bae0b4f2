// Builds the lab's problem from params: the prior (or target) as a mixture, its Gaussian form when it is one,
// the measurement, and readable errors for bad input (non-PSD covariance, y far outside the prior).
import type { CondParams, MismatchParams } from './params';
import type { Mixture } from '../../core/types';
import { EIGHT_GAUSSIANS, HEXAGON, TWO_MODES } from '../../core/targets/mixtures';
import { gmmMoments, gmmSample } from '../../core/gmm';
import { checkMixture } from '../../core/gmm-terms';
import { Rng } from '../../core/rng';
import type { Gauss } from '../../core/mismatch/affine-rules';
import { makeMeasurement, measure, measurementOperator, type Measurement } from '../../core/mismatch/measurement';

type P = MismatchParams;

/** how many prior-predictive standard deviations y may be from A E[x0] before we refuse */
export const Y_MAX_SD = 8;

export function gaussFromParams(p: P): Gauss {
  const { mx, my, cxx, cxy, cyy } = p;
  if (![mx, my, cxx, cxy, cyy].every(Number.isFinite)) throw new Error('the Gaussian prior needs finite mean and covariance entries');
  if (cxx < 0 || cyy < 0 || cxy * cxy > cxx * cyy + 1e-12) {
    throw new Error(`prior covariance [[${cxx}, ${cxy}], [${cxy}, ${cyy}]] is not positive semi-definite: need Σ₁₂² ≤ Σ₁₁·Σ₂₂ (|Σ₁₂| ≤ ${Math.sqrt(cxx * cyy).toFixed(3)})`);
  }
  return { mean: [mx, my], cov: [cxx, cxy, cxy, cyy] };
}

export function mixtureFromId(id: string, p: P): Mixture {
  switch (id) {
    case 'gaussian': {
      const g = gaussFromParams(p);
      return [{ w: 1, mean: g.mean, cov: [g.cov[0], g.cov[1], g.cov[3]] }];
    }
    case 'two-modes': return TWO_MODES;
    case '8gaussians': return EIGHT_GAUSSIANS;
    case 'hexagon': return HEXAGON;
    case 'custom': {
      const m = p.comps;
      checkMixture(m);
      return m;
    }
    default: throw new Error(`unknown prior '${id}': gaussian, two-modes, 8gaussians, hexagon or custom`);
  }
}

/** the measurement from params; `ysrc = sample` draws x0 from the prior and adds noise with its own seed stream */
export function measurementFromParams(p: CondParams, prior: Mixture, seed: number): { meas: Measurement; point: [number, number] | null; x0: [number, number] | null } {
  const A = measurementOperator(p.op, p.phi);
  const sigmaY = p.sigmaY;
  if (!(sigmaY >= 0)) throw new Error(`σ_y must be >= 0, got ${p.sigmaY}`);
  let y: number[];
  let point: [number, number] | null = null;
  let x0: [number, number] | null = null;
  if (p.ysrc === 'sample') {
    const rng = new Rng(seed ^ 0x5eed);
    const t = gmmSample(1, prior, rng);
    const v = t.dataSync();
    t.dispose();
    x0 = [v[0], v[1]];
    y = measure(A, x0).map((yi) => yi + sigmaY * rng.normal());
  } else {
    point = [p.y, p.y2];
    y = measure(A, point);
  }
  const meas = makeMeasurement(A, y, sigmaY);
  checkPlausible(meas, prior);
  return { meas, point, x0 };
}

/** y "far outside the prior" would make the posterior a numerically empty tail: refuse with a message */
function checkPlausible(meas: Measurement, prior: Mixture): void {
  const { mean, cov } = gmmMoments(prior);
  meas.A.forEach((row, i) => {
    const m = row[0] * mean[0] + row[1] * mean[1];
    const v = row[0] * row[0] * cov[0] + 2 * row[0] * row[1] * cov[1] + row[1] * row[1] * cov[2] + meas.sigmaY ** 2;
    const z = Math.abs(meas.y[i] - m) / Math.sqrt(Math.max(v, 1e-12));
    if (z > Y_MAX_SD) {
      throw new Error(`the measurement y${meas.A.length > 1 ? i + 1 : ''} = ${meas.y[i].toFixed(2)} is ${z.toFixed(1)} prior standard deviations from A·E[x0] = ${m.toFixed(2)} (at most ${Y_MAX_SD}): choose a point closer to the prior`);
    }
  });
}
