// Shared machinery of every sampler: particle ownership, iteration bookkeeping, live knobs, argument
// checks and the lazily read acceptance rate. Each concrete sampler only writes `advance()`, the math of
// one iteration, and `levelNow()`, the noise level its particles are at.
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';
import { CLEAN, type LogDensityFn, type Mixture, type NoiseLevel, type ScoreFn } from '../types';
import { gmmAffineStep } from '../fused/gmm-fused';
import type { Rng } from '../rng';
import { levelAt, type Schedule } from '../schedules';
import type { Sampler, SamplerId, SamplerOptions, SettingsPatch, StepInfo } from './types';
import { liveSettingKeys, SAMPLERS, type SettingSpec, type SettingValue } from './catalog';

/**
 * What one iteration produces: the new particles, for Metropolis samplers the accepted fraction, and any
 * other per-step scalars the sampler reports (StepInfo.stats: parallel tempering's swap rate).
 */
export interface Advance {
  x: Tensor2D;
  accept?: Scalar;
  stats?: Record<string, Scalar>;
  /** a Metropolis sampler's proposals [N,2] (the single-chain view draws chain 0's, accepted or not) */
  proposal?: Tensor2D;
  /** the positions from the start to the proposal (HMC: x, its leapfrog steps, the proposal), each [N,2], while `following` */
  path?: Tensor2D[];
  /** chain 0's path already read, x, y pairs (NUTS: its tree's leaves in trajectory order), while `following` */
  path0?: Float32Array;
  /** with path0: each point's place in the order it was built (the start 0; NUTS doubles to either side) */
  path0Order?: Float32Array;
}

/** what the single-chain view reads of chain 0 after a step: the proposal and the path to it (x, y pairs) */
export interface ChainProbe {
  proposal: Float32Array | null;
  path: Float32Array | null;
  /** each path point's place in build order; null: the path's own order (HMC) */
  order: Float32Array | null;
}

export abstract class ParticleSampler implements Sampler {
  abstract readonly id: SamplerId;
  /** open-ended (MCMC) unless a finite sampler sets its own (diffusion: T; annealed: levels × steps) */
  readonly length: number = Infinity;
  protected readonly score: ScoreFn;
  private readonly mixture: Mixture | undefined;
  /** a private stream (split from opts.rng) so draws made elsewhere with the caller's rng do not shift ours */
  protected readonly rng: Rng;
  protected h: number;
  protected leapfrog: number;
  protected eta: number;
  /** every setting by URL key (catalog.ts): what a sampler with a setting of its own reads, via setting() */
  private readonly settings: Record<string, SettingValue>;
  private x: Tensor2D;
  private it = 0;
  private disposed = false;
  /** acceptance of the latest step, kept (one scalar) until the next step so StepInfo.accept can read it lazily */
  private lastAccept: Scalar | null = null;
  /** evaluations per chain so far (a call on the N particles counts 1; on K N rows, K): the diagnostics' cost units */
  readonly cost = { gradients: 0, densities: 0 };
  /** the latest step's other scalars (Advance.stats), kept the same way until the next step */
  private lastStats: Record<string, Scalar> | null = null;
  /** the single-chain view is on: keep chain 0's proposal and path each step (tiny slices; off by default) */
  protected following = false;
  /** chain 0's proposal and path of the latest step, [1 + L, 2] (proposal first), kept until the next step */
  private lastProbe: Tensor2D | null = null;
  private lastProbeHasPath = false;
  private lastPath0: Float32Array | null = null;
  private lastPath0Order: Float32Array | null = null;

  constructor(opts: SamplerOptions) {
    const { init } = opts;
    if (!init || init.rank !== 2 || init.shape[1] !== 2 || init.shape[0] < 1) {
      if (init && !init.isDisposed) init.dispose();
      throw new Error(`sampler: init must be a [N,2] tensor with N >= 1, got shape [${init?.shape}]`);
    }
    if (init.isDisposed) throw new Error('sampler: init tensor is already disposed');
    try {
      if (typeof opts.score !== 'function') throw new Error('sampler: a score function is required');
      checkStep(opts.step);
      checkLeapfrog(opts.leapfrog);
      checkEta(opts.eta);
    } catch (e) {
      init.dispose(); // we own init from the call on, also when we refuse it
      throw e;
    }
    // keep: the caller may have built init inside its own tf.tidy; from here on we own it
    this.x = tf.keep(init.dtype === 'float32' ? init : (tf.cast(init, 'float32') as Tensor2D));
    if (this.x !== init) init.dispose();
    // counted per chain: ESS per gradient evaluation compares samplers of different cost per step fairly
    const score = opts.score;
    this.score = (x, level) => {
      this.cost.gradients += x.shape[0] / this.x.shape[0];
      return score(x, level);
    };
    this.mixture = opts.mixture;
    this.rng = opts.rng.split();
    this.h = opts.step;
    this.leapfrog = opts.leapfrog;
    this.eta = opts.eta;
    this.settings = { ...opts.settings, step: opts.step, leapfrog: opts.leapfrog, eta: opts.eta, integrator: opts.integrator };
  }

