// The DxMI lab: a few-step Gaussian policy (the sampler) and an energy (the reward) trained together
// with DxDP (src/core/dxmi). Phase 1 (init = ddpm): the policy is fitted as a T-step DDPM by DSM; these
// steps do not count as iterations. Phase 2: one iteration = one DxMI update (dxdp.ts).
import type { DxmiParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor1D, Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { makeTarget } from '../../core/targets/registry';
import type { Target } from '../../core/targets/types';
import { GaussianPolicy } from '../../core/dxmi/policy';
import { Critic } from '../../core/dxmi/critic';
import { DxdpTrainer, type DxdpOptions } from '../../core/dxmi/dxdp';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { criticGrids, panelTimes, sigmaLayer, type Frame } from './view-data';
import { Evaluator } from './evaluate';
import { histogramGrid } from '../common/grid';
import { Tau0Twin } from './twin';
import { energyGrid } from './view-data';
import { PolicyEma } from './ema';
import { MetricTrace } from '../common/trace';

/** the DxDP step's scalars, in the order of DxdpTrainer.iterate's stats tensor */
const statsOf = (raw: Record<string, Float32Array>) => {
  const s = raw.stats;
  return { energy_loss: s[0], energy_gap: s[1], td_loss: s[2], policy_loss: s[3] };
};

type P = DxmiParams;
const POOL_N = 8000;
/** DSM steps of the DDPM fitting per step(1) call during phase 1 */
export const PRETRAIN_CHUNK = 20;
const PRETRAIN_BATCH = 512;

function dxdpOptions(p: P): DxdpOptions {
  return {
    tau: p.tau, tauVelocity: p.tauVelocity, gamma: p.gamma, rho: p.rho,
    batch: p.batch, lrSampler: p.samplerLr, lrSigma: p.sigmaLr ?? p.samplerLr, learnSigma: p.learnSigma,
    costsInValue: p.costsInValue, clip: 1,
  };
}

export function makeDxmiTarget(p: P): Target {
  return makeTarget(p.data, { components: p.comps, points: p.drawn });
}

export class DxmiExperiment implements Experiment {
  private iter = 0;
  private fitted = 0;
  private fitLoss: tf.Scalar | null = null;
  private fitCount = 0;
  private stats: Tensor1D | null = null;
  private grids: Record<string, Layer> = {};
  /** the τ = 0 run beside this one (tau0Twin=1), forked at the first DxMI iteration */
  private twin: Tau0Twin | null = null;
  /** the twin's evaluation stream: separate, so tau0Twin=1 leaves the main run's metrics unchanged */
  private twinEvalRng = new Rng(0);
  /** EMA copy of the sampler that the metrics and plots show (emaSampler > 0), null = the live one */
  private emaPolicy: PolicyEma | null = null;
  private readonly trace = new MetricTrace();

  private constructor(
    private p: P,
    private readonly target: Target,
    private readonly frame: Frame,
    private readonly pool: Tensor2D,
    private readonly policy: GaussianPolicy,
    private readonly critic: Critic,
    private readonly trainer: DxdpTrainer,
    private readonly rng: Rng,
    private readonly evaluator: Evaluator,
  ) {}

  static async create(p: P, seed: number): Promise<DxmiExperiment> {
    for (const k of ['energyLr', 'valueLr', 'samplerLr', 'sigmaLr', 'batch', 'T', 'hidden'] as const) {
      if (!(p[k] > 0) || !Number.isFinite(p[k])) throw new Error(`DxMI: '${k}' must be a positive number, got ${String(p[k])}`);
    }
    if (!(p.tau >= 0) || !(p.tauVelocity >= 0) || !(p.gamma >= 0)) throw new Error('DxMI: τ, τ velocity and γ must be ≥ 0');
    const root = new Rng(seed);
    const rData = root.split();
    const rPolicy = root.split();
    const rCritic = root.split();
    const rTrain = root.split();
    const rEval = root.split();
    const target = makeDxmiTarget(p);
    const poolWorld = target.sample(POOL_N, rData);
    const frame = await frameOf(poolWorld);
    const pool = tf.tidy(() => tf.div(tf.sub(poolWorld, tf.tensor1d(frame.m)), frame.d) as Tensor2D);
    poolWorld.dispose();
    const T = p.T;
    const hidden = p.hidden;
    const policy = new GaussianPolicy({ T, hidden, depth: 2, rng: rPolicy, schedule: p.schedule === 'matched' ? 'matched' : 'code' });
    const critic = new Critic({ T, hidden, mode: p.value, lrEnergy: p.energyLr, lrValue: p.valueLr, rng: rCritic, confine: p.confine, ema: p.emaEnergy ?? 0 });
    const trainer = new DxdpTrainer(policy, critic, dxdpOptions(p), rTrain);
    const evaluator = await Evaluator.create(target, frame, rData, rEval);
    const exp = new DxmiExperiment(p, target, frame, pool, policy, critic, trainer, rTrain, evaluator);
    exp.twinEvalRng = new Rng((seed ^ 0x7a0e5) >>> 0);
    if (p.emaSampler > 0) exp.emaPolicy = new PolicyEma(T, hidden, policy.sched.kind, p.emaSampler);
    return exp;
  }

  get training(): boolean {
    return this.p.init === 'ddpm' && this.fitted < this.p.pretrain;
  }

  get iteration(): number {
    return this.iter;
  }

  readonly done = false;

  phaseLeft(): number {
    return this.training ? Math.ceil((this.p.pretrain - this.fitted) / PRETRAIN_CHUNK) : Infinity;
  }

  drainTrace() {
    return this.trace.drain();
  }

  private batch(n: number, rng = this.rng): Tensor2D {
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = rng.int(POOL_N);
    return tf.tidy(() => tf.gather(this.pool, tf.tensor1d(idx, 'int32')) as Tensor2D);
  }

  step(n: number): void {
    for (let k = 0; k < n; k++) {
      if (this.training) {
        this.fit(Math.min(PRETRAIN_CHUNK, this.p.pretrain - this.fitted));
        continue;
      }
      if (this.iter === 0) this.evaluator.captureBaseline(this.policy);
      if (this.iter === 0 && this.p.tau0Twin && !this.twin) this.twin = Tau0Twin.fork(this.p, { policy: this.policy, critic: this.critic, rng: this.rng }, dxdpOptions(this.p));
      const data = this.batch(this.p.batch);
      const stats = this.trainer.iterate(data);
      data.dispose();
      if (this.twin) {
        const data0 = this.batch(this.p.batch, this.twin.rng);
        this.twin.iterate(data0);
        data0.dispose();
      }
      this.stats?.dispose();
      this.stats = stats;
      this.emaPolicy?.update(this.policy);
      this.iter++;
      this.trace.record(this.iter, {}, { stats: tf.clone(stats) }, statsOf);
    }
  }

  /** k DSM steps of the few-step DDPM; the loss is summed on the device and read at snapshot time */
  private fit(k: number): void {
    for (let j = 0; j < k; j++) {
      const data = this.batch(PRETRAIN_BATCH);
      const loss = this.policy.pretrainStep(data);
      data.dispose();
      const sum = this.fitLoss ? tf.add(this.fitLoss, loss) as tf.Scalar : tf.clone(loss);
      this.fitLoss?.dispose();
      this.fitLoss = sum;
      this.fitCount++;
      this.fitted++;
      // every fitting step's loss, against the fitting step (the trace owns `loss` from here)
      this.trace.record(this.fitted, {}, { ddpm_loss: loss });
    }
  }

  update(patch: Partial<P>): void {
    this.p = { ...this.p, ...patch };
    this.trainer.setOptions(dxdpOptions(this.p));
    this.twin?.setOptions(dxdpOptions(this.p));
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const info: Record<string, string> = {};
    const metrics: Record<string, number> = {};
    const fitting = this.training;
    if (this.fitLoss && this.fitCount > 0) {
      metrics.ddpm_loss = (await this.fitLoss.data())[0] / this.fitCount;
      this.fitLoss.dispose();
      this.fitLoss = null;
      this.fitCount = 0;
    }
    const shown = this.emaPolicy && this.iter > 0 ? this.emaPolicy.policy : this.policy;
    const ev = await this.evaluator.evaluate(shown, this.critic, req.metrics && !fitting, this.p);
    Object.assign(metrics, ev.metrics);
    if (this.stats && !fitting) {
      const s = await this.stats.data();
      Object.assign(metrics, { energy_loss: s[0], energy_gap: s[1], td_loss: s[2], policy_loss: s[3] });
    }
    // while the DDPM is fitted the energy is untrained: the heatmap shows the data's histogram instead
    if (fitting) this.grids = { energy: histogramGrid(this.evaluator.reference, this.target.box, 64) };
    else if (req.grids) this.grids = await criticGrids(this.critic, this.target.box, this.frame);
    if (this.twin) {
      const tw = await this.evaluator.twinView(this.twin.shown, this.twinEvalRng, req.metrics);
      Object.assign(metrics, tw.metrics);
      ev.layers.samples_tau0 = { kind: 'points', xy: tw.xy };
      if (req.grids) this.grids.energy_tau0 = await energyGrid(this.twin.critic, this.target.box, this.frame);
    }
    if (req.metrics && !fitting) {
      metrics.sigma_mean = learnedSigmaMean(this.policy.sigmas());
      if (this.twin) metrics.sigma_mean_tau0 = learnedSigmaMean(this.twin.policy.sigmas());
    }
    const layers: Snapshot['layers'] = { ...ev.layers, sigma: sigmaLayer(this.policy.sigmas(), await this.s2()) };
    Object.assign(layers, this.grids);
    if (this.target.id === 'custom' && this.target.mixture) layers.handles = { kind: 'handles', components: this.target.mixture };
    info.phase = fitting ? `fitting the ${this.policy.T}-step DDPM: ${this.fitted} / ${this.p.pretrain} DSM steps` : `DxMI iteration ${this.iter}`;
    info.note0 = `Value panels show t = ${panelTimes(this.policy.T).join(', ')} (t = 0 is the noise; V(·, ${this.policy.T}) is the energy in the main plane). Heatmaps show −E and −V: bright = low.`;
    if (ev.probe !== undefined) info.probe = `E(${this.p.probeX}, ${this.p.probeY}) = ${ev.probe.toFixed(3)}`;
    return { iteration: this.iter, layers, metrics, info, box: this.target.box };
  }

  private async s2(): Promise<Float32Array> {
    return new Float32Array(await this.trainer.s2.data());
  }

  watch(): FiniteWatch[] {
    return [{
      what: 'the sampler, energy or value weights',
      // the last iteration's losses, and the τ₀ twin's weights, count as the same divergence
      values: () => [...this.policy.trainable(true), ...this.critic.energy.vars, ...(this.critic.value?.vars ?? []), this.stats, ...(this.twin?.weights() ?? [])],
      advice: () => `Try smaller learning rates (lr sampler ${this.p.samplerLr}, lr energy ${this.p.energyLr}) or a larger γ.`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.pool.dispose();
    this.policy.dispose();
    this.critic.dispose();
    this.trainer.dispose();
    this.evaluator.dispose();
    this.stats?.dispose();
    this.fitLoss?.dispose();
    this.twin?.dispose();
    this.emaPolicy?.dispose();
  }
}

/** geometric mean of the learnable σ_t (all steps but the fixed last one; the last one when T = 1) */
export function learnedSigmaMean(sigmas: Float32Array): number {
  const n = Math.max(1, sigmas.length - 1);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(sigmas[i]);
  return Math.exp(s / n);
}

/** mean and scale (the larger per-axis std) of the data: the nets see (x − m)/d */
async function frameOf(x: Tensor2D): Promise<Frame> {
  const xy = await x.data();
  const n = xy.length / 2;
  const m: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) { m[0] += xy[2 * i]; m[1] += xy[2 * i + 1]; }
  m[0] /= n; m[1] /= n;
  let v0 = 0, v1 = 0;
  for (let i = 0; i < n; i++) { v0 += (xy[2 * i] - m[0]) ** 2; v1 += (xy[2 * i + 1] - m[1]) ** 2; }
  const d = Math.sqrt(Math.max(v0, v1) / n);
  return { m, d: d > 1e-6 ? d : 1 };
}
