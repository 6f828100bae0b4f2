// The objectives of the paper's simulations (METHODS.md §4.3) in 2D, with their gradients in closed form:
//   f1(x) = 10 − (θᵀx − 3)²,   f2(x) = 5 − ½‖x − b‖,   linear θᵀx.
// θ is a unit vector set by its off/on-subspace ratio ‖θ⊥‖/‖θ∥‖ relative to the data direction v = (cos φ, sin φ):
// θ = (v + ratio v⊥)/√(1 + ratio²), so ratio 9 is the paper's `theta_2` and ratio 0 its on-support `theta_1`.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Vec2 } from '../types';

export const REWARD_IDS = ['f1', 'f2', 'linear'] as const;
export type RewardId = (typeof REWARD_IDS)[number];

export interface Reward {
  id: RewardId;
  /** f(x), [N] */
  value(x: Tensor2D): Tensor1D;
  /** ∇f(x), [N,2] */
  grad(x: Tensor2D): Tensor2D;
  /** the direction θ (f1, linear) or the centre b (f2), for labels */
  describe: string;
  theta: Vec2;
  b: Vec2;
}

export interface RewardOptions {
  /** data direction angle φ (radians) */
  phi: number;
  /** ‖θ⊥‖/‖θ∥‖ */
  ratio: number;
  b: Vec2;
}

export function rewardTheta(phi: number, ratio: number): Vec2 {
  if (!Number.isFinite(phi)) throw new Error(`reward: the angle φ must be finite, got ${phi}`);
  if (!(ratio >= 0) || !Number.isFinite(ratio)) {
    throw new Error(`reward: the off/on-subspace ratio of θ must be a finite number >= 0 (θ would be degenerate), got ${ratio}`);
  }
  const n = Math.sqrt(1 + ratio * ratio);
  const v: Vec2 = [Math.cos(phi), Math.sin(phi)];
  return [(v[0] - ratio * v[1]) / n, (v[1] + ratio * v[0]) / n];
}

export function makeReward(id: RewardId, o: RewardOptions): Reward {
  const theta = rewardTheta(o.phi, o.ratio);
  const b = o.b;
  if (!b.every(Number.isFinite)) throw new Error(`reward f2: the centre b must be finite, got (${b.join(', ')})`);
  const th = () => tf.tensor2d([[theta[0]], [theta[1]]]);
  const proj = (x: Tensor2D) => tf.reshape(tf.matMul(x, th()), [-1]);
  const fmt = (v: Vec2) => `(${v[0].toFixed(3)}, ${v[1].toFixed(3)})`;
  switch (id) {
    case 'f1':
      return {
        id, theta, b, describe: `10 − (θᵀx − 3)², θ = ${fmt(theta)}`,
        value: (x) => tf.tidy(() => tf.sub(10, tf.square(tf.sub(proj(x), 3))) as Tensor1D),
        grad: (x) => tf.tidy(() => tf.mul(tf.mul(tf.sub(tf.matMul(x, th()), 3), -2), tf.reshape(th(), [1, 2])) as Tensor2D),
      };
    case 'f2': {
      const bt = () => tf.tensor1d(b);
      const dist = (x: Tensor2D) => tf.sqrt(tf.sum(tf.square(tf.sub(x, bt())), 1, true));
      return {
        id, theta, b, describe: `5 − ½‖x − b‖, b = ${fmt(b)}`,
        value: (x) => tf.tidy(() => tf.reshape(tf.sub(5, tf.mul(dist(x), 0.5)), [-1]) as Tensor1D),
        // the gradient is undefined at x = b (a cone tip): it is taken as 0 there
        grad: (x) => tf.tidy(() => tf.mul(tf.div(tf.sub(x, bt()), tf.maximum(dist(x), 1e-12)), -0.5) as Tensor2D),
      };
    }
    case 'linear':
      return {
        id, theta, b, describe: `θᵀx, θ = ${fmt(theta)}`,
        value: (x) => tf.tidy(() => proj(x) as Tensor1D),
        grad: (x) => tf.tidy(() => tf.tile(tf.reshape(th(), [1, 2]), [x.shape[0], 1]) as Tensor2D),
      };
    default:
      throw new Error(`unknown reward '${String(id)}'; known: ${REWARD_IDS.join(', ')}`);
  }
}