  /** one iteration's math; runs inside tf.tidy (intermediates are freed), must not dispose this.particles() */
  protected abstract advance(k: number): Advance;
  /** the noise level the particles are at after `iteration` iterations */
  protected levelNow(): NoiseLevel {
    return CLEAN;
  }

  get iteration(): number {
    return this.it;
  }

  get done(): boolean {
    return this.it >= this.length;
  }

  particles(): Tensor2D {
    this.alive();
    return this.x;
  }

  step(): StepInfo {
    this.alive();
    if (this.done) return { level: this.levelNow() };
    let acc: Scalar | undefined;
    let stats: Record<string, Scalar> | undefined;
    tf.tidy(() => {
      const out = this.advance(this.it);
      // chain 0's proposal and path first: the path may hold the particles this step replaces
      this.lastProbe?.dispose();
      this.lastProbe = null;
      this.lastPath0 = this.following ? out.path0 ?? null : null;
      this.lastPath0Order = this.following ? out.path0Order ?? null : null;
      if (this.following && out.proposal) {
        const row = (t: Tensor2D) => tf.slice(t, [0, 0], [1, 2]);
        this.lastProbeHasPath = (out.path?.length ?? 0) > 0;
        this.lastProbe = tf.keep(tf.concat([row(out.proposal), ...(out.path ?? []).map(row)], 0) as Tensor2D);
      }
      if (out.x !== this.x) {
        // keep survives both this tidy and any tidy the caller wraps around step()
        const next = tf.keep(out.x);
        this.x.dispose();
        this.x = next;
      }
      if (out.accept) acc = tf.keep(out.accept);
      if (out.stats) stats = Object.fromEntries(Object.entries(out.stats).map(([k, t]) => [k, tf.keep(t)]));
    });
    this.it++;
    const level = this.levelNow();
    const info: StepInfo = acc ? this.lazyAccept(level, acc) : { level };
    // the previous step's scalars go now, also when this step reports none
    if (this.lastStats) tf.dispose(Object.values(this.lastStats));
    this.lastStats = stats ?? null;
    if (stats) {
      const kept = stats;
      info.stats = () => Object.fromEntries(Object.entries(kept).map(([k, t]) => [k, t.isDisposed ? tf.scalar(NaN) : tf.clone(t)]));
    }
    return info;
  }

  /** turn the single-chain probe on or off (the view asks; off costs nothing) */
  follow(on: boolean): void {
    this.following = on;
  }

  /** chain 0's proposal and path of the latest step (one read), or nulls when the sampler proposes nothing */
  probe(): ChainProbe {
    const t = this.lastProbe;
    if (!t || t.isDisposed) return { proposal: null, path: null, order: null };
    const v = t.dataSync() as Float32Array;
    return { proposal: v.slice(0, 2), path: this.lastPath0 ?? (this.lastProbeHasPath ? v.slice(2) : null), order: this.lastPath0 ? this.lastPath0Order : null };
  }

  update(patch: SettingsPatch): boolean {
    // the live keys are what this sampler's catalog entry marks live; validate everything first so a
    // rejected patch changes nothing
    const entry = SAMPLERS[this.id];
    const live = liveSettingKeys(entry);
    for (const k of Object.keys(patch)) if (!live.has(k)) return false;
    for (const [k, v] of Object.entries(patch)) checkSetting(entry.settings.find((s) => s.key === k)!, v);
    Object.assign(this.settings, patch);
    if (patch.step !== undefined) this.h = Number(patch.step);
    if (patch.leapfrog !== undefined) this.leapfrog = Number(patch.leapfrog);
    if (patch.eta !== undefined) this.eta = Number(patch.eta);
    return true;
  }

  /**
   * a setting's current value by its URL key (catalog.ts), as constructed or last updated; a setting the
   * caller did not pass (a test building the sampler directly) is its catalog default
   */
  protected setting(key: string): SettingValue | undefined {
    return this.settings[key] ?? SAMPLERS[this.id]?.settings.find((s) => s.key === key)?.default;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.x.dispose();
    this.lastAccept?.dispose();
    this.lastAccept = null;
    if (this.lastStats) tf.dispose(Object.values(this.lastStats));
    this.lastStats = null;
    this.lastProbe?.dispose();
    this.lastProbe = null;
  }

  /**
   * c0 x + c1 score_level(x) + c2 xi as one fused kernel, when the target is a known mixture and the
   * backend has the kernel; else null and the sampler runs its op-by-op code. The fused noise xi is the
   * counter-based stream of core/fused/counter-rng.ts (drawn where the kernel runs), so a seed gives other
   * draws than the op-by-op path's tf.randomNormal: each path replays exactly, they agree in distribution.
   */
  protected fusedAffine(level: NoiseLevel, c0: number, c1: number, c2: number): Tensor2D | null {
    if (!this.mixture) return null;
    const out = gmmAffineStep(this.x, this.mixture, level, { c0, c1, c2, seed: c2 !== 0 ? this.rng.seed() : 0 });
    if (out && c1 !== 0) this.cost.gradients += 1; // null: the caller's op-by-op code counts its own
    return out;
  }

