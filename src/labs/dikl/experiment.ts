// The DiKL lab: a one-step generator trained by DiKL (or plain reverse KL) against a target known only
// through its log-density and score; optionally a second generator with the other objective from the same
// seed. One iteration = one generator update of each (after its DSM steps).
import { formulaSpecOf } from '../common/formula-keys';
import type { DiklParams } from './params';
import { tf } from '../../core/tf';
import { Rng } from '../../core/rng';
import { CLEAN } from '../../core/types';
import { makeTarget } from '../../core/targets/registry';
import type { Target } from '../../core/targets/types';
import { DiklTrainer, type DiklConfig } from '../../core/dikl/trainer';
import type { GeneratorWeights } from '../../core/dikl/generator';
import { mixtureDensity, type DiklTarget } from '../../core/dikl/target-score';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest, TraceRow } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { inspectorLayers, levelErrors } from './diagnostics';
import { sampleMetrics, spread } from './metrics';
import { PaperEvaluation, PAPER_N, PAPER_REPEATS, type PaperResult } from './paper-eval';
import { MetricTrace } from '../common/trace';

type P = DiklParams;
const REFERENCE_N = 2000;
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
    objective, weighting: p.weighting, targetScore: p.targetScore,
    T: p.T, betaStart: 1e-4, betaEnd: p.betaEnd,
    width: p.width, depth: p.depth, batch: p.batch, dsmSteps: p.dsmSteps,
    lr: p.lr, scoreLr: p.scoreLr, scoreWidth: p.width, scoreDepth: 3, gradClip: 10,
    ais: { particles: p.isSamples, aisSteps: p.aisSteps, aisStep: p.aisStep, malaSteps: p.malaSteps, malaStep: p.malaStep, clip: 1000 },
    scale, genScale: p.genScale === 'spread' ? scale : 1,
    lrSchedule: p.lrSchedule === 'cosine' ? 'cosine' : 'constant', lrIters: p.lrIters ?? 1500, lrFloor: 0.05,
  };
}

