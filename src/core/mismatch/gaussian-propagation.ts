// Exact law of the zero-shot DDPM sampler for a Gaussian prior (METHODS.md §2.1): every rule is affine,
// s̃_t(x) = M_t x + b_t, so one reverse step
//   x_{t−1} = (x + β_t s̃_t(x))/√α_t + √v_t z = L_t x + c_t + √v_t z,  L_t = (I + β_t M_t)/√α_t,  c_t = β_t b_t/√α_t
// maps N(μ, C) to N(L μ + c, L C Lᵀ + v_t I). Starting from x_T ~ N(0, I) this gives the sampler's law P_t at
// every t with no sampling noise, hence KL(Q_{t|y} ‖ P_{t|y}) in closed form (Q_t = q_t(·|y), the target's
// noised posterior). The paper's bias is the value at t = 1 (steps T..2). The last step t = 1 -> 0 is
// deterministic (DDPM convention) and only used for the display. DDNM+ is not a DDPM step (its noise differs
// per direction, ddnm-plus.ts) but is still affine-Gaussian: propagateSteps takes any step L x + c + N(0, V).
import { gaussKl, madd, meanSquaredAffine, mscale, msub, msym, mv, congruence, vadd, vscale, vsub, I2, type M2, type V2 } from './mat2';
import { noisedGaussScore, ruleAffine, type Affine, type CondSetup, type Gauss } from './affine-rules';
import { ddnmPlusAffineStep, ddnmPlusCoefsAt, varExcess, type AffineStep } from './ddnm-plus';
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
  /** ‖V_t − v_t I‖_F, t = 1..T: 0 for a DDPM score rule, the per-direction noise of DDNM+ otherwise */
  varExcess: Float64Array;
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
  return propagateSteps(tab, variance, (t) => ruleStep(rule, cs, tab, t, variance), (a, s2) => ruleAffine('oracle', cs, a, s2), (t) => targetAt(cs, tab, t), rule);
}

/** the DDPM step of an affine score: L = (I + β_t M)/√α_t, c = β_t b/√α_t, V = v_t I (none at t = 1) */
export function ddpmStep(tab: VpTable, t: number, variance: VarianceKind, f: Affine): AffineStep {
  const beta = tab.beta[t - 1];
  const ra = 1 / Math.sqrt(tab.alpha[t - 1]);
  const v = t >= 2 ? reverseVariance(tab, t, variance) : 0;
  return { L: mscale(madd(I2, mscale(f.M, beta)), ra), c: vscale(f.b, beta * ra), V: mscale(I2, v), score: f };
}

/**
 * The score that gives a step's mean under the DDPM form, (x + β_t s̃(x))/√α_t = L x + c:
 * s̃ = ((√α_t L − I) x + √α_t c)/β_t. For a score rule it is the rule's own score; for DDNM+ it defines Δ_t.
 */
export function equivalentScore(tab: VpTable, t: number, st: AffineStep): Affine {
  const beta = tab.beta[t - 1];
  const sa = Math.sqrt(tab.alpha[t - 1]);
  return { M: mscale(msub(mscale(st.L, sa), I2), 1 / beta), b: vscale(st.c, sa / beta) };
}

/** step t -> t−1 of `rule` on a Gaussian prior: a DDPM step with its affine score, or DDNM+'s own step */
export function ruleStep(rule: RuleId, cs: CondSetup, tab: VpTable, t: number, variance: VarianceKind): AffineStep {
  const { a, s2 } = levelOf(tab, t);
  if (rule !== 'ddnm-plus') return ddpmStep(tab, t, variance, ruleAffine(rule, cs, a, s2));
  const k = ddnmPlusCoefsAt(tab, t, cs.sigmaYAssumed, cs.eta);
  return ddnmPlusAffineStep(noisedGaussScore(cs.prior, a, s2), cs.meas.P, cs.meas.u, { a, s2 }, levelOf(tab, t - 1).a, k);
}

/**
 * The generic form for a DDPM sampler: `score(a, s2)` is the sampler's affine score, `exact(a, s2)` the
 * target's noised score and `target(t)` the target's law q_t (all Gaussian). Used by the unconditional mode.
 */
export function propagateAffine(
  tab: VpTable, variance: VarianceKind,
  score: (a: number, s2: number) => Affine, exact: (a: number, s2: number) => Affine, target: (t: number) => Gauss, what: string,
): Propagation {
  return propagateSteps(tab, variance, (t) => {
    const { a, s2 } = levelOf(tab, t);
    return ddpmStep(tab, t, variance, score(a, s2));
  }, exact, target, what);
}

/**
 * Any affine-Gaussian reverse step x_{t−1} = L_t x + c_t + N(0, V_t) (V_t a PSD 2x2 matrix): N(μ, C) maps to
 * N(L μ + c, L C Lᵀ + V). Δ_t is taken on the step's equivalent score (equivalentScore) and `varExcess[t]` is
 * ‖V_t − v_t I‖_F, the part of the step a score under the DDPM variance v_t cannot express.
 */
export function propagateSteps(
  tab: VpTable, variance: VarianceKind,
  stepAt: (t: number) => AffineStep, exact: (a: number, s2: number) => Affine, target: (t: number) => Gauss, what: string,
): Propagation {
  const T = tab.T;
  const mean: V2[] = new Array(T + 1);
  const cov: M2[] = new Array(T + 1);
  const klAt = new Float64Array(T + 1).fill(NaN);
  const delta2 = new Float64Array(T + 1).fill(NaN);
  const varEx = new Float64Array(T + 1).fill(NaN);
  let m: V2 = [0, 0];
  let C: M2 = I2;
  mean[T] = m;
  cov[T] = C;
  let bias = 0;
  for (let t = T; t >= 1; t--) {
    const { a, s2 } = levelOf(tab, t);
    const q = target(t);
    try {
      klAt[t] = gaussKl(q.mean, q.cov, m, C);
    } catch (e) {
      // a sampler without fresh noise in some direction (DDNM+ with η ≈ 0) can collapse to a line: KL = ∞
      throw new Error(`${what}: the sampler's law at t = ${t} is degenerate, so its KL is infinite (${(e as Error).message}); ${what === 'ddnm-plus' ? 'DDNM+ with η near 0 adds almost no fresh noise on the observed direction late in the run: use a larger η' : 'try a larger T or σ_y > 0'}`);
    }
    const st = stepAt(t);
    const f = st.score ?? equivalentScore(tab, t, st);
    const o = exact(a, s2);
    delta2[t] = meanSquaredAffine(msub(f.M, o.M), vsub(f.b, o.b), q.mean, q.cov);
    varEx[t] = varExcess(st.V, t >= 2 ? reverseVariance(tab, t, variance) : 0);
    if (t >= 2) bias += (tab.beta[t - 1] / 2) * delta2[t];
    m = vadd(mv(st.L, m), st.c);
    C = madd(congruence(st.L, C), msym(st.V));
    if (!m.every(Number.isFinite) || !C.every(Number.isFinite)) {
      throw new Error(`${what}: the sampler's mean/covariance diverged at step t = ${t}; try a larger T, a smaller DPS ζ, or σ_y > 0`);
    }
    mean[t - 1] = m;
    cov[t - 1] = C;
  }
  return { T, mean, cov, klAt, delta2, varExcess: varEx, bias, kl: klAt[1] };
}
