// Exponentially scaled modified Bessel functions I0e(z) = e^{-z} I0(z), I1e(z) = e^{-z} I1(z) for z >= 0, and the
// ratio ρ(z) = I1(z)/I0(z) that the unit-circle prior needs (METHODS.md §0.3). Polynomial approximations of
// Abramowitz & Stegun 9.8.1–9.8.4 (|relative error| < 3e-7): the scaled forms never overflow, even at the
// z = a r / s² ~ 1e4 of the last reverse steps, and they are cheap batched tfjs ops.
import { tf } from '../tf';
import type { Tensor } from '../tf';

const Z0 = 3.75;
// small z (t = (z/3.75)^2): I0 = P(t), I1 = z Q(t)
const I0_SMALL = [1, 3.5156229, 3.0899424, 1.2067492, 0.2659732, 0.0360768, 0.0045813];
const I1_SMALL = [0.5, 0.87890594, 0.51498869, 0.15084934, 0.02658733, 0.00301532, 0.00032411];
// large z (t = 3.75/z): sqrt(z) e^{-z} I_n(z) = R_n(t)
const I0_LARGE = [0.39894228, 0.01328592, 0.00225319, -0.00157565, 0.00916281, -0.02057706, 0.02635537, -0.01647633, 0.00392377];
const I1_LARGE = [0.39894228, -0.03988024, -0.00362018, 0.00163801, -0.01031555, 0.02282967, -0.02895312, 0.01787654, -0.00420059];

function hornerJs(c: readonly number[], t: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * t + c[i];
  return v;
}

/** e^{-z} I0(z), z >= 0 (host float64) */
export function i0e(z: number): number {
  if (!(z >= 0)) throw new Error(`i0e: need z >= 0, got ${z}`);
  if (z < Z0) return Math.exp(-z) * hornerJs(I0_SMALL, (z / Z0) ** 2);
  return hornerJs(I0_LARGE, Z0 / z) / Math.sqrt(z);
}

/** e^{-z} I1(z), z >= 0 (host float64) */
export function i1e(z: number): number {
  if (!(z >= 0)) throw new Error(`i1e: need z >= 0, got ${z}`);
  if (z < Z0) return Math.exp(-z) * z * hornerJs(I1_SMALL, (z / Z0) ** 2);
  return hornerJs(I1_LARGE, Z0 / z) / Math.sqrt(z);
}

function hornerTf(c: readonly number[], t: Tensor): Tensor {
  let v: Tensor = tf.scalar(c[c.length - 1]);
  for (let i = c.length - 2; i >= 0; i--) v = tf.add(tf.mul(v, t), c[i]);
  return v;
}

/**
 * below + step(d) (above − below): a branch select written with tf.step (whose gradient is 0) rather than
 * tf.where on a comparison, because comparisons have no registered gradient and autodiff (the learned-prior
 * VJP test) must pass through. Both branches are finite (clamped inputs), so the blend never mixes in NaN.
 */
function blend(below: Tensor, above: Tensor, d: Tensor): Tensor {
  return tf.add(below, tf.mul(tf.step(d), tf.sub(above, below)));
}

/**
 * ρ(z) = I1(z)/I0(z) for a tensor z >= 0 (any shape). Both branches are evaluated on clamped inputs.
 * The e^{-z} and 1/sqrt(z) factors cancel.
 */
export function besselRatio(z: Tensor): Tensor {
  return tf.tidy(() => {
    const zs = tf.minimum(z, Z0);
    const ts = tf.square(tf.div(zs, Z0));
    const small = tf.div(tf.mul(zs, hornerTf(I1_SMALL, ts)), hornerTf(I0_SMALL, ts));
    const tl = tf.div(Z0, tf.maximum(z, Z0));
    const large = tf.div(hornerTf(I1_LARGE, tl), hornerTf(I0_LARGE, tl));
    return blend(small, large, tf.sub(z, Z0));
  });
}

/** switch to the asymptotic series of ρ' above this z: 1 − ρ/z − ρ² cancels to ~1/(2z²) in float32 */
const Z_SERIES = 40;

/**
 * ρ'(z) = 1 − ρ/z − ρ² (from I0' = I1, I1' = I0 − I1/z). For z > 40 the asymptotic series
 * 1/(2z²) + 1/(4z³) + 3/(8z⁴) + 27/(32z⁵) (relative error < 1e-6 there) avoids the float32 cancellation.
 */
export function besselRatioDeriv(z: Tensor, rho: Tensor): Tensor {
  return tf.tidy(() => {
    const zc = tf.maximum(z, 1e-12);
    const direct = tf.sub(tf.sub(1, tf.div(rho, zc)), tf.square(rho));
    // at z -> 0: ρ ~ z/2 so ρ/z -> 1/2, and ρ' -> 1/2; the direct form is accurate there
    const w = tf.div(1, tf.maximum(z, Z_SERIES));
    const series = tf.mul(tf.square(w), hornerTf([0.5, 0.25, 0.375, 27 / 32], w));
    return blend(direct, series, tf.sub(z, Z_SERIES));
  });
}
