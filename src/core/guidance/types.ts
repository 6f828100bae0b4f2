// What gradient guidance needs from a pre-trained model (METHODS.md §4.1): its noised score, the Tweedie
// clean estimate x̂0(x_t), and the vector-Jacobian product (∂x̂0/∂x_t)ᵀ g. Exact priors give all three in
// closed form; a learned score gives the VJP by autodiff. Plus what the lab measures: the data's manifold.
import type { Tensor1D, Tensor2D } from '../tf';
import type { Box, Mixture, NoiseLevel } from '../types';
import type { Rng } from '../rng';

/** the lab's own manifolds, then foundation mixtures (exact prior) and data sets (learned prior only) */
export const MANIFOLD_IDS = ['line', 'line2', 'circle'] as const;
export const TARGET_MIXTURE_IDS = ['8gaussians', 'hexagon', 'ring', 'two-modes', 'mog40', 'custom'] as const;
export const TARGET_DATASET_IDS = ['moons', 'spirals', 'checkerboard', 'drawn'] as const;
export const DATA_IDS = [...MANIFOLD_IDS, ...TARGET_MIXTURE_IDS, ...TARGET_DATASET_IDS] as const;
export type DataId = (typeof DATA_IDS)[number];
/** data sets have no closed-form score: they need the learned prior */
export const needsLearnedPrior = (id: string): boolean => (TARGET_DATASET_IDS as readonly string[]).includes(id);

/** the data distribution (what the pre-trained model learned) and its geometry */
export interface DataSpec {
  id: DataId;
  label: string;
  /** exact clean samples, [n,2] */
  sample(n: number, rng: Rng): Tensor2D;
  /**
   * per-sample distance from the manifold: line data ‖x⊥‖/‖x∥‖ (the paper's off-support ratio);
   * circle ‖x‖ − 1 (signed, as the paper's unit-ball "ratio"). [N]. Absent for foundation targets: their
   * support is all of R² (mixtures) or has no closed-form manifold (data sets), so the metric is not reported.
   */
  offSupport?(x: Tensor2D): Tensor1D;
  /** data spread, to normalize the learned score net's inputs */
  scale: number;
  /** exact prior in closed form (absent for data sets) */
  mixture?: Mixture;
  /** unit direction of the line (line data), for drawing and tests */
  direction?: [number, number];
  box: Box;
}

/** a pre-trained (exact or learned) diffusion prior: everything guidance evaluates along the chain */
export interface Prior {
  readonly exact: boolean;
  score(x: Tensor2D, level: NoiseLevel): Tensor2D;
  /** x̂0(x) = (x + s² score)/a, [N,2] */
  tweedie(x: Tensor2D, level: NoiseLevel): Tensor2D;
  /** (∂x̂0/∂x)ᵀ g per row, g [N,2] -> [N,2] */
  tweedieVjp(x: Tensor2D, level: NoiseLevel, g: Tensor2D): Tensor2D;
}
