// Exact priors of data on a line in range-preserving form. Data x0 = u0 v with u0 a 1D Gaussian mixture
// (weights w_k, means μ_k, variances σ_k²) and v a unit vector. Noised, x = a x0 + s ε splits into
// u = vᵀx ~ Σ w_k N(a μ_k, c_k), c_k = a²σ_k² + s², and a normal part that carries no information on u0, so
//   x̂0(x) = h(u) v,   h(u) = Σ r_k m_k,   m_k = μ_k + a σ_k² (u − a μ_k)/c_k,
//   ∂x̂0/∂x = h'(u) v vᵀ,   h'(u) = (a/s²) Var(u0 | u) = Σ r_k a σ_k²/c_k + (a/s²) Σ r_k (m_k − h)².
// Every output is a float multiple of v, so G_loss = 2β(y − gᵀx̂0) h'(u)(vᵀg) v is tangent to the line up to
// one rounding of v's coordinates (gmmTweedieJacobian forms the 2×2 J with ~eps/s² off-line rounding). The
// variance form of h' is a sum of positive terms: no cancellation at small s², unlike differencing scores.
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '../tf';
import type { NoiseLevel } from '../types';
import type { Prior } from './types';

export interface LineComponent {
  w: number;
  mu: number;
  var: number;
}

function checkLine(comps: readonly LineComponent[], v: [number, number]): void {
  if (comps.length === 0) throw new Error('line prior: needs at least one component');
  for (const c of comps) {
    if (!(c.w > 0) || !Number.isFinite(c.mu) || !(c.var > 0) || !Number.isFinite(c.var)) {
      throw new Error(`line prior: each component needs w > 0, a finite mean and a variance > 0, got {w: ${c.w}, mu: ${c.mu}, var: ${c.var}}`);
    }
  }
  if (!(Math.abs(Math.hypot(v[0], v[1]) - 1) < 1e-6)) throw new Error(`line prior: v must be a unit vector, got (${v.join(', ')})`);
}

function checkLevel(level: NoiseLevel): void {
  if (!(level.a > 0) || !(level.s2 > 0)) throw new Error(`line prior: needs a noise level with a > 0 and s2 > 0, got {a: ${level.a}, s2: ${level.s2}}`);
}

/** h(u) and h'(u), both [N,1], from the projection u [N,1]; call inside tf.tidy */
function posterior(u: Tensor, comps: readonly LineComponent[], level: NoiseLevel): { h: Tensor; dh: Tensor } {
  const { a, s2 } = level;
  const row = (f: (c: LineComponent) => number) => tf.tensor2d([comps.map(f)]); // [1,K]
  const c = comps.map((k) => a * a * k.var + s2);
  const amu = row((k) => a * k.mu);
  const cRow = tf.tensor2d([c]);
  const d = tf.sub(u, amu); // [N,K]
  const logw = row((k) => Math.log(k.w));
  const logN = tf.sub(tf.sub(logw, tf.mul(tf.log(cRow), 0.5)), tf.div(tf.square(d), tf.mul(cRow, 2)));
  const r = tf.softmax(logN, 1);
  const gain = tf.tensor2d([comps.map((k, i) => (a * k.var) / c[i])]); // a σ_k²/c_k
  const m = tf.add(row((k) => k.mu), tf.mul(gain, d));
  const h = tf.sum(tf.mul(r, m), 1, true);
  const spread = tf.sum(tf.mul(r, tf.square(tf.sub(m, h))), 1, true);
  const dh = tf.add(tf.sum(tf.mul(r, gain), 1, true), tf.mul(spread, a / s2));
  return { h, dh };
}

/** the exact prior of a 1D mixture along the unit vector v, with x̂0 and the VJP exactly along v */
export function linePrior(comps: readonly LineComponent[], v: [number, number]): Prior {
  checkLine(comps, v);
  const vCol = () => tf.tensor2d([[v[0]], [v[1]]]);
  const vRow = () => tf.tensor2d([v], [1, 2]);
  const tweedie = (x: Tensor2D, level: NoiseLevel): Tensor2D => {
    checkLevel(level);
    return tf.tidy(() => tf.mul(posterior(tf.matMul(x, vCol()), comps, level).h, vRow()) as Tensor2D);
  };
  return {
    exact: true,
    tweedie,
    // score = (a x̂0 − x)/s²: the line's normal part is −x⊥/s², exact as the noised density's score
    score: (x, level) => tf.tidy(() => tf.div(tf.sub(tf.mul(tweedie(x, level), level.a), x), level.s2) as Tensor2D),
    tweedieVjp: (x, level, g) => {
      checkLevel(level);
      return tf.tidy(() => {
        const { dh } = posterior(tf.matMul(x, vCol()), comps, level);
        return tf.mul(tf.mul(dh, tf.matMul(g, vCol())), vRow()) as Tensor2D;
      });
    },
  };
}
