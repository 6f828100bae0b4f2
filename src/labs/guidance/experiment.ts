// The Gradient-guidance lab (Guo et al. 2024). One iteration is one guidance round: a full guided DDPM
// reverse pass of the batch (Algorithm 1), preceded in Algorithm 2 by one fine-tuning step of the score
// network on the newest batch. With a learned prior a pre-training phase comes first (its own counter).
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { makeSchedule, type Schedule } from '../../core/schedules';
import { createScoreNet } from '../../core/nets/score-net';
import type { ScoreNet } from '../../core/nets/types';
import { checkGuidanceOptions, type GuidanceOptions } from '../../core/guidance/guidance';
import { exactPrior, makeData, scorePrior } from '../../core/guidance/priors';
import { makeReward, type Reward } from '../../core/guidance/rewards';
import { guidedReverse, guidedRoundGroups, type RoundGroup } from '../../core/guidance/rounds';
import type { DataSpec, Prior } from '../../core/guidance/types';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { usesNet, type GuidanceParams } from './params';
import { SWEEP_DELTAS, SWEEP_KINDS, frontLayers, guidanceFields, rewardHeat, roundMetrics, rowValues } from './view-data';
import { MetricTrace } from '../common/trace';
import { LOSS_WINDOW, RunningMean } from '../common/running-mean';

type P = GuidanceParams;
const TRAIN_N = 20000;
export const TRAIN_PER_ITER = 10;

export class GuidanceExperiment implements Experiment {
  private z: Tensor2D | null = null;
  private round = 0;
  private trained = 0;
  private lossSum = 0;
  private lossCount = 0;
  private prior: Prior;
  private heat: Layer | null = null;
  private readonly trace = new MetricTrace();
  /** the DSM loss chart draws this beside each batch's loss: the trend a noisy loss hides */
  private lossAvg = new RunningMean(LOSS_WINDOW);
  private readonly groups: RoundGroup[];
  private readonly rows: number;
  private readonly B: number;
  private readonly Bs: number;
  private readonly guide: GuidanceOptions;
  private readonly dataRef: Float32Array;

  private constructor(
    private p: P,
    private readonly data: DataSpec,
    private readonly reward: Reward,
    private readonly sched: Schedule,
    private readonly rng: Rng,
    private net: ScoreNet | null,
    private trainData: Tensor2D | null,
    dataRef: Float32Array,
  ) {
    this.dataRef = dataRef;
    this.prior = net ? scorePrior(net.score) : exactPrior(data);
    this.B = p.batch;
    this.Bs = p.sweep ? Math.min(this.B, 32) : 0;
    this.guide = { kind: p.guidance, sigma: p.sigma, betaScale: p.betaScale, betaConst: p.beta };
    // the δ sweep runs twice, with G_loss and with naive G, so the front shows both curves
    const sweepDelta = new Float32Array(SWEEP_DELTAS.length * this.Bs);
    SWEEP_DELTAS.forEach((d, i) => sweepDelta.fill(d, i * this.Bs, (i + 1) * this.Bs));
    this.groups = [{ rows: this.B, delta: new Float32Array(this.B).fill(p.delta), opts: this.guide }];
    if (this.Bs) for (const kind of SWEEP_KINDS) this.groups.push({ rows: sweepDelta.length, delta: sweepDelta, opts: { ...this.guide, kind } });
    this.rows = this.groups.reduce((n, g) => n + g.rows, 0);
    if (!net || p.trainSteps <= 0) this.startRounds();
  }

  static async create(p: P, seed: number): Promise<GuidanceExperiment> {
    const delta = p.delta;
    if (!(delta >= 0) || !Number.isFinite(delta)) throw new Error(`the increment δ must be a number >= 0, got ${p.delta}`);
    const guide = { kind: p.guidance, sigma: p.sigma, betaScale: p.betaScale, betaConst: p.beta };
    checkGuidanceOptions(guide);
    const phi = (p.phi * Math.PI) / 180;
    const data = makeData(p.data, phi, { components: p.comps, points: p.drawn });
    const reward = makeReward(p.reward, { phi, ratio: p.ratio, b: [p.bx, p.by] });
    const sched = makeSchedule('cosine', p.T);
    const root = new Rng(seed);
    const rData = root.split();
    const rNet = root.split();
    const ref = data.sample(500, rData);
    const dataRef = new Float32Array(await ref.data());
    ref.dispose();
    let net: ScoreNet | null = null;
    let trainData: Tensor2D | null = null;
    if (usesNet(p)) {
      net = createScoreNet({ hidden: p.hidden, depth: 3, lr: p.lr, batch: 512, dataScale: data.scale, rng: rNet });
      trainData = data.sample(TRAIN_N, rData);
    }
    return new GuidanceExperiment(p, data, reward, sched, root.split(), net, trainData, dataRef);
  }

