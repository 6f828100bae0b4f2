// The Samplers lab: one target, one sampler, one score (exact or learned). One iteration is one
// sampler step; when the score must be learned, a training phase comes first (its own counter and
// loss curve), then sampling starts from fresh particles.
import type { SamplersParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import type { ScoreFn } from '../../core/types';
import { makeTarget } from '../../core/targets/registry';
import { formulaSpecOf } from '../common/formula-keys';
import type { Target } from '../../core/targets/types';
import { TARGETS } from '../../core/targets/catalog';
import { createSampler, defaultAnnealSigmas, loadSamplers } from '../../core/samplers/registry';
import type { Sampler, SettingsPatch, StepInfo } from '../../core/samplers/types';
import { SAMPLERS, samplerNeeds, type SamplerEntry, type SettingSpec, type SettingValue } from '../../core/samplers/catalog';
import { makeSchedule } from '../../core/schedules';
import { createScoreNet } from '../../core/nets/score-net';
import { gmmScoreFast } from '../../core/fused/gmm-fused';
import type { ScoreNet } from '../../core/nets/types';
import type { Experiment, FiniteWatch, ParamValue } from '../types';
import type { Layer, Snapshot, SnapshotRequest, TraceRow } from '../../protocol/snapshot';
import { planScore, type ScorePlan } from './score-source';
import { SamplersView } from './view-data';
import { computeMetrics } from './metrics';
import { spread } from '../../core/metrics/points';
import { MetricTrace } from '../common/trace';
import { AcceptanceWatch, smallerStep, STUCK_BELOW, STUCK_WINDOW } from '../common/stall';
import type { RunAdvice } from '../../protocol/snapshot';
import { LOSS_WINDOW, RunningMean } from '../common/running-mean';
import { ChainFollow } from './chain-follow';
import { ChainHistory } from './chain-history';

type P = SamplersParams;
const REFERENCE_N = 2000;
const TRAIN_DATA_N = 20000;
/** training steps per lab iteration during the training phase */
export const TRAIN_PER_ITER = 10;
/** a sampler's settings from the params, by URL key, typed as their specs say */
function settingValues(entry: SamplerEntry, p: Partial<P>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  // by the catalog's keys: the entry names its settings at run time (a test's made-up sampler too)
  const byKey: Readonly<Record<string, ParamValue>> = p;
  for (const s of entry.settings) if (s.key in p) out[s.key] = settingValue(s, byKey[s.key]);
  return out;
}
/** the trace rows and the chains' rows, one row per x (the chart reads each key's points) */
function mergeRows(a: TraceRow[], b: TraceRow[]): TraceRow[] {
  const byX = new Map<number, TraceRow>();
  for (const r of [...a, ...b]) {
    const seen = byX.get(r.x);
    if (seen) Object.assign(seen.m, r.m);
    else byX.set(r.x, { x: r.x, m: { ...r.m } });
  }
  return [...byX.values()].sort((u, v) => u.x - v.x);
}

const settingValue = (s: SettingSpec, v: ParamValue): SettingValue =>
  s.kind === 'number' || s.kind === 'int' ? Number(v) : s.kind === 'bool' ? v === true : String(v);

export class SamplersExperiment implements Experiment {
  private sampler: Sampler | null = null;
  private trainSteps = 0;
  private lossSum = 0;
  private lossCount = 0;
  private lastInfo: StepInfo | null = null;
  private view: SamplersView;
  /** every training step's loss and every sampler step's acceptance, for the charts */
  private readonly trace = new MetricTrace();
  /** MALA/HMC: says when the chain stopped moving (acceptance under 1% for STUCK_WINDOW iterations) */
  private readonly stall = new AcceptanceWatch();
  /** a few chains' recent history for the MCMC diagnostics (trace, autocorrelation, ESS, split-R̂) */
  private readonly history = new ChainHistory();
  /** chain 0 step by step, while the single-chain view is on */
  private readonly follow = new ChainFollow();
  /** the latest autocorrelation curves (recomputed with the costly metrics, drawn every frame) */
  private acf: Layer | null = null;
  /** the DSM loss chart draws this beside each batch's loss: the trend a noisy loss hides */
  private lossAvg = new RunningMean(LOSS_WINDOW);

  private constructor(
    private p: P,
    private readonly target: Target,
    private readonly plan: ScorePlan,
    private readonly reference: Float32Array,
    private readonly dataScale: number,
    private readonly rng: { sampler: Rng; metrics: Rng },
    private readonly net: ScoreNet | null,
    private trainData: Tensor2D | null,
  ) {
    this.view = new SamplersView(target, reference);
    if (!net || p.trainSteps <= 0) this.startSampling();
  }

  static async create(p: P, seed: number): Promise<SamplersExperiment> {
    // every sampler's class (small chunks, once): the plan may run another than the one picked (ULA for MALA without a density)
    await loadSamplers();
    const root = new Rng(seed);
    const rTarget = root.split();
    const rSampler = root.split();
    const rNet = root.split();
    const rMetrics = root.split();
    const target = makeTarget(p.target, { components: p.comps, points: p.drawn, formula: p.target === 'formula' ? formulaSpecOf(p) : undefined });
    const plan = planScore(TARGETS[target.id], SAMPLERS[p.sampler], p.score as 'exact' | 'learned');
    const refT = target.sample(REFERENCE_N, rTarget);
    const reference = new Float32Array(await refT.data());
    refT.dispose();
    const dataScale = spread(reference);
    let net: ScoreNet | null = null;
    let trainData: Tensor2D | null = null;
    if (plan.useLearned) {
      net = createScoreNet({ hidden: p.hidden, depth: 3, lr: p.lr, batch: 512, dataScale, rng: rNet });
      trainData = target.sample(TRAIN_DATA_N, rTarget);
    }
    return new SamplersExperiment(p, target, plan, reference, dataScale, { sampler: rSampler, metrics: rMetrics }, net, trainData);
  }

  get training(): boolean {
    return this.sampler === null;
  }

  get iteration(): number {
    return this.sampler?.iteration ?? 0;
  }

  get done(): boolean {
    return this.sampler?.done ?? false;
  }

  phaseLeft(): number {
    if (this.sampler === null) return Math.ceil((this.p.trainSteps - this.trainSteps) / TRAIN_PER_ITER);
    return this.sampler.length - this.sampler.iteration;
  }

  async drainTrace() {
    const rows = await this.trace.drain();
    this.stall.observeRows(rows);
    const chains = await this.history.flush();
    return chains.length ? mergeRows(rows, chains) : rows;
  }

  /** the diagnostics are for chains: MCMC samplers, not a walk down noise levels */
  private get chains(): boolean {
    return SAMPLERS[this.plan.sampler].family === 'mcmc';
  }

  step(n: number): void {
    const t0 = Date.now(); // core code has no DOM types; ms resolution over a frame's steps is enough
    let sampled = 0;
    for (let i = 0; i < n; i++) {
      if (this.sampler === null) {
        this.train(TRAIN_PER_ITER);
        continue;
      }
      if (this.sampler.done) break;
      const info = this.sampler.step();
      sampled++;
      this.view.recordLevel(info.level);
      // MALA/HMC acceptance and a sampler's other scalars (parallel tempering's swap rate) stay on the
      // device: the trace reads every step's at the next frame, in one transfer
      this.lastInfo = info;
      if (info.acceptTensor || info.stats) this.trace.record(this.sampler.iteration, {}, { accept_rate: info.acceptTensor?.(), ...info.stats?.() });
      this.view.recordPath(this.sampler.particles());
      if (this.p.follow) this.follow.record(this.sampler);
      if (this.chains) this.history.record(this.sampler.particles());
    }
    if (sampled && this.chains) this.history.addTime((Date.now() - t0) / 1000, sampled);
  }

  private train(k: number): void {
    const net = this.net!;
    for (let j = 0; j < k && this.trainSteps < this.p.trainSteps; j++) {
      const loss = net.trainStep(this.trainData!);
      this.lossSum += loss;
      this.lossCount += 1;
      this.trainSteps += 1;
      this.trace.record(this.trainSteps, { dsm_loss: loss, dsm_loss_avg: this.lossAvg.add(loss) });
    }
    if (this.trainSteps >= this.p.trainSteps) this.startSampling();
  }

  private startSampling(): void {
    this.trainData?.dispose();
    this.trainData = null;
    const p = this.p;
    const id = this.plan.sampler;
    const entry = SAMPLERS[id];
    const needs = samplerNeeds(entry);
    // an exact mixture score runs as one fused kernel where the backend has it (core/fused/): nothing
    // differentiates through the score here, so the kernel needs no gradient
    const mixture = this.plan.useLearned ? undefined : this.target.mixture;
    const score: ScoreFn = this.plan.useLearned ? this.net!.score : mixture ? (x, l) => gmmScoreFast(x, mixture, l) : this.target.score!;
    const n = p.particles;
    const init = needs.startsFromNoise ? tf.randomNormal([n, 2], 0, 1, 'float32', this.rng.sampler.seed()) as Tensor2D : this.initParticles(n);
    const sigmaMax = 2 * this.dataScale;
    const sigmaMin = 0.01 * this.dataScale;
    // the noise levels it walks: a VE ladder from the data's spread, or the VP schedule of the params
    const annealed = needs.levels === 'ladder';
    this.sampler = createSampler(id, {
      init, score, mixture, rng: this.rng.sampler,
      logDensity: this.target.logDensity,
      // annealed: the user's step is epsilon in alpha_i = epsilon * sigma_i^2 (stable for any data scale);
      // the sampler takes alpha at the smallest level, h * sigma_i^2 / sigma_L^2
      step: annealed ? p.step * sigmaMin * sigmaMin : p.step,
      leapfrog: p.leapfrog,
      schedule: needs.levels === 'schedule' ? makeSchedule(p.schedule, p.T) : undefined,
      eta: p.eta,
      integrator: p.integrator === 'euler' ? 'euler' : 'heun',
      annealSigmas: annealed ? defaultAnnealSigmas(sigmaMax, sigmaMin, p.levels) : undefined,
      annealStepsPerLevel: p.perLevel,
      settings: settingValues(entry, p),
    });
    this.view.reset(this.sampler.particles());
    this.stall.reset();
    this.history.reset(0);
    this.sampler.follow?.(p.follow);
    this.follow.reset();
  }

  private initParticles(n: number): Tensor2D {
    const b = this.target.box;
    const seed = this.rng.sampler.seed();
    return tf.tidy(() => {
      if (this.p.init === 'uniform') {
        const u = tf.randomUniform([n, 2], 0, 1, 'float32', seed);
        return tf.add(tf.mul(u, tf.tensor1d([b.xmax - b.xmin, b.ymax - b.ymin])), tf.tensor1d([b.xmin, b.ymin])) as Tensor2D;
      }
      if (this.p.init === 'corner') {
        const w = Math.min(b.xmax - b.xmin, b.ymax - b.ymin);
        return tf.add(tf.randomNormal([n, 2], 0, 0.02 * w, 'float32', seed), tf.tensor1d([b.xmin + 0.1 * w, b.ymin + 0.1 * w])) as Tensor2D;
      }
      return tf.randomNormal([n, 2], 0, 1, 'float32', seed) as Tensor2D;
    });
  }

  /** the engine hands only keys the schema marks live for these params (params.ts: from the catalog) */
  update(patch: Partial<P>): void {
    // the running sampler's own settings go to it; other samplers' settings do not touch this run
    const samplerPatch: SettingsPatch = settingValues(SAMPLERS[this.plan.sampler], patch);
    if (this.sampler && Object.keys(samplerPatch).length && !this.sampler.update(samplerPatch)) {
      throw new Error(`sampler '${this.plan.sampler}' does not take ${Object.keys(samplerPatch).join(', ')} live, but the schema said it would (core/samplers/catalog.ts)`);
    }
    if (patch.follow !== undefined && this.sampler) {
      this.sampler.follow?.(patch.follow);
      this.follow.reset();
    }
    // the chains' law changed: diagnostics over the old and the new law together would mean nothing
    if (this.sampler && Object.keys(samplerPatch).length) this.history.reset(this.sampler.iteration);
    this.p = { ...this.p, ...patch };
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const info: Record<string, string> = {};
    this.plan.notes.forEach((n, i) => (info[`note${i}`] = n));
    if (this.sampler === null) {
      const loss = this.lossCount ? this.lossSum / this.lossCount : NaN;
      this.lossSum = this.lossCount = 0;
      info.phase = `training the score: ${this.trainSteps} / ${this.p.trainSteps} steps`;
      const layers = await this.view.trainingLayers(this.p, req.grids);
      return { iteration: this.trainSteps, layers, metrics: Number.isFinite(loss) ? { dsm_loss: loss } : {}, info, box: this.target.box };
    }
    const x = this.sampler.particles();
    const xy = new Float32Array(await x.data());
    const layers = await this.view.samplingLayers(this.p, xy, req.grids, this.net);
    const metrics = req.metrics ? await computeMetrics(this.target, x, xy, this.reference, this.rng.metrics) : {};
    // read without a sync: a synchronous GPU read-back (dataSync) stalls a real GPU and, on the SwiftShader
    // WebGPU adapter, loses the device
    const acceptT = this.lastInfo?.acceptTensor?.();
    const accept = acceptT ? (await acceptT.data())[0] : undefined;
    acceptT?.dispose();
    if (accept !== undefined && Number.isFinite(accept)) metrics.accept_rate = accept;
    if (this.chains && req.metrics) {
      const it = Math.max(1, this.sampler.iteration);
      const d = this.history.diagnostics({ gradients: this.sampler.cost.gradients / it, densities: this.sampler.cost.densities / it });
      Object.assign(metrics, d.metrics);
      if (d.acf) this.acf = d.acf;
      if (d.capped) info.essNote = 'ESS: the autocorrelation has not died out within the lags summed: it is an upper bound';
    }
    if (this.chains && this.acf) layers.acf = this.acf;
    const chain = this.p.follow ? this.follow.layer() : null;
    if (chain) layers.chain = chain;
    const stats = this.lastInfo?.stats?.();
    if (stats) {
      const keys = Object.keys(stats);
      const vals = keys.length ? await Promise.all(keys.map((k) => stats[k].data())) : [];
      tf.dispose(Object.values(stats));
      keys.forEach((k, i) => {
        if (Number.isFinite(vals[i][0])) metrics[k] = vals[i][0];
      });
    }
    const s = this.sampler;
    info.phase = Number.isFinite(s.length) ? `step ${s.iteration} / ${s.length}${s.done ? ' (final samples)' : ''}` : `step ${s.iteration}`;
    info.score = this.plan.useLearned ? `learned (${this.trainSteps} DSM steps)` : 'exact';
    info.sampler = this.plan.sampler;
    const advice = this.stallAdvice();
    return { iteration: s.iteration, layers, metrics, info, box: this.target.box, ...(advice ? { advice } : {}) };
  }

  /** a MALA/HMC chain rejecting (nearly) every proposal: what it is and the step that fixes it */
  private stallAdvice(): RunAdvice | null {
    if (!this.stall.stuck) return null;
    const step = this.p.step;
    const next = smallerStep(step);
    const name = SAMPLERS[this.plan.sampler].name;
    return {
      message: `The chain has stopped moving: ${name} accepted ${(100 * this.stall.mean).toFixed(2)}% of its proposals over the last ${STUCK_WINDOW} iterations (below ${100 * STUCK_BELOW}%).`,
      suggestion: `The step size ${step} is too large for this target: try ${next} (a tenth of it).`,
      fix: { key: 'step', value: next, label: `Use step size ${next}` },
    };
  }

  watch(): FiniteWatch[] {
    return [{
      what: 'particle positions',
      values: () => [this.sampler?.particles()],
      limit: 1e8,
      advice: () => `Try ${samplerNeeds(SAMPLERS[this.plan.sampler]).levels === 'schedule' ? 'more steps T' : `a smaller step size than ${this.p.step}`}.`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.history.dispose();
    this.sampler?.dispose();
    this.net?.dispose();
    this.trainData?.dispose();
    this.view.dispose();
  }
}
