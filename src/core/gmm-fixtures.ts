// Small mixtures shared by the Gaussian-mixture tests: unequal weights, correlated covariances, and one
// degenerate line component (Σ = v vᵀ, v = (1,1)/√2), the case where the eigenvalue floor matters.
import type { Mixture } from './types';

export const MIX: Mixture = [
  { w: 2, mean: [-2, 0.5], cov: [0.6, 0.25, 0.4] },
  { w: 1, mean: [1.5, 1.5], cov: [1.0, -0.3, 0.5] },
  { w: 0.5, mean: [0.5, -2], cov: [0.3, 0, 0.3] },
];

export const LINE_MIX: Mixture = [...MIX, { w: 1, mean: [0, 0], cov: [0.5, 0.5, 0.5] }];
