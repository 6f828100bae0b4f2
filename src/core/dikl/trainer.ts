// One DiKL run (METHODS.md §3.3, official train.py): a generator, a model-score net and a target-score
// estimator. One step() = `dsmSteps` DSM updates of the score net on detached generator samples, then
// one generator update on the surrogate loss with its gradient norm clipped (10 in every official config).
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../tf';
import { Rng } from '../rng';
import { clipByGlobalNorm } from '../nets/dsm';
import { diklSchedule, levelIndices, rowLevels, type DiklSchedule, type Weighting } from './schedule';
import { ModelScore } from './model-score';
import { Generator, type GeneratorWeights } from './generator';
import { surrogateCoef, surrogateLoss } from './surrogate';
import { makeTargetScore, resolveKind, type DiklTarget, type TargetScoreFn, type TargetScoreKind } from './target-score';
import { checkAisOptions, type AisOptions } from './posterior-ais';

export interface DiklConfig {
  objective: 'dikl' | 'rkl';
  weighting: Weighting;
  targetScore: TargetScoreKind;
  T: number;
  betaStart: number;
  betaEnd: number;
  width: number;
  depth: number;
  batch: number;
  dsmSteps: number;
  lr: number;
  scoreLr: number;
  scoreWidth: number;
  scoreDepth: number;
  gradClip: number;
  ais: AisOptions;
  /** the target's spread d (the score net's input scale) */
  scale: number;
  /** the generator's output factor: 1 = the paper's plain MLP; d = the target's spread (faster, less mode-seeking) */
  genScale: number;
  /** generator lr schedule (ours; the official code keeps lr constant): cosine decays lr → lr·lrFloor over lrIters updates, then holds */
  lrSchedule?: 'constant' | 'cosine';
  lrIters?: number;
  lrFloor?: number;
}

/** the generator lr at update `it` (0-based) */
export function generatorLr(c: Pick<DiklConfig, 'lr' | 'lrSchedule' | 'lrIters' | 'lrFloor'>, it: number): number {
  if (c.lrSchedule !== 'cosine') return c.lr;
  const n = Math.max(1, c.lrIters ?? 1);
  const f = c.lrFloor ?? 0.05;
  const u = Math.min(1, it / n);
  return c.lr * (f + (1 - f) * 0.5 * (1 + Math.cos(Math.PI * u)));
}

export interface DiklStats {
  dsmLoss: number;
  /** mean_batch w_t ‖s_ψ − ŝ_target‖²: the size of the DiKL gradient signal */
  gap: number;
  /** MALA acceptance of the AIS estimator, NaN when it does not run */
  accept: number;
}

function checkConfig(c: DiklConfig): void {
  const int = (k: keyof DiklConfig, min: number) => {
    const v = c[k] as number;
    if (!Number.isInteger(v) || v < min) throw new Error(`DiKL: ${k} must be an integer >= ${min}, got ${v}`);
  };
  int('width', 1); int('depth', 1); int('batch', 1); int('dsmSteps', 0); int('scoreWidth', 1); int('scoreDepth', 1);
  for (const k of ['lr', 'scoreLr', 'gradClip'] as const) {
    if (!(c[k] > 0) || !Number.isFinite(c[k])) throw new Error(`DiKL: ${k} must be a positive number, got ${c[k]}`);
  }
  if (c.lrSchedule === 'cosine') {
    if (!Number.isInteger(c.lrIters) || (c.lrIters as number) < 1) throw new Error(`DiKL: lrIters must be an integer >= 1, got ${c.lrIters}`);
    const f = c.lrFloor ?? 0.05;
    if (!(f >= 0 && f <= 1)) throw new Error(`DiKL: lrFloor must be in [0, 1], got ${f}`);
  }
  checkAisOptions(c.ais);
}

export class DiklTrainer {
  readonly sched: DiklSchedule;
  readonly generator: Generator;
  readonly model: ModelScore;
  readonly targetKind: TargetScoreKind | 'clean';
  readonly note: string | undefined;
  private readonly targetScore: TargetScoreFn;
  private readonly levels: Int32Array;
  private readonly opt: tf.Optimizer;
  private readonly rng: Rng;
  private last: { dsm: Scalar | null; gap: Scalar | null; accept: Scalar | null } = { dsm: null, gap: null, accept: null };
  iteration = 0;