export class DiklExperiment implements Experiment {
  /** the paper evaluation's size (its settings; unit tests shrink it to stay fast) */
  static paperSize = { n: PAPER_N, repeats: PAPER_REPEATS };
  readonly done = false;
  private density: Layer | null = null;
  private inspector: Record<string, Layer> | null = null;
  private levels: Layer | null = null;
  private levelsAt = -Infinity;
  private readonly trace = new MetricTrace();
  /** the paper's evaluation in progress (main, comparison), the next iteration that starts one, finished results as rows */
  private paper: { main: PaperEvaluation; other: PaperEvaluation | null } | null = null;
  private paperNext: number;
  private paperRows: TraceRow[] = [];
  private paperFinal: Record<string, number> | null = null;

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
    private readonly paperRng: Rng,
  ) {
    this.paperNext = paperEvery(p);
  }

  static async create(p: P, seed: number): Promise<DiklExperiment> {
    const root = new Rng(seed);
    const rTarget = root.split();
    const rDiag = root.split();
    const displaySeed = root.seed();
    const target = makeTarget(p.target, { components: p.comps, formula: p.target === 'formula' ? formulaSpecOf(p) : undefined });
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
    const w2Rng = root.split();
    return new DiklExperiment(p, target, main, other, reference, refEnergy, rDiag, displaySeed, w2Rng, root.split());
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
    // the paper's evaluation solves its assignments in the gaps: ~80 ms per slice, training goes on
    if (this.paper) {
      const until = Date.now() + PAPER_SLICE_MS;
      const stop = () => Date.now() > until;
      const done = this.paper.main.advance(stop) && (!this.paper.other || this.paper.other.advance(stop));
      if (done) this.paperDone();
    }
  }

  /** the engine stops at each evaluation iteration, so it starts there on every machine and in the CLI */
  phaseLeft(): number {
    return paperEvery(this.p) > 0 ? Math.max(0, this.paperNext - this.main.iteration) : Infinity;
  }

  async drainTrace() {
    const rows = await this.trace.drain();
    // a finished evaluation is charted at the iteration whose samples it measured
    if (this.paperRows.length) {
      rows.push(...this.paperRows);
      this.paperRows = [];
    }
    return rows;
  }

  /** the end of a headless run: the paper's evaluation of the final generator, in full */
  async finish(): Promise<void> {
    if (paperEvery(this.p) <= 0) return;
    if (!this.paper || this.paper.main.iteration !== this.main.iteration) await this.startPaper();
    const never = () => false;
    this.paper!.main.advance(never);
    this.paper!.other?.advance(never);
    this.paperFinal = this.paperDone();
  }

  private async startPaper(): Promise<void> {
    const { n, repeats } = DiklExperiment.paperSize;
    const main = await PaperEvaluation.start(this.main, this.target, this.paperRng, n, repeats);
    const other = this.other ? await PaperEvaluation.start(this.other, this.target, this.paperRng, n, repeats) : null;
    this.paper = { main, other };
  }

  private paperDone(): Record<string, number> {
    const { main, other } = this.paper!;
    const m = paperMetrics(main.result(), '');
    if (other) Object.assign(m, paperMetrics(other.result(), '_b'));
    m.target_logp = main.targetLogp;
    this.paperRows.push({ x: main.iteration, m });
    this.paper = null;
    return m;
  }

  update(patch: Partial<P>): void {
    if (['inspector', 'probeX', 'probeY', 'probeT'].some((k) => k in patch)) this.inspector = null;
    if ('density' in patch) this.density = null;
    this.p = { ...this.p, ...patch };
    if ('paperEvery' in patch) {
      const every = paperEvery(this.p);
      this.paperNext = every > 0 ? (Math.floor(this.main.iteration / every) + 1) * every : 0;
    }
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const p = this.p;
    const box = this.target.box;
    if (req.grids || !this.density) {
      this.density = p.density === 'off' ? null : await scalarGrid(box, 96, (x) => this.target.logDensity!(x), p.density !== 'density');
    }
    if (p.inspector && (req.grids || !this.inspector)) this.inspector = await inspectorLayers(this.main, p.probeX, p.probeY, p.probeT, box, this.rng);
    if (req.grids && this.main.iteration - this.levelsAt >= LEVELS_EVERY) {
      this.levels = await levelErrors(this.main, this.rng);
      this.levelsAt = this.main.iteration;
    }
    const layers: Record<string, Layer> = {};
    if (this.density) layers.density = this.density;
    if (this.levels) layers.levelErrors = this.levels;
    if (p.inspector && this.inspector) for (const [k, v] of Object.entries(this.inspector)) layers[k] = v;
    if (this.target.id === 'custom' && this.target.mixture) layers.handles = { kind: 'handles', components: this.target.mixture };
    // an empty handles layer: the plane learns its scale for the click binding from a handles layer only
    layers.clickScale = { kind: 'handles', components: [] };
    const show = p.show;
    layers.samplesA = { kind: 'points', xy: await this.draw(this.main, show) };
    if (this.other) layers.samplesB = { kind: 'points', xy: await this.draw(this.other, show) };
    // an evaluation iteration (the engine stops at each): draw its samples now, solve them in the next steps
    const every = paperEvery(p);
    if (every > 0 && this.main.iteration >= this.paperNext) {
      // one evaluation at a time: an evaluation iteration reached while one still runs is skipped
      if (!this.paper) await this.startPaper();
      this.paperNext = (Math.floor(this.main.iteration / every) + 1) * every;
    }
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
    if (this.paper) {
      const pr = this.paper.main.progress;
      info.phase = `paper evaluation of iteration ${this.paper.main.iteration}: exact W₂ on ${DiklExperiment.paperSize.n} points, repeat ${Math.min(pr.repeats + 1, pr.of)} of ${pr.of}${this.paper.other ? ' (main)' : ''}`;
    }
    if (this.paperFinal) Object.assign(metrics, this.paperFinal);
    return { iteration: this.main.iteration, layers, metrics, info, box };
  }

  /** generator samples from a fixed z (the cloud morphs smoothly between frames instead of flickering) */
  private async draw(tr: DiklTrainer, n: number): Promise<Float32Array> {
    const x = tr.sample(n, this.displaySeed);
    const xy = new Float32Array(await x.data());
    x.dispose();
    return xy;
  }

  watch(): FiniteWatch[] {
    // per generator: 256 fresh samples (made inside values(), freed by the check), then its score net's DSM loss
    return [this.main, this.other].flatMap((tr): FiniteWatch[] => {
      if (!tr) return [];
      const who = tr === this.main ? 'the generator' : 'the comparison generator';
      const samples: FiniteWatch = { what: `${who}'s samples`, values: () => [tr.sample(256, this.displaySeed)], limit: 1e6, advice: () => `Try a smaller generator lr than ${tr.cfg.lr}.` };
      if (tr.cfg.dsmSteps <= 0) return [samples];
      return [samples, { what: `the DSM loss of ${who}'s model-score net`, values: () => [tr.lastScalars().dsm], advice: () => `Try a smaller score-net lr than ${tr.cfg.scoreLr}.` }];
    });
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

/** ms of assignment solving per step slice while an evaluation runs */
const PAPER_SLICE_MS = 80;

function paperEvery(p: P): number {
  return Math.max(0, Math.floor(p.paperEvery ?? 0));
}

function paperMetrics(r: PaperResult, suffix: string): Record<string, number> {
  return { [`paper_logp${suffix}`]: r.meanLogp, [`paper_w2${suffix}`]: r.w2, [`paper_w2_sd${suffix}`]: r.w2Sd, [`paper_tvd${suffix}`]: r.tvd };
}
