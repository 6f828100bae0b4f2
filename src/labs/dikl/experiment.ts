// The DiKL lab: a one-step generator trained by DiKL (or plain reverse KL) against a target known only
// through its log-density and score; optionally a second generator with the other objective from the same
// seed. One iteration = one generator update of each (after its DSM steps).
import { tf } from '../../core/tf';
import { Rng } from '../../core/rng';
import { CLEAN, type Mixture } from '../../core/types';
import { makeTarget } from '../../core/targets/registry';
import type { Target, TargetId } from '../../core/targets/types';
import { DiklTrainer, type DiklConfig } from '../../core/dikl/trainer';
import type { GeneratorWeights } from '../../core/dikl/generator';
import { mixtureDensity, type DiklTarget, type TargetScoreKind } from '../../core/dikl/target-score';
import type { Weighting } from '../../core/dikl/schedule';
import type { Experiment, ParamValue } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { inspectorLayers, levelErrors } from './diagnostics';
import { sampleMetrics, spread } from './metrics';
import { MetricTrace } from '../common/trace';

type P = Record<string, ParamValue>;
const REFERENCE_N = 2000;
const LIVE_KEYS = new Set(['inspector', 'px', 'py', 'pt', 'show', 'speed', 'density']);
/** recompute the per-level score errors at most every this many iterations (they cost a full AIS pass) */
const LEVELS_EVERY = 50;

export function diklTarget(t: Target): DiklTarget {
  if (t.mixture) return { density: mixtureDensity(t.mixture), mixture: t.mixture };
  const { logDensity, score } = t;
  if (!logDensity || !score) throw new Error(`DiKL needs a target with a log-density and a score; ${t.label} has none`);
  return { density: (x) => ({ logp: logDensity(x), grad: score(x, CLEAN) }) };
}

export function configFrom(p: P, objective: 'dikl' | 'rkl', scale: number): DiklConfig {
  return {
    objective, weighting: p.weighting as Weighting, targetScore: p.target_score as TargetScoreKind,
    T: Number(p.T), betaStart: 1e-4, betaEnd: Number(p.beta_end),
    width: Number(p.width), depth: Number(p.depth), batch: Number(p.batch), dsmSteps: Number(p.dsm_steps),
    lr: Number(p.lr), scoreLr: Number(p.score_lr), scoreWidth: Number(p.width), scoreDepth: 3, gradClip: 10,
    ais: { particles: Number(p.n_is), aisSteps: Number(p.ais_steps), aisStep: Number(p.ais_step), malaSteps: Number(p.mala_steps), malaStep: Number(p.mala_step), clip: 1000 },
    scale, genScale: p.gen_scale === 'spread' ? scale : 1,
    lrSchedule: p.lr_schedule === 'cosine' ? 'cosine' : 'constant', lrIters: Number(p.lr_iters ?? 1500), lrFloor: 0.05,
  };
}

export class DiklExperiment implements Experiment {
  readonly done = false;
  private density: Layer | null = null;
  private inspector: Record<string, Layer> | null = null;
  private levels: Layer | null = null;
  private levelsAt = -Infinity;
  private readonly trace = new MetricTrace();

  private constructor(
    private p: P,
    private readonly target: Target,
    readonly main: DiklTrainer,
    readonly other: DiklTrainer | null,
    private readonly reference: Float32Array,
    private readonly refEnergy: Float32Array,
    private readonly rng: Rng,
    private readonly displaySeed: number,
    private readonly w2Rng: Rng,
  ) {}

  static async create(p: P, seed: number): Promise<DiklExperiment> {
    const root = new Rng(seed);
    const rTarget = root.split();
    const rDiag = root.split();
    const displaySeed = root.seed();
    const target = makeTarget(p.target as TargetId, { components: p.comps as Mixture });
    const refT = target.sample(REFERENCE_N, rTarget);
    const reference = new Float32Array(await refT.data());
    const eT = tf.tidy(() => tf.neg(target.logDensity!(refT)));
    const refEnergy = new Float32Array(await eT.data());
    refT.dispose();
    eT.dispose();
    const dt = diklTarget(target);
    const scale = spread(reference);
    const objective = p.objective === 'rkl' ? 'rkl' : 'dikl';
    // both trainers take the same seed, so the comparison starts from identical generator weights
    const main = new DiklTrainer(configFrom(p, objective, scale), dt, seed);
    let other: DiklTrainer | null = null;
    try {
      if (p.otherObjective === true) other = new DiklTrainer(configFrom(p, objective === 'dikl' ? 'rkl' : 'dikl', scale), dt, seed);
    } catch (e) {
      main.dispose();
      throw e;
    }
    // drawn from root last, so every earlier stream (and with it the training) is as before
    return new DiklExperiment(p, target, main, other, reference, refEnergy, rDiag, displaySeed, root.split());
  }

