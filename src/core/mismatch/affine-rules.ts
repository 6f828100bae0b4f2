// Zero-shot conditional rules as score rules s̃_t(x) (METHODS.md §2.2), for a Gaussian prior N(m, Σ).
// There every rule is affine in x, s̃_t(x) = M x + b, so the sampler's law stays Gaussian and can be
// propagated exactly (gaussian-propagation.ts). The tensor version for mixture priors is tensor-rules.ts;
// a test checks the two agree on a Gaussian prior.
//
// With S_t = a²Σ + s²I (a = √ᾱ_t, s² = 1 − ᾱ_t):
//   prior score   s_t(x) = −S_t⁻¹(x − a m);   Tweedie x̂0 = (x + s² s_t)/a, Jacobian J = (I − s² S_t⁻¹)/a
//   oracle        ∇log q_t(x|y) with q_0(·|y) = N(m', Σ') the exact posterior
//   DDNM          (I−P) s_t + P(a A⁺y − x)/s²
//   BO-DDNM       (I−P) s_t + P(a A⁺y − x)/(s² + a² σ̂_y²)          [CODE cond_diffusion.py p_cond_mean_var_noisy]
//   DPS           s_t − ζ ∇ₓ‖y − A x̂0‖² = s_t + 2ζ Jᵀ Aᵀ(y − A x̂0)   (score-unit step ζ; see docs for the original)
//   ΠGDM          s_t + Jᵀ Aᵀ (r² AAᵀ + σ̂_y² I)⁻¹ (y − A x̂0), r² = s²/(a² + s²)
// σ̂_y is the noise level the sampler assumes (may differ from the true σ_y: noise-level mismatch).
import { gmmConditionLinear } from '../gmm';
import { I2, fromCov, madd, minv, mmul, mscale, msub, mT, mv, vadd, vscale, vsub, type M2, type V2 } from './mat2';
import type { Measurement, RuleId } from './measurement';
import { DDNM_ETA, checkEta } from './ddnm-plus';

export interface Gauss {
  mean: V2;
  cov: M2;
}

export interface CondSetup {
  prior: Gauss;
  post: Gauss; // exact posterior p(x0 | y) with the true σ_y
  meas: Measurement;
  sigmaYAssumed: number;
  zeta: number;
  /** DDNM+'s η (ddnm-plus.ts) */
  eta: number;
}

export interface Affine {
  M: M2;
  b: V2;
}

export function makeCondSetup(prior: Gauss, meas: Measurement, sigmaYAssumed: number, zeta: number, eta = DDNM_ETA): CondSetup {
  checkEta(eta);
  if (!(sigmaYAssumed >= 0) || !Number.isFinite(sigmaYAssumed)) throw new Error(`assumed σ_y must be >= 0, got ${sigmaYAssumed}`);
  if (!(zeta >= 0) || !Number.isFinite(zeta)) throw new Error(`DPS step ζ must be >= 0, got ${zeta}`);
  const c = prior.cov;
  const post = gmmConditionLinear([{ w: 1, mean: prior.mean, cov: [c[0], c[1], c[3]] }], meas.A, meas.y, meas.sigmaY)[0];
  return { prior, post: { mean: post.mean, cov: fromCov(post.cov) }, meas, sigmaYAssumed, zeta, eta };
}

/** score of N(a m, a²Σ + s²I): the noised Gaussian */
export function noisedGaussScore(g: Gauss, a: number, s2: number): Affine {
  const S = madd(mscale(g.cov, a * a), mscale(I2, s2));
  const Si = minv(S, 'noised covariance a²Σ + s²I');
  return { M: mscale(Si, -1), b: mv(Si, vscale(g.mean, a)) };
}

export function ruleAffine(rule: RuleId, cs: CondSetup, a: number, s2: number): Affine {
  if (!(s2 > 0)) throw new Error(`rules need a noised level (s² > 0), got s² = ${s2}`);
  if (rule === 'oracle') return noisedGaussScore(cs.post, a, s2);
  const sp = noisedGaussScore(cs.prior, a, s2);
  if (rule === 'uncond') return sp;
  const { P, u } = cs.meas;
  const Q = msub(I2, P); // null-space projector
  if (rule === 'ddnm' || rule === 'bo-ddnm') {
    const den = rule === 'ddnm' ? s2 : s2 + a * a * cs.sigmaYAssumed ** 2;
    return { M: msub(mmul(Q, sp.M), mscale(P, 1 / den)), b: vadd(mv(Q, sp.b), vscale(u, a / den)) };
  }
  // Tweedie x̂0 = J x + c
  const J = mscale(madd(I2, mscale(sp.M, s2)), 1 / a);
  const c = vscale(sp.b, s2 / a);
  // guidance g(x) = Jᵀ (u − P x̂0) · gain  (Aᵀ(y − A x̂0) = u − P x̂0)
  let gain: number;
  if (rule === 'dps') gain = 2 * cs.zeta;
  else if (rule === 'pigdm') {
    const r2 = s2 / (a * a + s2);
    gain = 1 / (r2 + cs.sigmaYAssumed ** 2);
  } else if (rule === 'ddnm-plus') {
    throw new Error('DDNM+ is not a DDPM score rule: use ruleStep (gaussian-propagation.ts) for its step');
  } else throw new Error(`unknown rule '${String(rule)}'`);
  const Jt = mT(J);
  return {
    M: msub(sp.M, mscale(mmul(Jt, mmul(P, J)), gain)),
    b: vadd(sp.b, vscale(mv(Jt, vsub(u, mv(P, c))), gain)),
  };
}

export const applyAffine = (f: Affine, x: V2): V2 => vadd(mv(f.M, x), f.b);