  constructor(readonly cfg: DiklConfig, readonly target: DiklTarget, seed: number) {
    checkConfig(cfg);
    this.sched = diklSchedule(cfg.T, cfg.betaStart, cfg.betaEnd);
    const root = new Rng(seed);
    this.rng = root.split();
    this.levels = levelIndices(cfg.objective, cfg.T);
    this.generator = new Generator({ width: cfg.width, depth: cfg.depth, scale: cfg.genScale, rng: root.split() });
    this.model = new ModelScore({
      sched: this.sched, levels: this.levels, hidden: cfg.scoreWidth, depth: cfg.scoreDepth,
      lr: cfg.scoreLr, scale: cfg.scale, rng: root.split(),
    });
    const r = resolveKind(cfg.targetScore, target, cfg.objective);
    this.targetKind = r.kind;
    this.note = r.note;
    this.targetScore = makeTargetScore(r.kind, target, cfg.ais, root.split());
    this.opt = tf.train.adam(cfg.lr);
  }

  /** per-row level tensors a, s, s², w [N,1] and t [N] for level indices ts */
  rows(ts: Int32Array) {
    const { a, s, w } = rowLevels(this.sched, ts, this.cfg.weighting);
    const col = (v: Float32Array) => tf.tensor2d(v, [v.length, 1]);
    return { a: col(a), s: col(s), s2: col(a.map((_, i) => s[i] * s[i])), w: col(w), t: tf.tensor1d(ts, 'int32') as Tensor1D };
  }

  step(): void {
    const B = this.cfg.batch;
    let dsm: Scalar | null = null;
    for (let k = 0; k < this.cfg.dsmSteps; k++) {
      const x = this.generator.sample(B, this.rng.seed());
      dsm?.dispose();
      dsm = this.model.trainStep(x);
      x.dispose();
    }
    const ts = this.model.drawLevels(B);
    const zSeed = this.rng.seed();
    const eSeed = this.rng.seed();
    const out = tf.tidy(() => {
      const r = this.rows(ts);
      const z = tf.randomNormal([B, 2], 0, 1, 'float32', zSeed) as Tensor2D;
      const eps = tf.randomNormal([B, 2], 0, 1, 'float32', eSeed) as Tensor2D;
      const xt = tf.add(tf.mul(r.a, this.generator.apply(z)), tf.mul(r.s, eps)) as Tensor2D;
      const sm = this.model.score(xt, r.t);
      const st = this.targetScore(xt, r.a, r.s2);
      const coef = surrogateCoef(sm, st.score, r.w);
      const gap = tf.mean(tf.div(tf.sum(tf.square(coef), 1), tf.reshape(r.w, [-1]))) as Scalar;
      const { grads } = tf.variableGrads(() => surrogateLoss(this.generator.apply(z), r.a, r.s, eps, coef), this.generator.vars);
      // tfjs Adam reads its learningRate field at every applyGradients
      (this.opt as unknown as { learningRate: number }).learningRate = generatorLr(this.cfg, this.iteration);
      this.opt.applyGradients(clipByGlobalNorm(grads, this.cfg.gradClip));
      return { gap, accept: st.accept ?? tf.scalar(NaN) };
    });
    this.last.dsm?.dispose();
    this.last.gap?.dispose();
    this.last.accept?.dispose();
    this.last = { dsm, gap: out.gap, accept: out.accept };
    this.iteration++;
  }

  /** copies of the latest step's scalars on the device (the caller owns them): a trace reads them later in one transfer */
  lastScalars(): { dsm: Scalar | null; gap: Scalar | null; accept: Scalar | null } {
    const c = (t: Scalar | null) => (t && !t.isDisposed ? tf.clone(t) : null);
    return { dsm: c(this.last.dsm), gap: c(this.last.gap), accept: c(this.last.accept) };
  }

  /** the latest step's numbers (one device read, at snapshot time) */
  async stats(): Promise<DiklStats> {
    const read = async (t: Scalar | null) => (t ? (await t.data())[0] : NaN);
    return { dsmLoss: await read(this.last.dsm), gap: await read(this.last.gap), accept: await read(this.last.accept) };
  }

  /** the run's target-score estimate at x_t [N,2] with per-row a, s² [N,1] (caller disposes the result's tensors) */
  estimateTarget(xt: Tensor2D, a: Tensor2D, s2: Tensor2D) {
    return this.targetScore(xt, a, s2);
  }

  sample(n: number, seed: number): Tensor2D {
    return this.generator.sample(n, seed);
  }

  getWeights(): GeneratorWeights {
    return this.generator.getWeights();
  }

  setWeights(w: GeneratorWeights): void {
    this.generator.setWeights(w);
  }

  dispose(): void {
    this.generator.dispose();
    this.model.dispose();
    this.opt.dispose();
    this.last.dsm?.dispose();
    this.last.gap?.dispose();
    this.last.accept?.dispose();
  }
}
