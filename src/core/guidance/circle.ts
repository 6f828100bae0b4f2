// The unit circle as a diffusion prior (METHODS.md §0.3): x0 uniform on |x| = 1, x_t = a x0 + s z.
// With r = |x|, u = x/r, z = a r/s², ρ = I1/I0:
//   ∇log p_t(x) = −x/s² + (a/s²) ρ(z) u,   x̂0(x) = ρ(z) u,
//   ∂x̂0/∂x = (ρ/r)(I − u uᵀ) + (a/s²) ρ'(z) u uᵀ   (symmetric, so the VJP is J g).
import { tf } from '../tf';
import type { Tensor, Tensor1D, Tensor2D } from '../tf';
import type { NoiseLevel } from '../types';
import type { Rng } from '../rng';
import { besselRatio, besselRatioDeriv } from './bessel';
import type { Prior } from './types';

/** radii below this are treated as this (the formulas have a removable singularity at the origin) */
const R_MIN = 1e-6;

function checkLevel(level: NoiseLevel, who: string): void {
  if (!(level.a > 0) || !(level.s2 > 0) || !Number.isFinite(level.a) || !Number.isFinite(level.s2)) {
    throw new Error(`${who}: the circle prior needs a noise level with a > 0 and s2 > 0, got {a: ${level.a}, s2: ${level.s2}}`);
  }
}

/** r [N,1], u [N,2], z [N,1], ρ [N,1]; call inside tf.tidy */
function polar(x: Tensor2D, level: NoiseLevel): { r: Tensor; u: Tensor; z: Tensor; rho: Tensor } {
  const r = tf.maximum(tf.sqrt(tf.sum(tf.square(x), 1, true)), R_MIN);
  const u = tf.div(x, r);
  const z = tf.mul(r, level.a / level.s2);
  return { r, u, z, rho: besselRatio(z) };
}

export function circleScore(x: Tensor2D, level: NoiseLevel): Tensor2D {
  checkLevel(level, 'circleScore');
  return tf.tidy(() => {
    const { u, rho } = polar(x, level);
    return tf.add(tf.div(x, -level.s2), tf.mul(u, tf.mul(rho, level.a / level.s2))) as Tensor2D;
  });
}

export function circleTweedie(x: Tensor2D, level: NoiseLevel): Tensor2D {
  checkLevel(level, 'circleTweedie');
  return tf.tidy(() => {
    const { u, rho } = polar(x, level);
    return tf.mul(u, rho) as Tensor2D;
  });
}

/** (∂x̂0/∂x) g = (ρ/r)(g − u (uᵀg)) + (a/s²) ρ' u (uᵀg), [N,2] */
export function circleTweedieVjp(x: Tensor2D, level: NoiseLevel, g: Tensor2D): Tensor2D {
  checkLevel(level, 'circleTweedieVjp');
  return tf.tidy(() => {
    const { r, u, z, rho } = polar(x, level);
    const ug = tf.sum(tf.mul(u, g), 1, true);
    const radial = tf.mul(u, ug);
    const tangential = tf.mul(tf.sub(g, radial), tf.div(rho, r));
    const dr = tf.mul(besselRatioDeriv(z, rho), level.a / level.s2);
    return tf.add(tangential, tf.mul(radial, dr)) as Tensor2D;
  });
}

/** the full Jacobian [N,2,2] (for tests and the field plots) */
export function circleTweedieJacobian(x: Tensor2D, level: NoiseLevel): Tensor {
  return tf.tidy(() => {
    const n = x.shape[0];
    const e1 = tf.tile(tf.tensor2d([[1, 0]]), [n, 1]) as Tensor2D;
    const e2 = tf.tile(tf.tensor2d([[0, 1]]), [n, 1]) as Tensor2D;
    const c1 = circleTweedieVjp(x, level, e1);
    const c2 = circleTweedieVjp(x, level, e2);
    return tf.stack([c1, c2], 2); // columns J e1, J e2
  });
}

export function circleOffSupport(x: Tensor2D): Tensor1D {
  return tf.tidy(() => tf.sub(tf.norm(x, 'euclidean', 1), 1) as Tensor1D);
}

/** n points uniform on the unit circle, drawn in JS from rng (same points on every backend) */
export function circleSample(n: number, rng: Rng): Tensor2D {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const th = 2 * Math.PI * rng.uniform();
    out[2 * i] = Math.cos(th);
    out[2 * i + 1] = Math.sin(th);
  }
  return tf.tensor2d(out, [n, 2]);
}

export const circlePrior: Prior = {
  exact: true,
  score: circleScore,
  tweedie: circleTweedie,
  tweedieVjp: circleTweedieVjp,
};
