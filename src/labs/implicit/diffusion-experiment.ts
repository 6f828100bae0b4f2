// Finite-time mode: fine-tune a denoising diffusion toward a reward with a path-KL leash to the base, by
// the queue (T batches in flight, one reverse step each per θ update) or the nested baseline (all T steps
// per update). The base is the exact noised score of a mixture (hexagon or the user's) or a score MLP
// trained on it first (diffusion-base.ts: a training phase, `training` true). One iteration = one θ update.
import type { DiffusionParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { ParamMixture, softmax } from '../../core/implicit/param-mixture';
import { LogitsModel, MlpCorrectionModel, type DiffusionModel } from '../../core/implicit/diffusion-models';
import { stepCoefs } from '../../core/implicit/reverse-steps';
import { QueueLoop } from '../../core/implicit/queue-loop';
import { diffusionExact } from '../../core/implicit/diffusion-exact';
import { cosine } from '../../core/implicit/exact-flow';
import { rewardTensor } from '../../core/implicit/rewards';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { contourPaths } from './reward-contours';
import { rewardSpec } from './langevin-experiment';
import { DiffusionBase, TRAIN_PER_ITER } from './diffusion-base';
import { usesLogits } from './params';
import { MetricTrace } from '../common/trace';
import { LOSS_WINDOW, RunningMean } from '../common/running-mean';

type P = DiffusionParams;
const HEAT_N = 80;
/** finished batches kept for the fine-tuned cloud */
const KEEP = 8;

export class DiffusionExperiment implements Experiment {
  private main: QueueLoop | null = null;
  private companion: QueueLoop | null = null;
  private readonly logits: boolean;
  private readonly base: DiffusionBase;
  private readonly pm: ParamMixture;
  private readonly rngs: { model: Rng; main: Rng; comp: Rng };
  private recent: Tensor2D[] = [];
  private iter = 0;
  private heat: Layer | null = null;
  private contours: Layer | null = null;
  private contoursKey = '';
  private readonly trace = new MetricTrace();
  /** the DSM loss chart draws this beside each batch's loss: the trend a noisy loss hides */
  private lossAvg = new RunningMean(LOSS_WINDOW);

  constructor(private p: P, seed: number) {
    const root = new Rng(seed);
    this.rngs = { model: root.split(), main: root.split(), comp: root.split() };
    this.logits = usesLogits(p);
    this.base = new DiffusionBase(p, root);
    this.pm = new ParamMixture(this.base.mix, 'logits');
    if (!this.base.training) this.startFineTuning();
  }

  /** the learned base is still being trained (the headless runner steps until false) */
  get training(): boolean {
    return this.main === null;
  }

  private startFineTuning(): void {
    const p = this.p;
    const model: DiffusionModel = this.logits ? new LogitsModel(this.base.mix) : new MlpCorrectionModel(this.base.score(), p.correctionWidth, this.rngs.model);
    const coefs = stepCoefs(p.T);
    const eta = Number(this.logits ? p.eta : p.lr);
    const common = { model, coefs, batch: p.batch, reward: rewardSpec(p), lambda: p.lambda, eta, optimizer: this.logits ? ('sgd' as const) : ('adam' as const) };
    this.main = new QueueLoop({ ...common, loop: p.loop === 'nested' ? 'nested' : 'queue', rng: this.rngs.main });
    this.companion = p.nestedRun && p.loop !== 'nested' ? new QueueLoop({ ...common, loop: 'nested', rng: this.rngs.comp }) : null;
  }

  get iteration(): number {
    return this.iter;
  }

  get done(): boolean {
    return false;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      if (!this.main) {
        this.base.train(TRAIN_PER_ITER, (k, loss) => this.trace.record(k, { dsm_loss: loss, dsm_loss_avg: this.lossAvg.add(loss) }));
        if (!this.base.training) this.startFineTuning();
        continue;
      }
      this.main.iterate();
      this.companion?.tick(); // one sampler step per iteration: the nested loop at the queue's sampling cost
      this.recent.push(tf.clone(this.main.lastX0!));
      if (this.recent.length > KEEP) this.recent.shift()!.dispose();
      this.iter += 1;
      // everything an update reports is plain numbers (θ and the gradient live in JS): every update is charted
      this.trace.record(this.iter, this.updateMetrics(this.main, rewardSpec(this.p)));
    }
  }

  phaseLeft(): number {
    return this.main ? Infinity : Math.ceil((this.base.trainTarget - this.base.trainSteps) / TRAIN_PER_ITER);
  }

  drainTrace() {
    return this.trace.drain();
  }

  /** one θ update's numbers: the sampled reward and leash, and with logits the exact objective, weights and gradient cosine */
  private updateMetrics(m: QueueLoop, reward: ReturnType<typeof rewardSpec>): Record<string, number> {
    const lambda = this.p.lambda;
    const metrics: Record<string, number> = { sampler_steps: m.samplerSteps, reward: m.lastReward, reg: m.lastReg, objective: m.lastReward - lambda * m.lastReg };
    if (this.companion) metrics.reward_nested = this.companion.lastReward;
    if (this.logits) {
      const ex = diffusionExact(this.pm.base, m.theta, reward, lambda);
      Object.assign(metrics, { F_exact: ex.F, reward_exact: ex.reward, KL_exact: ex.kl });
      ex.weights.forEach((w, k) => (metrics[`w${k + 1}`] = w));
      if (m.lastGrad) metrics.grad_cosine = cosine(m.lastGrad, ex.grad);
      if (this.companion) metrics.F_nested = diffusionExact(this.pm.base, this.companion.theta, reward, lambda).F;
    }
    for (const k of Object.keys(metrics)) if (!Number.isFinite(metrics[k])) delete metrics[k];
    return metrics;
  }

  update(patch: Partial<P>): void {
    const next = { ...this.p, ...patch };
    const live = { eta: this.logits ? next.eta : next.lr, lambda: next.lambda, reward: rewardSpec(next) };
    this.main?.setLive(live);
    this.companion?.setLive(live);
    this.p = next;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const reward = rewardSpec(this.p);
    const m = this.main;
    const layers: Record<string, Layer> = { others: { kind: 'points', xy: this.base.shown } };
    await this.sharedLayers(layers, req, m?.theta ?? null, reward);
    if (!m) {
      const loss = this.base.takeLoss();
      const info = { phase: `training the base score MLP by DSM on the base mixture's samples: ${this.base.trainSteps} / ${this.base.trainTarget} steps` };
      return { iteration: this.base.trainSteps, layers, metrics: Number.isFinite(loss) ? { dsm_loss: loss } : {}, info, box: this.base.box };
    }
    const lambda = this.p.lambda;
    const metrics = this.updateMetrics(m, reward);
    if (this.recent.length) {
      const all = tf.concat(this.recent);
      layers.particles = { kind: 'points', xy: new Float32Array(await all.data()) };
      all.dispose();
    }
    const stages = m.stages();
    layers.queue = { kind: 'bars', labels: stages.map((_, i) => `B${stages.length - 1 - i}`), values: Float32Array.from(stages) };
    if (this.logits) {
      const ex = diffusionExact(this.pm.base, m.theta, reward, lambda);
      layers.weights = { kind: 'bars', labels: Array.from(ex.weights, (_, k) => String(k + 1)), values: Float32Array.from(ex.weights), reference: Float32Array.from(softmax(this.pm.base.logits)) };
    }
    const info = {
      loop: this.p.loop === 'nested' ? `nested: all T = ${this.p.T} steps per update` : `queue: ${stages.length} batches in flight, 1 step each per update`,
      model: this.logits ? `θ = logits, w = (${Array.from(softmax(m.theta), (v) => v.toFixed(2)).join(', ')})` : `θ = MLP ε-correction (${m.theta.length} weights)`,
      base: this.base.net ? `learned score MLP (${this.base.trainSteps} DSM steps; heatmap: the mixture it was trained on)` : 'exact noised mixture score',
    };
    return { iteration: this.iter, layers, metrics, info, box: this.base.box };
  }

  /** heat (fine-tuned mixture with logits, else the base mixture), reward contours, handles */
  private async sharedLayers(layers: Record<string, Layer>, req: SnapshotRequest, theta: Float32Array | null, reward: ReturnType<typeof rewardSpec>): Promise<void> {
    const box = this.base.box;
    if (req.grids || !this.heat) {
      const th = this.logits && theta ? theta : Float32Array.from(this.base.mix.logits);
      this.heat = await scalarGrid(box, HEAT_N, (x) => tf.neg(this.pm.energy(x, tf.tensor1d(th))), true);
    }
    layers.heat = this.heat;
    const key = JSON.stringify(reward);
    if (key !== this.contoursKey) {
      const g = await scalarGrid(box, HEAT_N, (x) => rewardTensor(x, reward), false);
      this.contours = contourPaths((g as { values: Float32Array }).values, HEAT_N, box, [0.2, 0.5, 0.8]);
      this.contoursKey = key;
    }
    if (this.p.paths && this.contours) layers.rewardContours = this.contours;
    // always a handles layer: the plane learns its scale for the click binding (the bump) from it
    layers.handles = { kind: 'handles', components: this.p.target === 'custom' ? this.p.comps : [] };
  }

  watch(): FiniteWatch[] {
    const main = this.main;
    if (!main) return [];
    return [{
      what: 'the fine-tuned parameters or the finished batch',
      // no finished batch yet (right after the learned base's training phase): nothing to check but θ
      values: () => (main.lastGrad ? [main.theta, main.lastGrad, main.lastReward] : [main.theta]),
      advice: () => `Lower the ${this.logits ? `learning rate (now ${this.p.eta})` : `Adam learning rate (now ${this.p.lr})`} or λ (now ${this.p.lambda}).`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.main?.dispose();
    this.companion?.dispose();
    this.base.dispose();
    for (const t of this.recent) t.dispose();
    this.recent = [];
  }
}
