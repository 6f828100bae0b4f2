// Finite-time mode: fine-tune a denoising diffusion (base = the hexagon mixture's exact noised score) toward
// a reward with a path-KL leash to the base, by the queue (T batches in flight, one reverse step each per
// θ update) or the nested baseline (all T steps per update). One iteration = one θ update.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import type { Box, Mixture } from '../../core/types';
import { gmmSample } from '../../core/gmm';
import { squareBox } from '../../core/targets/box';
import { hexMixture, ParamMixture, softmax } from '../../core/implicit/param-mixture';
import { LogitsModel, MlpCorrectionModel } from '../../core/implicit/diffusion-models';
import { stepCoefs } from '../../core/implicit/reverse-steps';
import { QueueLoop } from '../../core/implicit/queue-loop';
import { diffusionExact } from '../../core/implicit/diffusion-exact';
import { cosine } from '../../core/implicit/exact-flow';
import { rewardTensor } from '../../core/implicit/rewards';
import type { Experiment, ParamValue } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { contourPaths } from './reward-contours';
import { rewardSpec } from './langevin-experiment';

type P = Record<string, ParamValue>;
const HEAT_N = 80;
const BASE_N = 1000;
/** finished batches kept for the fine-tuned cloud */
const KEEP = 8;
const LIVE = new Set(['deta', 'dlambda', 'bumpX', 'bumpY', 'bumpWidth', 'speed', 'density', 'paths']);

export class DiffusionExperiment implements Experiment {
  private readonly main: QueueLoop;
  private readonly companion: QueueLoop | null;
  private readonly logits: boolean;
  private readonly pm = new ParamMixture(hexMixture(), 'logits');
  private readonly baseXY: Float32Array;
  private readonly box: Box = squareBox({ xmin: -8, xmax: 8, ymin: -8, ymax: 8 });
  private recent: Tensor2D[] = [];
  private iter = 0;
  private heat: Layer | null = null;
  private contours: Layer | null = null;
  private contoursKey = '';

  constructor(private p: P, seed: number) {
    const base = hexMixture();
    const root = new Rng(seed);
    const rModel = root.split();
    const rMain = root.split();
    const rComp = root.split();
    this.logits = p.dtheta !== 'mlp';
    const model = this.logits ? new LogitsModel(base) : new MlpCorrectionModel(base, Number(p.dhidden), rModel);
    const coefs = stepCoefs(Number(p.dT));
    const common = { model, coefs, batch: Number(p.dbatch), reward: rewardSpec(p), lambda: Number(p.dlambda), eta: Number(p.deta), optimizer: this.logits ? ('sgd' as const) : ('adam' as const) };
    this.main = new QueueLoop({ ...common, loop: p.dloop === 'nested' ? 'nested' : 'queue', rng: rMain });
    this.companion = p.dcompare && p.dloop !== 'nested' ? new QueueLoop({ ...common, loop: 'nested', rng: rComp }) : null;
    const mix: Mixture = Array.from(softmax(base.logits), (w, k) => ({ w, mean: [base.centres[2 * k], base.centres[2 * k + 1]], cov: [1, 0, 1] }));
    const bs = gmmSample(BASE_N, mix, root.split());
    this.baseXY = (bs.dataSync() as Float32Array).slice();
    bs.dispose();
  }

  get iteration(): number {
    return this.iter;
  }

