// Conversions between the Gaussian-prior setup (affine-rules.ts) and the mixture setup (tensor-rules.ts),
// and the mixture setup built directly from a mixture prior and a measurement.
import { gmmConditionLinear } from '../gmm';
import type { Mixture } from '../types';
import { toCov } from './mat2';
import type { CondSetup } from './affine-rules';
import type { Measurement } from './measurement';
import { DDNM_ETA, checkEta } from './ddnm-plus';
import type { MixtureCondSetup } from './tensor-rules';

export function toMixtureSetup(cs: CondSetup): MixtureCondSetup {
  return {
    prior: [{ w: 1, mean: cs.prior.mean, cov: toCov(cs.prior.cov) }],
    post: [{ w: 1, mean: cs.post.mean, cov: toCov(cs.post.cov) }],
    P: cs.meas.P,
    u: cs.meas.u,
    sigmaYAssumed: cs.sigmaYAssumed,
    zeta: cs.zeta,
    eta: cs.eta,
  };
}

export function makeMixtureCondSetup(prior: Mixture, meas: Measurement, sigmaYAssumed: number, zeta: number, eta = DDNM_ETA): MixtureCondSetup {
  checkEta(eta);
  if (!(sigmaYAssumed >= 0) || !Number.isFinite(sigmaYAssumed)) throw new Error(`assumed σ_y must be >= 0, got ${sigmaYAssumed}`);
  if (!(zeta >= 0) || !Number.isFinite(zeta)) throw new Error(`DPS step ζ must be >= 0, got ${zeta}`);
  const post = gmmConditionLinear(prior, meas.A, meas.y, meas.sigmaY);
  return { prior, post, P: meas.P, u: meas.u, sigmaYAssumed, zeta, eta };
}
