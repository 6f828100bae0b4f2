// Rewards of the Implicit Diffusion Langevin experiment (METHODS.md §1.1) and their exact expectations
// under an isotropic Gaussian component, r(c) = E_{N(c, v I)}[R]. Every reward here is separable,
// R(x) = A f1(x1) f2(x2), so r(c) = A g1(c1) g2(c2) with 1D Gaussian integrals g, in float64 JS.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';

export type RewardKind = 'hard' | 'smooth' | 'bump';
export interface RewardSpec {
  kind: RewardKind;
  /** bump only: centre, std (width) and height */
  bump?: { x: number; y: number; width: number; height: number };
}

/** the paper's reward centre and scale: exp(−|x − m|² / 20) */
const M: [number, number] = [4, 3.8];
const S2 = 10; // exp(−d²/20) = exp(−d²/(2·10)): a Gaussian factor of variance 10
const HARD_SCALE = 1 / 2.5;
const SMOOTH_SCALE = 1 / 0.7;
const SMOOTH_TEMP = 0.5; // sigmoid(x1 / 0.5)

export function checkReward(spec: RewardSpec): void {
  if (spec.kind !== 'bump') return;
  const b = spec.bump;
  if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite)) throw new Error('bump reward: centre, width and height must be finite numbers');
  if (b.width <= 0) throw new Error(`bump reward: width must be positive, got ${b.width}`);
}

/** R(x) for x [N,2] → [N] */
export function rewardTensor(x: Tensor2D, spec: RewardSpec): Tensor1D {
  checkReward(spec);
  return tf.tidy(() => {
    const [x1, x2] = tf.split(x, 2, 1).map((t) => tf.reshape(t, [-1]) as Tensor1D);
    if (spec.kind === 'bump') {
      const b = spec.bump!;
      const d2 = tf.add(tf.square(tf.sub(x1, b.x)), tf.square(tf.sub(x2, b.y)));
      return tf.mul(tf.exp(tf.div(d2, -2 * b.width * b.width)), b.height) as Tensor1D;
    }
    const d2 = tf.add(tf.square(tf.sub(x1, M[0])), tf.square(tf.sub(x2, M[1])));
    const g = tf.exp(tf.div(d2, -2 * S2));
    if (spec.kind === 'hard') return tf.mul(tf.mul(g, tf.cast(tf.greaterEqual(x1, 0), 'float32')), HARD_SCALE) as Tensor1D;
    return tf.mul(tf.mul(g, tf.sigmoid(tf.div(x1, SMOOTH_TEMP))), SMOOTH_SCALE) as Tensor1D;
  });
}

/** the same reward at one point, float64 (tests and the exact flow's checks) */
export function rewardAt(x1: number, x2: number, spec: RewardSpec): number {
  if (spec.kind === 'bump') {
    const b = spec.bump!;
    return b.height * Math.exp(-((x1 - b.x) ** 2 + (x2 - b.y) ** 2) / (2 * b.width * b.width));
  }
  const g = Math.exp(-((x1 - M[0]) ** 2 + (x2 - M[1]) ** 2) / (2 * S2));
  if (spec.kind === 'hard') return x1 >= 0 ? g * HARD_SCALE : 0;
  return (g * SMOOTH_SCALE) / (1 + Math.exp(-x1 / SMOOTH_TEMP));
}

/** erf with |error| < 1.2e-7 (Numerical Recipes erfc, Chebyshev fit) */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r : r - 1;
}
const Phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

/** E_{N(c, v)}[exp(−(X − m)² / (2 s2))] */
function gaussFactor(c: number, v: number, m: number, s2: number): number {
  return Math.sqrt(s2 / (s2 + v)) * Math.exp(-((c - m) ** 2) / (2 * (s2 + v)));
}

/** E_{N(c, v)}[1{X ≥ 0} exp(−(X − m)² / (2 s2))]: the Gaussian product, then the mass of its right half */
function halfGaussFactor(c: number, v: number, m: number, s2: number): number {
  const prec = 1 / v + 1 / s2;
  const mu = (c / v + m / s2) / prec;
  return gaussFactor(c, v, m, s2) * Phi(mu * Math.sqrt(prec));
}

// sigmoid × Gaussian has no closed form: a midpoint rule on ±10 std is spectrally accurate for this smooth,
// decaying integrand (the error is far below float32), and cheap enough for a few calls per θ update.
const QUAD_N = 400;
function sigmoidGaussFactor(c: number, v: number, m: number, s2: number): number {
  const sd = Math.sqrt(v);
  const h = (20 * sd) / QUAD_N;
  let s = 0;
  for (let i = 0; i < QUAD_N; i++) {
    const x = c - 10 * sd + (i + 0.5) * h;
    const pdf = Math.exp(-((x - c) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    s += (pdf * Math.exp(-((x - m) ** 2) / (2 * s2))) / (1 + Math.exp(-x / SMOOTH_TEMP));
  }
  return s * h;
}

/** r(c) = E_{N(c, v I)}[R] */
export function componentReward(spec: RewardSpec, c1: number, c2: number, v: number): number {
  if (spec.kind === 'bump') {
    const b = spec.bump!;
    const w2 = b.width * b.width;
    return b.height * gaussFactor(c1, v, b.x, w2) * gaussFactor(c2, v, b.y, w2);
  }
  const g2 = gaussFactor(c2, v, M[1], S2);
  if (spec.kind === 'hard') return HARD_SCALE * halfGaussFactor(c1, v, M[0], S2) * g2;
  return SMOOTH_SCALE * sigmoidGaussFactor(c1, v, M[0], S2) * g2;
}

/**
 * ∇_c r(c). r is smooth in c (a Gaussian convolution), so a central difference in float64 with h = 1e-4
 * differentiates the (smooth) float64 closed form to ~1e-7, far below what particles resolve; checked against
 * Monte Carlo of E[R(X)(X − c)/v] in tests.
 */
export function componentRewardGrad(spec: RewardSpec, c1: number, c2: number, v: number): [number, number] {
  const h = 1e-4;
  return [
    (componentReward(spec, c1 + h, c2, v) - componentReward(spec, c1 - h, c2, v)) / (2 * h),
    (componentReward(spec, c1, c2 + h, v) - componentReward(spec, c1, c2 - h, v)) / (2 * h),
  ];
}