  get training(): boolean {
    return this.z === null;
  }
  get iteration(): number {
    return this.round;
  }
  get done(): boolean {
    return this.round >= this.p.rounds;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.z === null) {
        for (let j = 0; j < TRAIN_PER_ITER && this.trained < this.p.trainSteps; j++) {
          const loss = this.net!.trainStep(this.trainData!);
          this.addLoss(loss);
          this.trained++;
          this.trace.record(this.trained, { dsm_loss: loss, dsm_loss_avg: this.lossAvg.add(loss) });
        }
        if (this.trained >= this.p.trainSteps) this.startRounds();
        continue;
      }
      if (this.done) return;
      const ft = this.p.algorithm === '2' && this.round >= this.p.ftStart ? this.fineTune() : undefined;
      const next = guidedRoundGroups(this.prior, this.sched, this.reward, this.z, this.groups, this.rng);
      this.z.dispose();
      this.z = next;
      this.round++;
      this.traceRound(ft);
    }
  }

  /** the round's reward and off-subspace numbers of the main batch, read with the next frame */
  private traceRound(ftLoss: number | undefined): void {
    const z = this.z!;
    const main = tf.tidy(() => {
      const rows = tf.slice(z, [0, 0], [this.B, 2]) as Tensor2D;
      const out: Record<string, tf.Tensor> = { reward: this.reward.value(rows) };
      if (this.data.offSupport) out.off = this.data.offSupport(rows);
      return out;
    });
    this.trace.record(this.round, { ft_loss: ftLoss }, main, (raw) => roundMetrics({ reward: raw.reward, off: raw.off ?? null }, this.B));
  }

  phaseLeft(): number {
    if (this.z === null) return Math.ceil((this.p.trainSteps - this.trained) / TRAIN_PER_ITER);
    return this.p.rounds - this.round;
  }

  drainTrace() {
    return this.trace.drain();
  }

  private addLoss(v: number): void {
    this.lossSum += v;
    this.lossCount++;
  }

  /** the loss average since the last frame, under the phase's own key (pre-training vs fine-tuning) */
  private takeLoss(metrics: Record<string, number>, key: string): void {
    if (this.lossCount) metrics[key] = this.lossSum / this.lossCount;
    this.lossSum = this.lossCount = 0;
  }

  /** Algorithm 2: ftSteps Adam steps of DSM on the newest main batch (the sweep rows are not trained on) */
  private fineTune(): number {
    const batch = tf.slice(this.z!, [0, 0], [this.B, 2]) as Tensor2D;
    let sum = 0;
    const k = this.p.ftSteps;
    for (let j = 0; j < k; j++) {
      const loss = this.net!.trainStep(batch);
      this.addLoss(loss);
      sum += loss;
    }
    batch.dispose();
    return k > 0 ? sum / k : NaN;
  }

  /** z_0: unguided samples of the prior. Algorithm 2 swaps in a net with the fine-tuning learning rate. */
  private startRounds(): void {
    this.trainData?.dispose();
    this.trainData = null;
    if (this.net && this.p.algorithm === '2') {
      const ft = createScoreNet({ hidden: this.p.hidden, depth: 3, lr: this.p.ftLr, batch: this.B, dataScale: this.data.scale, rng: this.rng });
      ft.setWeights(this.net.getWeights());
      this.net.dispose();
      this.net = ft;
      this.prior = scorePrior(ft.score);
    }
    this.z = guidedReverse(this.prior, this.sched, this.rows, null, null, { ...this.guide, kind: 'none' }, this.rng);
  }

  update(patch: Partial<P>): void {
    this.p = { ...this.p, ...patch };
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const info: Record<string, string> = { objective: this.reward.describe };
    const box = this.data.box;
    if (req.grids || !this.heat) this.heat ??= await rewardHeat(box, this.reward);
    const layers: Record<string, Layer> = { reward: this.heat, data: { kind: 'points', xy: this.dataRef } };
    if (this.data.id === 'custom' && this.data.mixture) layers.handles = { kind: 'handles', components: this.data.mixture };
    if (!this.data.offSupport) info.off = 'not reported: this data has no lower-dimensional manifold (line and circle only)';
    const metrics: Record<string, number> = {};
    this.takeLoss(metrics, this.z && this.round > 0 && this.p.algorithm === '2' ? 'ft_loss' : 'dsm_loss');
    if (this.z === null) {
      info.phase = `pre-training the score: ${this.trained} / ${this.p.trainSteps} DSM steps`;
      return { iteration: this.trained, layers, metrics, info, box };
    }
    const v = await rowValues(this.z, this.reward, this.data);
    // not a params cast: data() is typed for every dtype, and the samples are float32
    const xy = (await this.z.data()) as Float32Array;
    layers.samples = { kind: 'points', xy: xy.slice(0, 2 * this.B) };
    if (this.Bs) {
      layers.sweepSamples = { kind: 'points', xy: xy.slice(2 * this.B) };
      Object.assign(layers, frontLayers(v, this.B, this.Bs, SWEEP_KINDS));
    }
    Object.assign(metrics, roundMetrics(v, this.B));
    if (req.grids) {
      const f = await guidanceFields(box, this.prior, this.sched, this.p.fieldT, this.reward, this.p.delta, this.guide);
      layers.fieldNaive = f.naive;
      layers.fieldLoss = f.gloss;
    }
    info.phase = `round ${this.round} / ${this.p.rounds}${this.done ? ' (done)' : ''}`;
    info.score = this.net ? `learned (${this.trained} DSM steps${this.p.algorithm === '2' ? `, fine-tuned from round ${this.p.ftStart}` : ''})` : 'exact';
    return { iteration: this.round, layers, metrics, info, box };
  }

  watch(): FiniteWatch[] {
    // (the iteration the engine names is the round)
    return [{
      what: 'the samples',
      values: () => [this.z],
      limit: 1e6,
      advice: () => `Try a smaller increment δ (now ${this.p.delta}), a smaller β scale or constant β, or a larger reward noise σ.`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.z?.dispose();
    this.z = null;
    this.net?.dispose();
    this.trainData?.dispose();
  }
}
