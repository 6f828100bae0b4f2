// Geometry of a component's covariance ellipse. Covariances may be singular (a line-shaped
// component), so the ellipse is drawn as a sampled polyline rather than an SVG <ellipse>, which
// would vanish when one radius is 0.
import type { Vec2 } from '../core/types';
import type { PlaneScale } from './scale';

export interface CovAxes {
  /** variances along the principal axes, l1 >= l2 >= 0 */
  l1: number;
  l2: number;
  /** unit vector of the major axis */
  v1: Vec2;
}

/** Eigen-decomposition of the symmetric [Sxx, Sxy, Syy]; negative round-off is clamped to 0. */
export function covAxes(cov: readonly [number, number, number]): CovAxes {
  const [a, b, c] = cov;
  const mid = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const l1 = Math.max(mid + r, 0);
  const l2 = Math.max(mid - r, 0);
  // major-axis direction: angle 0.5 * atan2(2b, a - c) is stable for all signs, including b = 0
  const th = 0.5 * Math.atan2(2 * b, a - c);
  return { l1, l2, v1: [Math.cos(th), Math.sin(th)] };
}

/** World points on the nsig-sigma ellipse, closed (first point repeated at the end). */
export function ellipsePoints(mean: Vec2, cov: readonly [number, number, number], nsig = 1, n = 48): Vec2[] {
  const { l1, l2, v1 } = covAxes(cov);
  const s1 = nsig * Math.sqrt(l1);
  const s2 = nsig * Math.sqrt(l2);
  const v2: Vec2 = [-v1[1], v1[0]];
  const pts: Vec2[] = [];
  for (let k = 0; k <= n; k++) {
    const t = (2 * Math.PI * k) / n;
    const c = Math.cos(t) * s1;
    const s = Math.sin(t) * s2;
    pts.push([mean[0] + c * v1[0] + s * v2[0], mean[1] + c * v1[1] + s * v2[1]]);
  }
  return pts;
}

/** The ellipse as an SVG path in pixels. */
export function ellipsePath(mean: Vec2, cov: readonly [number, number, number], s: PlaneScale, nsig = 1): string {
  const pts = ellipsePoints(mean, cov, nsig);
  let d = '';
  for (let k = 0; k < pts.length; k++) {
    const [px, py] = s.toPixel(pts[k][0], pts[k][1]);
    d += `${k === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`;
  }
  return d + 'Z';
}
