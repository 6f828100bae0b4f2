// Unconditional mode: sample a target q0 with a mismatched score s̃_t (another mixture's exact score, the exact
// score plus ε·u(x), or a learned MLP). One iteration is one reverse step; with the learned score a training
// phase comes first (10 DSM steps per iteration). A Gaussian target with an affine mismatch (perturbation, or
// a one-component training mixture) also gets the exact law and KL by closed-form propagation.
import type { UncondParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { gmmSample, gmmScore } from '../../core/gmm';
import { mixtureBox } from '../../core/targets/box';
import type { Box, Mixture, ScoreFn } from '../../core/types';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { createScoreNet } from '../../core/nets/score-net';
import type { ScoreNet } from '../../core/nets/types';
import { noisedGaussScore, type Affine, type Gauss } from '../../core/mismatch/affine-rules';
import { propagateAffine, type Propagation } from '../../core/mismatch/gaussian-propagation';
import { I2, fromCov, madd, mscale, vadd, vscale } from '../../core/mismatch/mat2';
import { ReverseRun } from '../../core/mismatch/reverse-run';
import { levelOf, makeVpTable, type VpTable } from '../../core/mismatch/schedule';
import { SWEEP_T } from '../../core/mismatch/sweep';
import { meanSquaredMismatch, noisedSamples, perturbationAffine, perturbedScore } from '../../core/mismatch/uncond-scores';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import type { Experiment, FiniteWatch } from '../types';
import { mixtureFromId } from './problem';
import { deltaLayer, densityLayer, mixtureOutline } from './layers';
import { RunTracker } from './run-tracker';
import { UNCOND_SWEEP_T, UNCOND_SWEEP_T_FULL, uncondSweep } from './uncond-sweep';
import { spread } from '../../core/metrics/points';
import { MetricTrace } from '../common/trace';
import { LOSS_WINDOW, RunningMean } from '../common/running-mean';

type P = UncondParams;
const REF_N = 2000;
const MC_N = 500;
export const TRAIN_PER_ITER = 10;

export class UncondExperiment implements Experiment {
  private run: ReverseRun | null = null;
  private tracker: RunTracker | null = null;
  private grids: Record<string, Layer> = {};
  private fixed: Record<string, Layer> = {};
  private sweepMetrics: Record<string, number> = {};
  private trainSteps = 0;
  private loss = NaN;
  private readonly trace = new MetricTrace();
  /** the DSM loss chart draws this beside each batch's loss: the trend a noisy loss hides */
  private lossAvg = new RunningMean(LOSS_WINDOW);
  private readonly exact: ScoreFn;
  private readonly box: Box;

  private constructor(
    private p: P,
    private readonly seed: number,
    private readonly target: Mixture,
    private readonly tab: VpTable,
    private readonly reference: Float32Array,
    private readonly ref: { x0: Tensor2D; z: Tensor2D },
    private readonly rngs: { run: Rng; metrics: Rng },
    private readonly net: ScoreNet | null,
    private trainData: Tensor2D | null,
  ) {
    this.exact = (x, l) => gmmScore(x, target, l);
    this.box = mixtureBox(target, 3.5);
    if (!net || p.trainSteps <= 0) this.startSampling();
  }

  static async create(p: P, seed: number): Promise<UncondExperiment> {
    const root = new Rng(seed);
    const [rTarget, rRun, rNet, rMetrics] = [root.split(), root.split(), root.split(), root.split()];
    const target = mixtureFromId(String(p.target), p);
    const tab = makeVpTable(p.schedule, p.T);
    const refT = gmmSample(REF_N, target, rTarget);
    const reference = new Float32Array(await refT.data());
    refT.dispose();
    const ref = { x0: gmmSample(MC_N, target, rTarget), z: tf.randomNormal([MC_N, 2], 0, 1, 'float32', rTarget.seed()) as Tensor2D };
    let net: ScoreNet | null = null;
    let trainData: Tensor2D | null = null;
    if (p.score === 'learned') {
      net = createScoreNet({ hidden: p.hidden, depth: 3, lr: 2e-3, batch: 256, dataScale: spread(reference), rng: rNet });
      trainData = gmmSample(5000, target, rTarget);
    }
    return new UncondExperiment(p, seed, target, tab, reference, ref, { run: rRun, metrics: rMetrics }, net, trainData);
  }

  get training(): boolean {
    return this.run === null;
  }

  get iteration(): number {
    return this.run?.iteration ?? 0;
  }

  get done(): boolean {
    return this.run?.done ?? false;
  }

  phaseLeft(): number {
    if (!this.run) return Math.ceil((this.p.trainSteps - this.trainSteps) / TRAIN_PER_ITER);
    return this.tab.T - this.run.iteration;
  }

  drainTrace() {
    return this.trace.drain();
  }

  private approxScore(): ScoreFn {
    const src = this.p.score;
    if (src === 'mixture') {
      const train = this.p.train;
      return (x, l) => gmmScore(x, train, l);
    }
    if (src === 'perturb') return perturbedScore(this.exact, this.p.perturb, this.p.eps);
    if (src === 'learned') return this.net!.score;
    throw new Error(`unknown mismatched score '${String(src)}': mixture, perturb or learned`);
  }

  /** closed form when the target is one Gaussian and the mismatch is affine */
  private closedForm(): { mis: (tab: VpTable) => Propagation; exact: (tab: VpTable) => Propagation } | null {
    if (this.target.length !== 1) return null;
    const c = this.target[0];
    const g: Gauss = { mean: c.mean, cov: fromCov(c.cov) };
    let approx: ((a: number, s2: number) => Affine) | null = null;
    if (this.p.score === 'perturb') {
      const d = perturbationAffine(this.p.perturb, this.p.eps);
      approx = (a, s2) => { const e = noisedGaussScore(g, a, s2); return { M: madd(e.M, d.M), b: vadd(e.b, d.b) }; };
    } else if (this.p.score === 'mixture' && this.p.train.length === 1) {
      const tc = this.p.train[0];
      approx = (a, s2) => noisedGaussScore({ mean: tc.mean, cov: fromCov(tc.cov) }, a, s2);
    }
    if (!approx) return null;
    const exact = (a: number, s2: number) => noisedGaussScore(g, a, s2);
    const law = (tab: VpTable) => (t: number) => { const { a, s2 } = levelOf(tab, t); return { mean: vscale(g.mean, a), cov: madd(mscale(g.cov, a * a), mscale(I2, s2)) }; };
    const variance = this.p.variance;
    return {
      mis: (tab) => propagateAffine(tab, variance, approx!, exact, law(tab), 'mismatched score'),
      exact: (tab) => propagateAffine(tab, variance, exact, exact, law(tab), 'exact score'),
    };
  }

  private startSampling(): void {
    this.trainData?.dispose();
    this.trainData = null;
    const approx = this.approxScore();
    const variance = this.p.variance;
    const kind = this.p.schedule;
    const cf = this.closedForm();
    const prop = cf ? cf.mis(this.tab) : null;
    this.tracker = new RunTracker(this.tab, prop, prop ? null : (l) => meanSquaredMismatch(this.ref.x0, this.ref.z, l, approx, this.exact), null, this.trace);
    if (cf) {
      const mis = SWEEP_T.map((T) => cf.mis(makeVpTable(kind, T)));
      const ex = SWEEP_T.map((T) => cf.exact(makeVpTable(kind, T)));
      this.fixed.biasT = { kind: 'series', xs: Float32Array.from(SWEEP_T), ys: { 'KL mismatched score': Float32Array.from(mis, (r) => r.kl), 'KL exact score (floor)': Float32Array.from(ex, (r) => r.kl), 'B_T': Float32Array.from(mis, (r) => r.bias) } };
      this.sweepMetrics.kl_closed_form = prop!.kl;
      if (this.p.sweep === true) SWEEP_T.forEach((T, i) => { this.sweepMetrics[`kl_T${T}_mismatched`] = mis[i].kl; this.sweepMetrics[`kl_T${T}_exact`] = ex[i].kl; });
    } else {
      // without sweep=1: a short grid up to this run's T (the sweep runs once, before sampling starts)
      const T = this.tab.T;
      const grid = this.p.sweep === true ? [...UNCOND_SWEEP_T_FULL] : [...UNCOND_SWEEP_T.filter((v) => v < T), T];
      const s = uncondSweep(grid, kind, variance, approx, this.exact, this.reference, this.ref, this.seed);
      this.fixed.biasT = s.layer;
      if (this.p.sweep === true) this.sweepMetrics = s.metrics;
    }
    this.run = new ReverseRun(this.p.particles, this.tab, variance, (x, l) => approx(x, l), this.rngs.run);
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.run === null) {
        for (let j = 0; j < TRAIN_PER_ITER && this.trainSteps < this.p.trainSteps; j++) {
          this.loss = this.net!.trainStep(this.trainData!);
          this.trainSteps++;
          this.trace.record(this.trainSteps, { dsm_loss: this.loss, dsm_loss_avg: this.lossAvg.add(this.loss) });
        }
        if (this.trainSteps >= this.p.trainSteps) this.startSampling();
        continue;
      }
      if (this.run.done) return;
      this.tracker!.before(this.run.t);
      this.run.step();
      this.tracker!.after(this.run);
    }
  }

  update(patch: Partial<P>): void {
    this.p = { ...this.p, ...patch };
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const info: Record<string, string> = { score: this.p.score === 'learned' ? `learned MLP (${this.trainSteps} DSM steps)` : String(this.p.score) };
    const t = this.run?.t ?? 0;
    const level = levelOf(this.tab, t);
    if (req.grids) {
      this.grids = {};
      if (this.p.density !== 'off') this.grids.density = await densityLayer(this.target, level, this.box);
      if (this.p.field && this.run) {
        const f = this.p.deltaT;
        const tf_ = Math.min(Math.max(f > 0 ? Math.round(f * this.tab.T) : t, 1), this.tab.T);
        const lv = levelOf(this.tab, tf_);
        const approx = this.approxScore();
        this.grids.delta = await deltaLayer(this.box, (x) => approx(x, lv), (x) => this.exact(x, lv));
        info.field = `Δ_t arrows at t = ${tf_}`;
      }
    }
    const layers: Record<string, Layer> = { ...this.grids, ...this.fixed };
    Object.assign(layers, this.handleLayers());
    const metrics: Record<string, number> = {};
    if (!this.run) {
      layers.reference = { kind: 'points', xy: this.reference };
      if (req.metrics && Number.isFinite(this.loss)) metrics.dsm_loss = this.loss;
      info.phase = `training the score: ${this.trainSteps} / ${this.p.trainSteps} DSM steps`;
      return { iteration: 0, layers, metrics, info, box: this.box };
    }
    const xy = new Float32Array(await this.run.particles().data());
    const refT = noisedSamples(this.ref.x0, this.ref.z, level);
    layers.particles = { kind: 'points', xy };
    const refXY = new Float32Array(await refT.data());
    layers.reference = { kind: 'points', xy: refXY };
    refT.dispose();
    if (req.metrics) {
      Object.assign(metrics, await this.tracker!.metrics(), this.sweepMetrics);
      const sub = xy.subarray(0, 2 * Math.min(xy.length / 2, 2000));
      // along the run: against the noised target q_t (500 points); at the end: against 2000 clean target samples
      metrics.sw2_target_t = slicedW2(sub, refXY, this.rngs.metrics, 64);
      if (this.run.done) metrics.sw2 = slicedW2(sub, this.reference, this.rngs.metrics, 64);
    }
    info.phase = `step ${this.run.iteration} / ${this.tab.T}: particles at t = ${t}${this.run.done ? ' (final samples)' : ''}`;
    return { iteration: this.run.iteration, layers, metrics, info, box: this.box };
  }

  /**
   * Handles on the mixture the UI binds (the first visible 'points' param, see params.ts `edit`), an outline
   * of the other one: the training mixture when the target is edited, the target when the training is.
   */
  private handleLayers(): Record<string, Layer> {
    const train = this.p.score === 'mixture' ? this.p.train : null;
    const custom = this.p.target === 'custom';
    const editTrain = train !== null && (!custom || this.p.edit === 'training');
    if (editTrain) return { handles: { kind: 'handles', components: train }, outline: mixtureOutline(this.target) };
    const out: Record<string, Layer> = {};
    if (custom) out.handles = { kind: 'handles', components: this.target };
    if (train) out.outline = mixtureOutline(train);
    return out;
  }

  watch(): FiniteWatch[] {
    const run = this.run;
    if (!run) {
      // training the score network first
      if (this.trainSteps === 0) return [];
      return [{ what: "the score network's training loss", values: () => [this.loss], advice: () => 'Try fewer training steps or a smaller width.' }];
    }
    return [{
      what: 'the particles',
      values: () => [run.particles()],
      limit: 1e6,
      advice: () => `At t = ${run.t} the mismatched score is too strong or T too small: try a smaller ε or a larger T.`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.run?.dispose();
    this.tracker?.dispose();
    this.net?.dispose();
    this.trainData?.dispose();
    tf.dispose([this.ref.x0, this.ref.z]);
  }
}