  get done(): boolean {
    return false;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      this.main.iterate();
      this.companion?.tick(); // one sampler step per iteration: the nested loop at the queue's sampling cost
      this.recent.push(tf.clone(this.main.lastX0!));
      if (this.recent.length > KEEP) this.recent.shift()!.dispose();
      this.iter += 1;
    }
  }

  update(patch: P): boolean {
    if (!Object.keys(patch).every((k) => LIVE.has(k))) return false;
    const next = { ...this.p, ...patch };
    const live = { eta: Number(next.deta), lambda: Number(next.dlambda), reward: rewardSpec(next) };
    this.main.setLive(live);
    this.companion?.setLive(live);
    this.p = next;
    return true;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const reward = rewardSpec(this.p);
    const lambda = Number(this.p.dlambda);
    const m = this.main;
    const metrics: Record<string, number> = { sampler_steps: m.samplerSteps, reward: m.lastReward, reg: m.lastReg, objective: m.lastReward - lambda * m.lastReg };
    const layers: Record<string, Layer> = { others: { kind: 'points', xy: this.baseXY.slice() } };
    if (this.recent.length) {
      const all = tf.concat(this.recent);
      layers.particles = { kind: 'points', xy: new Float32Array(await all.data()) };
      all.dispose();
    }
    const stages = m.stages();
    layers.queue = { kind: 'bars', labels: stages.map((_, i) => `B${stages.length - 1 - i}`), values: Float32Array.from(stages) };
    if (this.companion) metrics.reward_nested = this.companion.lastReward;
    if (this.logits) {
      const ex = diffusionExact(this.pm.base, m.theta, reward, lambda);
      Object.assign(metrics, { F_exact: ex.F, reward_exact: ex.reward, KL_exact: ex.kl });
      ex.weights.forEach((w, k) => (metrics[`w${k + 1}`] = w));
      if (m.lastGrad) metrics.grad_cosine = cosine(m.lastGrad, ex.grad);
      if (this.companion) metrics.F_nested = diffusionExact(this.pm.base, this.companion.theta, reward, lambda).F;
      layers.weights = { kind: 'bars', labels: Array.from(ex.weights, (_, k) => String(k + 1)), values: Float32Array.from(ex.weights), reference: Float32Array.from(softmax(this.pm.base.logits)) };
    }
    for (const k of Object.keys(metrics)) if (!Number.isFinite(metrics[k])) delete metrics[k];
    // heat: log-density of the fine-tuned mixture (logits) or of the base (MLP: no closed form)
    if (req.grids || !this.heat) {
      const th = this.logits ? m.theta : Float32Array.from(this.pm.base.logits);
      this.heat = await scalarGrid(this.box, HEAT_N, (x) => tf.neg(this.pm.energy(x, tf.tensor1d(th))), true);
    }
    layers.heat = { ...this.heat, values: (this.heat as { values: Float32Array }).values.slice() } as Layer;
    const key = JSON.stringify(reward);
    if (key !== this.contoursKey) {
      const g = await scalarGrid(this.box, HEAT_N, (x) => rewardTensor(x, reward), false);
      this.contours = contourPaths((g as { values: Float32Array }).values, HEAT_N, this.box, [0.2, 0.5, 0.8]);
      this.contoursKey = key;
    }
    if (this.p.paths && this.contours) layers.rewardContours = { ...this.contours, xy: (this.contours as { xy: Float32Array }).xy.slice() } as Layer;
    const info = {
      loop: this.p.dloop === 'nested' ? `nested: all T = ${this.p.dT} steps per update` : `queue: ${stages.length} batches in flight, 1 step each per update`,
      model: this.logits ? `θ = logits, w = (${Array.from(softmax(m.theta), (v) => v.toFixed(2)).join(', ')})` : `θ = MLP ε-correction (${m.theta.length} weights)`,
    };
    return { iteration: this.iter, layers, metrics, info, box: this.box };
  }

  async checkFinite(): Promise<string | null> {
    const g = this.main.lastGrad;
    if (this.main.theta.every(Number.isFinite) && (!g || g.every(Number.isFinite)) && Number.isFinite(this.main.lastReward)) return null;
    return `the fine-tuned parameters or the finished batch became NaN/infinite: lower the learning rate (now ${this.p.deta}) or λ (now ${this.p.dlambda}).`;
  }

  dispose(): void {
    this.main.dispose();
    this.companion?.dispose();
    for (const t of this.recent) t.dispose();
    this.recent = [];
  }
}
