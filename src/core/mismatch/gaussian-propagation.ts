// Exact law of the zero-shot DDPM sampler for a Gaussian prior (METHODS.md §2.1): every rule is affine,
// s̃_t(x) = M_t x + b_t, so one reverse step
//   x_{t−1} = (x + β_t s̃_t(x))/√α_t + √v_t z = L_t x + c_t + √v_t z,  L_t = (I + β_t M_t)/√α_t,  c_t = β_t b_t/√α_t
// maps N(μ, C) to N(L μ + c, L C Lᵀ + v_t I). Starting from x_T ~ N(0, I) this gives the sampler's law P_t at
// every t with no sampling noise, hence KL(Q_{t|y} ‖ P_{t|y}) in closed form (Q_t = q_t(·|y), the target's
// noised posterior). The paper's bias is the value at t = 1 (steps T..2). The last step t = 1 -> 0 is
// deterministic (DDPM convention) and only used for the display.
import { gaussKl, madd, meanSquaredAffine, mscale, msub, mv, congruence, vadd, vscale, vsub, I2, type M2, type V2 } from './mat2';
import { ruleAffine, type Affine, type CondSetup, type Gauss } from './affine-rules';
import type { RuleId } from './measurement';
import { levelOf, reverseVariance, type VarianceKind, type VpTable } from './schedule';

export interface Propagation {
  T: number;
  /** law of x_t, index t = 0..T */
  mean: V2[];
  cov: M2[];
  /** KL(Q_t ‖ P_t) for t = 1..T (index t; [0] is NaN) */
  klAt: Float64Array;
  /** E_{x ~ q_t(·|y)} ‖Δ_t(x)‖², Δ_t = s̃_t − ∇log q_t(·|y), t = 1..T */
  delta2: Float64Array;
  /** accumulated mismatch B_T = Σ_{t=2..T} (β_t/2) E_{q_t}‖Δ_t‖² (the steps that produce x_1) */
  bias: number;
  /** the paper's bias KL(Q_{1|y} ‖ P_{1|y}) */
  kl: number;
}

/** the target's noised posterior q_t(·|y) = N(a m', a²Σ' + s²I) */
export function targetAt(cs: CondSetup, tab: VpTable, t: number): Gauss {
  const { a, s2 } = levelOf(tab, t);
  return { mean: vscale(cs.post.mean, a), cov: madd(mscale(cs.post.cov, a * a), mscale(I2, s2)) };
}

export function propagateGaussian(cs: CondSetup, rule: RuleId, tab: VpTable, variance: VarianceKind): Propagation {
  return propagateAffine(tab, variance, (a, s2) => ruleAffine(rule, cs, a, s2), (a, s2) => ruleAffine('oracle', cs, a, s2), (t) => targetAt(cs, tab, t), rule);
}

/**
 * The generic form: `score(a, s2)` is the sampler's affine score, `exact(a, s2)` the target's noised score and
 * `target(t)` the target's law q_t (all Gaussian). Used by the unconditional mode with a Gaussian target too.
 */
export function propagateAffine(
  tab: VpTable, variance: VarianceKind,
  score: (a: number, s2: number) => Affine, exact: (a: number, s2: number) => Affine, target: (t: number) => Gauss, what: string,
): Propagation {
  const T = tab.T;
  const mean: V2[] = new Array(T + 1);
  const cov: M2[] = new Array(T + 1);
  const klAt = new Float64Array(T + 1).fill(NaN);
  const delta2 = new Float64Array(T + 1).fill(NaN);
  let m: V2 = [0, 0];
  let C: M2 = I2;
  mean[T] = m;
  cov[T] = C;
  let bias = 0;
  for (let t = T; t >= 1; t--) {
    const { a, s2 } = levelOf(tab, t);
    const q = target(t);
    klAt[t] = gaussKl(q.mean, q.cov, m, C);
    const f = score(a, s2);
    const o = exact(a, s2);
    delta2[t] = meanSquaredAffine(msub(f.M, o.M), vsub(f.b, o.b), q.mean, q.cov);
    const beta = tab.beta[t - 1];
    if (t >= 2) bias += (beta / 2) * delta2[t];
    const ra = 1 / Math.sqrt(tab.alpha[t - 1]);
    const L = mscale(madd(I2, mscale(f.M, beta)), ra);
    const c = vscale(f.b, beta * ra);
    m = vadd(mv(L, m), c);
    C = congruence(L, C);
    if (t >= 2) C = madd(C, mscale(I2, reverseVariance(tab, t, variance)));
    if (!m.every(Number.isFinite) || !C.every(Number.isFinite)) {
      throw new Error(`${what}: the sampler's mean/covariance diverged at step t = ${t}; try a larger T, a smaller DPS ζ, or σ_y > 0`);
    }
    mean[t - 1] = m;
    cov[t - 1] = C;
  }
  return { T, mean, cov, klAt, delta2, bias, kl: klAt[1] };
}
