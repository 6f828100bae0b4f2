// Conditional mode: a zero-shot rule samples p(x0 | y) with the prior's score (METHODS.md §2.2). One iteration
// is one reverse step t -> t−1 of N particles. With a Gaussian prior the sampler's law is also propagated in
// closed form, so KL(Q_{t|y} ‖ P_{t|y}), E‖Δ_t‖² and B_T are exact; with a mixture prior they are estimated
// (Monte Carlo for Δ, a KDE for the KL at t = 1) and the info line says so.
import type { CondParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { gmmSample, gmmScore } from '../../core/gmm';
import { mixtureBox } from '../../core/targets/box';
import type { Box, Mixture } from '../../core/types';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { w2ExactSubsampled } from '../../core/metrics/w2-exact';
import { makeCondSetup } from '../../core/mismatch/affine-rules';
import { propagateGaussian, type Propagation } from '../../core/mismatch/gaussian-propagation';
import { RULE_IDS, RULE_LABELS, type RuleId } from '../../core/mismatch/measurement';
import { makeMixtureCondSetup } from '../../core/mismatch/mixture-setup';
import { ReverseRun } from '../../core/mismatch/reverse-run';
import { levelOf, makeVpTable, type VpTable } from '../../core/mismatch/schedule';
import { SWEEP_SIGMA, SWEEP_T, klOverSigma, klOverT } from '../../core/mismatch/sweep';
import type { MixtureCondSetup } from '../../core/mismatch/tensor-rules';
import { ruleScoreAt, ruleStepFn } from '../../core/mismatch/rule-steps';
import { ddnmPlusVarExcessTable } from '../../core/mismatch/ddnm-plus';
import { meanSquaredMismatch, noisedSamples } from '../../core/mismatch/uncond-scores';
import { klKde } from '../../core/mismatch/kde-kl';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import type { Experiment, FiniteWatch } from '../types';
import { gaussFromParams, measurementFromParams, mixtureFromId } from './problem';
import { deltaLayer, densityLayer, measurementLayer } from './layers';
import { RunTracker } from './run-tracker';
import { MixtureSweep } from './cond-sweep';
import { MetricTrace } from '../common/trace';

type P = CondParams;
const REF_N = 1000;
const metricName = (r: RuleId) => r.replace('-', '_');

export class CondExperiment implements Experiment {
  private grids: Record<string, Layer> = {};
  private readonly tracker: RunTracker;
  private readonly trace = new MetricTrace();

  private constructor(
    private p: P,
    private readonly mix: MixtureCondSetup,
    private readonly prop: Propagation | null,
    private readonly tab: VpTable,
    private readonly run: ReverseRun,
    private readonly ref: { x0: Tensor2D; z: Tensor2D },
    private readonly fixed: Record<string, Layer>,
    private readonly sweepMetrics: Record<string, number>,
    private readonly box: Box,
    private readonly rngMetrics: Rng,
    private readonly notes: Record<string, string>,
    private readonly mixSweep: MixtureSweep | null,
  ) {
    const ex = this.rule === 'ddnm-plus' ? ddnmPlusVarExcessTable(tab, p.variance, mix.P, mix.sigmaYAssumed, mix.eta) : null;
    this.tracker = new RunTracker(tab, prop, (level, t) => meanSquaredMismatch(ref.x0, ref.z, level, (x) => ruleScoreAt(this.rule, mix, tab, x, t), (x, l) => gmmScore(x, mix.post, l)), ex, this.trace);
  }

  private get rule(): RuleId {
    return this.p.rule;
  }

  static async create(p: P, seed: number): Promise<CondExperiment> {
    const root = new Rng(seed);
    const [rRun, rRef, rMetrics] = [root.split(), root.split(), root.split()];
    const rule = p.rule;
    if (!RULE_IDS.includes(rule)) throw new Error(`unknown rule '${String(p.rule)}': ${RULE_IDS.join(', ')}`);
    const prior: Mixture = mixtureFromId(String(p.prior), p);
    const { meas, x0 } = measurementFromParams(p, prior, seed);
    const assumed = p.noiseMismatch === true ? p.sigmaYAssumed : meas.sigmaY;
    const zeta = p.zeta;
    const eta = p.eta;
    const mix = makeMixtureCondSetup(prior, meas, assumed, zeta, eta);
    const tab = makeVpTable(p.schedule, p.T);
    const variance = p.variance;
    const isGauss = p.prior === 'gaussian';
    const gauss = isGauss ? makeCondSetup(gaussFromParams(p), meas, assumed, zeta, eta) : null;
    const prop = gauss ? propagateGaussian(gauss, rule, tab, variance) : null;
    const box = mixtureBox(prior, 3.5);
    const fixed: Record<string, Layer> = { measurement: measurementLayer(meas.A, meas.y, box) };
    if (x0) fixed.truth = { kind: 'points', xy: Float32Array.from(x0) };
    const sweepMetrics: Record<string, number> = {};
    if (gauss) {
      const sT = klOverT(gauss, RULE_IDS, SWEEP_T, p.schedule, variance);
      fixed.sweepT = { kind: 'series', xs: sT.xs, ys: relabel(sT.ys) };
      const sS = klOverSigma(gauss.prior, meas.A, meas.y, zeta, RULE_IDS, SWEEP_SIGMA, tab.T, p.schedule, variance, eta);
      fixed.sweepSigma = { kind: 'series', xs: sS.xs, ys: relabel(sS.ys) };
      // every rule at this run's T (closed form, O(T) each): a CLI `--sweep T=...` then prints each T and rule
      const here = klOverT(gauss, RULE_IDS, [tab.T], p.schedule, variance);
      RULE_IDS.forEach((r) => (sweepMetrics[`kl_${metricName(r)}`] = here.ys[r][0]));
      if (p.sweep === true) {
        SWEEP_T.forEach((T, i) => RULE_IDS.forEach((r) => (sweepMetrics[`kl_T${T}_${metricName(r)}`] = sT.ys[r][i])));
      }
    }
    const run = new ReverseRun(p.particles, tab, variance, ruleStepFn(rule, mix, tab), rRun);
    const ref = { x0: gmmSample(REF_N, mix.post, rRef), z: tf.randomNormal([REF_N, 2], 0, 1, 'float32', rRef.seed()) as Tensor2D };
    const notes: Record<string, string> = {
      problem: `y = ${meas.y.map((v) => v.toFixed(3)).join(', ')}, σ_y = ${meas.sigmaY}${assumed !== meas.sigmaY ? ` (sampler assumes ${assumed})` : ''}`,
      bias: gauss ? 'KL, E‖Δ_t‖² and B_T: exact (Gaussian prior, closed-form propagation)' : `mixture prior: E‖Δ_t‖² by Monte Carlo, KL by a KDE estimate at t = 1 (biased), W₂ exact on 300-point subsamples, no closed form${p.sweep === true ? '' : '; turn on "Report the sweep" for KL/SW₂ against T (sample estimates)'}`,
    };
    let mixSweep: MixtureSweep | null = null;
    if (p.sweep === true && !gauss) {
      const x0xy = new Float32Array(await ref.x0.data());
      mixSweep = new MixtureSweep(mix, p.schedule, variance, { ...ref, x0xy }, seed);
    }
    return new CondExperiment(p, mix, prop, tab, run, ref, fixed, sweepMetrics, box, rMetrics, notes, mixSweep);
  }

  get iteration(): number {
    return this.run.iteration;
  }

  get done(): boolean {
    return this.run.done;
  }

  phaseLeft(): number {
    return this.tab.T - this.run.iteration;
  }

  drainTrace() {
    return this.trace.drain();
  }

  step(n: number): void {
    for (let i = 0; i < n && !this.run.done; i++) {
      this.tracker.before(this.run.t);
      this.run.step();
      this.tracker.after(this.run);
    }
  }

  update(patch: Partial<P>): void {
    this.p = { ...this.p, ...patch };
  }

  private fieldT(): number {
    const f = this.p.deltaT;
    const t = f > 0 ? Math.round(f * this.tab.T) : this.run.t;
    return Math.min(Math.max(t, 1), this.tab.T);
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const t = this.run.t;
    const level = levelOf(this.tab, t);
    const xy = new Float32Array(await this.run.particles().data());
    const refT = noisedSamples(this.ref.x0, this.ref.z, level);
    const refXY = new Float32Array(await refT.data());
    refT.dispose();
    if (req.grids) {
      this.grids = {};
      if (this.p.density !== 'off') this.grids.density = await densityLayer(this.mix.post, level, this.box);
      if (this.p.field) {
        const tf_ = this.fieldT();
        const lv = levelOf(this.tab, tf_);
        this.grids.delta = await deltaLayer(this.box, (x) => ruleScoreAt(this.rule, this.mix, this.tab, x, tf_), (x) => gmmScore(x, this.mix.post, lv));
      }
    }
    const layers: Record<string, Layer> = { ...this.grids, ...this.fixed, particles: { kind: 'points', xy }, reference: { kind: 'points', xy: refXY } };
    const sweepInfo = await this.advanceSweep(req.metrics, layers);
    // an empty handles layer still gives the plane its scale for the click binding (plots/handles.ts only
    // learns the scale from a handles layer; without one a click on the plane is ignored)
    layers.handles = { kind: 'handles', components: this.p.prior === 'custom' ? this.mix.prior : [] };
    const metrics: Record<string, number> = req.metrics ? { ...(await this.tracker.metrics()), ...this.sweepMetrics } : {};
    if (req.metrics) {
      metrics.sw2_posterior = slicedW2(xy.subarray(0, 2 * Math.min(xy.length / 2, 2000)), refXY, this.rngMetrics, 64);
      if (this.prop) metrics.kl_closed_form = this.prop.kl;
      const x1 = this.tracker.x1;
      if (!this.prop && x1) metrics.kl_kde = await this.klAtOne(x1);
      if (this.run.done) metrics.w2_posterior = await this.w2Final(xy);
      if (this.mixSweep) Object.assign(metrics, this.mixSweep.metrics());
    }
    const info: Record<string, string> = {
      ...this.notes,
      phase: `step ${this.run.iteration} / ${this.tab.T}: particles at t = ${t}${this.run.done ? ' (final samples)' : ''}`,
      rule: RULE_LABELS[this.rule],
      field: this.p.field ? `Δ_t arrows at t = ${this.fieldT()}` : '',
      ...sweepInfo,
    };
    return { iteration: this.run.iteration, layers, metrics, info, box: this.box };
  }

  /**
   * The mixture-prior T sweep: one (rule, T) point per metrics frame while the run plays, the rest once it is
   * done (so the CLI's final line has all of it); its curves go to the sweepT / sweepSW layers.
   */
  private async advanceSweep(metricsFrame: boolean, layers: Record<string, Layer>): Promise<Record<string, string>> {
    const sw = this.mixSweep;
    if (!sw) return {};
    if (metricsFrame && !sw.done) await sw.advance(this.run.done ? sw.total : 1);
    const l = sw.layers();
    layers.sweepT = l.kl;
    layers.sweepSW = l.sw2;
    return { sweep: `T sweep (sample estimate, mixture prior): ${sw.progress}${sw.done ? ', done' : ''}` };
  }

  /** exact W2 (Hungarian, 300-point subsamples) of the final samples to exact posterior samples, once */
  private w2Cache: number | null = null;
  private async w2Final(xy: Float32Array): Promise<number> {
    if (this.w2Cache === null) {
      const post = new Float32Array(await this.ref.x0.data());
      this.w2Cache = w2ExactSubsampled(xy, post, this.rngMetrics, 300);
    }
    return this.w2Cache;
  }

  private kdeCache: number | null = null;
  private async klAtOne(x1: Float32Array): Promise<number> {
    if (this.kdeCache !== null) return this.kdeCache;
    const q1 = noisedSamples(this.ref.x0, this.ref.z, levelOf(this.tab, 1));
    const l = levelOf(this.tab, 1);
    const post1 = this.mix.post.map((c) => ({ w: c.w, mean: [l.a * c.mean[0], l.a * c.mean[1]] as [number, number], cov: [l.a ** 2 * c.cov[0] + l.s2, l.a ** 2 * c.cov[1], l.a ** 2 * c.cov[2] + l.s2] as [number, number, number] }));
    this.kdeCache = await klKde(post1, q1, x1);
    q1.dispose();
    return this.kdeCache;
  }

  watch(): FiniteWatch[] {
    return [{
      what: `the ${RULE_LABELS[this.rule]} particles`,
      values: () => [this.run.particles()],
      // far off the plot
      limit: this.farLimit(),
      advice: () => (this.rule === 'dps' ? `At t = ${this.run.t} the DPS step ζ = ${this.p.zeta} is too large for T = ${this.tab.T}: try a smaller ζ or a larger T.` : `It happened at t = ${this.run.t}: try a larger T or σ_y > 0.`),
    }];
  }

  /** particles 100 plot-widths away are a diverging rule, not a sample */
  private farLimit(): number {
    return 100 * Math.max(Math.abs(this.box.xmin), Math.abs(this.box.xmax), Math.abs(this.box.ymin), Math.abs(this.box.ymax));
  }

  dispose(): void {
    this.trace.dispose();
    this.run.dispose();
    this.tracker.dispose();
    tf.dispose([this.ref.x0, this.ref.z]);
  }
}

function relabel(ys: Record<string, Float32Array>): Record<string, Float32Array> {
  return Object.fromEntries(Object.entries(ys).map(([k, v]) => [RULE_LABELS[k as RuleId] ?? k, v]));
}
