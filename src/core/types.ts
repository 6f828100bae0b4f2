// Plain data types shared by the math in core/. No tensors are stored in these types, so they can
// cross the worker boundary and live in the URL.
import type { Tensor1D, Tensor2D } from './tf';

export type Vec2 = [number, number];

/** Axis-aligned plot/world box. */
export interface Box {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** One Gaussian component. cov = [Sxx, Sxy, Syy] (symmetric 2x2; may be singular, e.g. a line). */
export interface Component {
  w: number; // unnormalized weight (> 0); code normalizes
  mean: Vec2;
  cov: [number, number, number];
}
export type Mixture = readonly Component[];

/**
 * A Gaussian noise level of the forward process: x_t = a * x0 + s * z with s2 = s^2.
 * VP levels have a^2 + s2 = 1; VE (annealed Langevin) levels have a = 1. The clean target is {a: 1, s2: 0}.
 * Every score function takes one of these, so exact and learned scores are interchangeable (score_sde style).
 */
export interface NoiseLevel {
  a: number;
  s2: number;
}
export const CLEAN: NoiseLevel = { a: 1, s2: 0 };

/** score(x, level) = grad_x log p_level(x); x is [N,2], result [N,2]. Must not dispose x. */
export type ScoreFn = (x: Tensor2D, level: NoiseLevel) => Tensor2D;
/** log density (normalized when the target says so) of the clean target; x [N,2] -> [N]. */
export type LogDensityFn = (x: Tensor2D) => Tensor1D;