  /** standard normal noise shaped like the particles, seeded from our stream (bit-reproducible on CPU/WASM) */
  protected noise(): Tensor2D {
    return tf.randomNormal(this.x.shape, 0, 1, 'float32', this.rng.seed());
  }

  /**
   * Acceptance is computed on the device and read only if someone looks at info.accept (one scalar read),
   * so a loop of many steps that reads only the last StepInfo never stalls the GPU pipeline.
   * The value is readable until the next step() or dispose(); an unread stale StepInfo reports NaN.
   */
  private lazyAccept(level: NoiseLevel, acc: Scalar): StepInfo {
    this.lastAccept?.dispose();
    this.lastAccept = acc;
    let value: number | undefined;
    return {
      level,
      get accept(): number {
        if (value === undefined) value = acc.isDisposed ? NaN : acc.dataSync()[0];
        return value;
      },
      acceptTensor: () => (acc.isDisposed ? tf.scalar(NaN) : tf.clone(acc)),
    };
  }

  private alive(): void {
    if (this.disposed) throw new Error(`sampler '${this.id}': used after dispose()`);
  }
}

/** row-wise squared norm of a [N,2] tensor -> [N] */
export function sqNorm(v: Tensor2D) {
  return tf.sum(tf.square(v), 1);
}

function checkStep(h: number): void {
  if (!(Number.isFinite(h) && h > 0)) throw new Error(`sampler: step size must be a finite number > 0, got ${h}`);
}
function checkLeapfrog(l: number): void {
  if (!(Number.isInteger(l) && l >= 1)) throw new Error(`sampler: leapfrog steps must be an integer >= 1, got ${l}`);
}
function checkEta(e: number): void {
  if (!(Number.isFinite(e) && e >= 0 && e <= 1)) throw new Error(`sampler: eta must be in [0, 1], got ${e}`);
}

/** a live change checked against its spec: the three core knobs keep their own checks, others by kind and range */
function checkSetting(spec: SettingSpec, v: SettingValue): void {
  if (spec.key === 'step') return checkStep(v as number);
  if (spec.key === 'leapfrog') return checkLeapfrog(v as number);
  if (spec.key === 'eta') return checkEta(v as number);
  const bad = (why: string) => new Error(`sampler: ${spec.key} ${why}, got ${String(v)}`);
  if (spec.kind === 'number' || spec.kind === 'int') {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('must be a finite number');
    if (spec.kind === 'int' && !Number.isInteger(v)) throw bad('must be an integer');
    if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) throw bad(`must be in [${spec.min}, ${spec.max}]`);
  } else if (spec.kind === 'enum') {
    if (!spec.values?.includes(String(v))) throw bad(`must be one of ${spec.values?.join(', ')}`);
  } else if (typeof v !== 'boolean') throw bad('must be true or false');
}

/** ddpm, ddim and flow all need a VP schedule; one check, one message */
/** MALA and HMC need a log density for their Metropolis test; the message says why it is missing */
export function requireLogDensity(id: SamplerId, opts: SamplerOptions, test: string): LogDensityFn {
  if (typeof opts.logDensity !== 'function') throw new Error(`sampler '${id}': needs logDensity for the ${test} test (this target has none)`);
  return opts.logDensity;
}

/** MALA and HMC: a ParticleSampler with the log density its Metropolis test needs (checked once, here). */
export abstract class MetropolisSampler extends ParticleSampler {
  protected readonly logDensity: LogDensityFn;

  constructor(id: SamplerId, opts: SamplerOptions, test: string) {
    super(opts);
    try {
      const logDensity = requireLogDensity(id, opts, test);
      this.logDensity = (x) => {
        this.cost.densities += x.shape[0] / this.particles().shape[0];
        return logDensity(x);
      };
    } catch (e) {
      this.dispose();
      throw e;
    }
  }
}

export function requireSchedule(id: SamplerId, opts: SamplerOptions): Schedule {
  const s = opts.schedule;
  if (!s || !(s.T >= 1) || s.abar.length !== s.T) {
    throw new Error(`sampler '${id}': needs a diffusion schedule (opts.schedule from makeSchedule)`);
  }
  return s;
}

/**
 * A sampler that walks a diffusion schedule from t = T down to 1: one iteration per reverse step,
 * done after T; the particles' level after k steps is that of t = T - k. `check` validates the
 * sampler's own options; on any failure the particles it was handed are freed before the throw.
 */
export abstract class ScheduledSampler extends ParticleSampler {
  readonly length: number;
  protected readonly sched: Schedule;

  constructor(id: SamplerId, opts: SamplerOptions, check?: (opts: SamplerOptions) => void) {
    super(opts);
    try {
      this.sched = requireSchedule(id, opts);
      check?.(opts);
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.length = this.sched.T;
  }

  protected levelNow(): NoiseLevel {
    return levelAt(this.sched, this.sched.T - this.iteration);
  }
}