  get iteration(): number {
    return this.main.iteration;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      this.main.step();
      this.other?.step();
      const last = this.main.lastScalars();
      // the same keys as sampleMetrics' trainer numbers; NaN (no AIS acceptance, no DSM steps) is skipped by the charts
      this.trace.record(this.main.iteration, {}, { loss: last.gap, dsm_loss: last.dsm, accept_rate: last.accept });
    }
  }

  drainTrace() {
    return this.trace.drain();
  }

  update(patch: P): boolean {
    if (!Object.keys(patch).every((k) => LIVE_KEYS.has(k))) return false;
    if (['inspector', 'px', 'py', 'pt'].some((k) => k in patch)) this.inspector = null;
    if ('density' in patch) this.density = null;
    this.p = { ...this.p, ...patch };
    return true;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const p = this.p;
    const box = this.target.box;
    if (req.grids || !this.density) {
      this.density = p.density === 'off' ? null : await scalarGrid(box, 96, (x) => this.target.logDensity!(x), p.density !== 'density');
    }
    if (p.inspector && (req.grids || !this.inspector)) this.inspector = await inspectorLayers(this.main, Number(p.px), Number(p.py), Number(p.pt), box, this.rng);
    if (req.grids && this.main.iteration - this.levelsAt >= LEVELS_EVERY) {
      this.levels = await levelErrors(this.main, this.rng);
      this.levelsAt = this.main.iteration;
    }
    const layers: Record<string, Layer> = {};
    if (this.density) layers.density = cloneLayer(this.density);
    if (this.levels) layers.levelErrors = cloneLayer(this.levels);
    if (p.inspector && this.inspector) for (const [k, v] of Object.entries(this.inspector)) layers[k] = cloneLayer(v);
    if (this.target.id === 'custom' && this.target.mixture) layers.handles = { kind: 'handles', components: this.target.mixture };
    // an empty handles layer: the plane learns its scale for the click binding from a handles layer only
    layers.clickScale = { kind: 'handles', components: [] };
    const show = Number(p.show);
    layers.samplesA = { kind: 'points', xy: await this.draw(this.main, show) };
    if (this.other) layers.samplesB = { kind: 'points', xy: await this.draw(this.other, show) };
    const metrics: Record<string, number> = {};
    if (req.metrics) {
      const ref = { target: this.target, reference: this.reference, refEnergy: this.refEnergy, rng: this.rng, w2Rng: this.w2Rng };
      Object.assign(metrics, await sampleMetrics(this.main, await this.draw(this.main, REFERENCE_N), ref, ''));
      if (this.other) Object.assign(metrics, await sampleMetrics(this.other, await this.draw(this.other, REFERENCE_N), ref, '_b'));
    }
    const info: Record<string, string> = {
      objective: `${this.main.cfg.objective === 'dikl' ? 'DiKL' : 'reverse KL'} (red)${this.other ? `, ${this.other.cfg.objective === 'dikl' ? 'DiKL' : 'reverse KL'} (white)` : ''}`,
      targetScore: this.main.targetKind === 'clean' ? 'clean score at x_t' : this.main.targetKind,
    };
    if (this.main.note) info.note = this.main.note;
    return { iteration: this.main.iteration, layers, metrics, info, box };
  }

  /** generator samples from a fixed z (the cloud morphs smoothly between frames instead of flickering) */
  private async draw(tr: DiklTrainer, n: number): Promise<Float32Array> {
    const x = tr.sample(n, this.displaySeed);
    const xy = new Float32Array(await x.data());
    x.dispose();
    return xy;
  }

  async checkFinite(): Promise<string | null> {
    for (const tr of [this.main, this.other]) {
      if (!tr) continue;
      const x = tr.sample(256, this.displaySeed);
      const bad = tf.tidy(() => tf.logicalOr(tf.logicalNot(tf.all(tf.isFinite(x))), tf.greater(tf.max(tf.abs(x)), 1e6)));
      const isBad = (await bad.data())[0] === 1;
      bad.dispose();
      x.dispose();
      const who = tr === this.main ? 'the generator' : 'the comparison generator';
      if (isBad) return `${who}'s samples became NaN, infinite or huge (beyond 1e6). Try a smaller generator lr than ${tr.cfg.lr}.`;
      const st = await tr.stats();
      if (!Number.isFinite(st.dsmLoss) && tr.cfg.dsmSteps > 0) return `the model-score net of ${who} diverged (DSM loss ${st.dsmLoss}). Try a smaller score-net lr than ${tr.cfg.scoreLr}.`;
    }
    return null;
  }

  getWeights(): GeneratorWeights {
    return this.main.getWeights();
  }

  setWeights(w: GeneratorWeights): void {
    this.main.setWeights(w);
  }

  dispose(): void {
    this.trace.dispose();
    this.main.dispose();
    this.other?.dispose();
  }
}

function cloneLayer(l: Layer): Layer {
  const out: Record<string, unknown> = { ...l };
  for (const [k, v] of Object.entries(out)) if (v instanceof Float32Array) out[k] = v.slice();
  if (l.kind === 'series') out.ys = Object.fromEntries(Object.entries(l.ys).map(([k, v]) => [k, v.slice()]));
  return out as Layer;
}
