// Every sampler consumes one score function (and, for Metropolis corrections, a log density).
// Samplers own their particle tensor; step() advances one iteration inside tf.tidy.
import type { Scalar, Tensor2D } from '../tf';
import type { LogDensityFn, Mixture, NoiseLevel, ScoreFn } from '../types';
import type { Rng } from '../rng';
import type { Schedule } from '../schedules';
import type { SamplerId, SettingValue } from './catalog';

// ids, families and settings are data in catalog.ts (tfjs-free, read by the lab schema)
export { SAMPLER_IDS, type SamplerId } from './catalog';

/** a change of settings by URL key (catalog.ts); only the keys the sampler's entry marks live are taken */
export type SettingsPatch = Readonly<Record<string, SettingValue>>;

export interface SamplerOptions {
  /** initial particles [N,2]; the sampler takes ownership (keeps or disposes it) */
  init: Tensor2D;
  score: ScoreFn;
  /**
   * the Gaussian mixture whose exact score `score` is, when it is one: samplers whose step is affine in
   * (x, score, noise) then run it as one fused kernel where the backend has one (core/fused/)
   */
  mixture?: Mixture;
  /** needed by mala and hmc (unnormalized is fine) */
  logDensity?: LogDensityFn;
  rng: Rng;
  /** ula/mala/hmc/annealed step size */
  step: number;
  /** hmc leapfrog steps */
  leapfrog: number;
  /** diffusion schedule (ddpm/ddim/flow) */
  schedule?: Schedule;
  /** ddim eta in [0,1] */
  eta: number;
  /** flow integrator */
  integrator: 'euler' | 'heun';
  /** annealed Langevin: noise std levels from large to small (VE), steps per level */
  annealSigmas?: Float32Array;
  annealStepsPerLevel: number;
  /**
   * every setting of the sampler's catalog entry by URL key (the lab passes them all); a sampler with a
   * setting of its own reads it here, so adding one needs no new field. The named fields above win for
   * their own keys (step, leapfrog, eta, integrator).
   */
  settings?: SettingsPatch;
}

export interface StepInfo {
  /** Metropolis acceptance rate of this step (mala, hmc), else undefined */
  accept?: number;
  /** a copy of this step's acceptance on the device (the caller owns it): read later, without a sync now */
  acceptTensor?(): Scalar;
  /**
   * a sampler's other per-step scalars by snake_case metric key (parallel tempering's `swap_rate`), as
   * copies on the device that the caller owns, read lazily like acceptTensor: the same keys every step of
   * a run; a stale StepInfo (after the next step) gives NaN. Absent for samplers that report none.
   */
  stats?(): Record<string, Scalar>;
  /** current noise level of the particles (diffusion/annealed), for plotting the noised target */
  level: NoiseLevel;
}

export interface Sampler {
  readonly id: SamplerId;
  /** total iterations for finite samplers (diffusion: T; annealed: levels * steps per level); Infinity for MCMC */
  readonly length: number;
  /** iterations done so far */
  readonly iteration: number;
  /** true when a finite sampler has produced its final samples */
  readonly done: boolean;
  /** score (gradient) and log-density evaluations per chain so far: the cost the diagnostics divide by */
  readonly cost: { readonly gradients: number; readonly densities: number };
  /** the current particles (owned by the sampler: do not dispose) */
  particles(): Tensor2D;
  /** advance one iteration. No-op when done. */
  step(): StepInfo;
  /**
   * change settings without a reset (the keys its catalog entry marks live, e.g. step, leapfrog, eta);
   * returns false, changing nothing, if any key is not live for this sampler (the change needs a reset)
   */
  update(patch: SettingsPatch): boolean;
  /** the single-chain view: keep chain 0's proposal (and path) of each step, read by probe() (off: no cost) */
  follow?(on: boolean): void;
  /** chain 0's proposal and the positions it went through in the latest step; nulls for a sampler that proposes nothing */
  probe?(): { proposal: Float32Array | null; path: Float32Array | null; order: Float32Array | null };
  dispose(): void;
}
