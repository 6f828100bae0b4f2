// EBM mode: fit an energy (mixture or small MLP) to a data set by maximum likelihood, with π_θ sampled by
// persistent Langevin chains (single loop: one chain step per θ update). One iteration = one Adam step.
import type { EbmParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import type { Box } from '../../core/types';
import { makeTarget } from '../../core/targets/registry';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { EbmTrainer, MixtureEnergy, MlpEnergy, type Energy } from '../../core/implicit/ebm';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { spread } from '../../core/metrics/points';
import { MetricTrace } from '../common/trace';

type P = EbmParams;
const DATA_N = 4000;
/** energy-magnitude penalty (see EbmOptions.reg): MLP only; a mixture energy is normalized already */
const REG = 0.1;
const SHOWN_DATA = 1000;
const HEAT_N = 80;

export class EbmExperiment implements Experiment {
  private heat: Layer | null = null;
  private readonly trace = new MetricTrace();

  private constructor(
    private p: P,
    private readonly trainer: EbmTrainer,
    private readonly energy: Energy,
    private readonly data: Tensor2D,
    private readonly shown: Float32Array,
    private readonly box: Box,
    private readonly metricRng: Rng,
    private readonly scale: number,
  ) {}

  static async create(p: P, seed: number): Promise<EbmExperiment> {
    const root = new Rng(seed);
    const rData = root.split();
    const rInit = root.split();
    const rTrain = root.split();
    const target = makeTarget(p.data, { points: p.drawn });
    const data = target.sample(DATA_N, rData);
    const xy = new Float32Array(await data.data());
    const scale = spread(xy);
    let energy: Energy;
    if (p.energy === 'mixture') {
      const K = p.K;
      // means start on random data points, widths at half the data's spread: a standard, stable start
      const init = new Float32Array(2 * K);
      for (let k = 0; k < K; k++) {
        const i = rInit.int(DATA_N);
        init[2 * k] = xy[2 * i];
        init[2 * k + 1] = xy[2 * i + 1];
      }
      energy = new MixtureEnergy(init, 0.5 * scale);
    } else {
      energy = new MlpEnergy(p.hidden, 4 * scale, rInit, scale);
    }
    const b = target.box;
    const clip = 2 * Math.max(Math.abs(b.xmin), Math.abs(b.xmax), Math.abs(b.ymin), Math.abs(b.ymax));
    const trainer = new EbmTrainer({
      energy, data, chains: p.particles, reinit: p.reinit, batch: p.batch, gamma: p.gamma * scale * scale,
      inner: p.inner, lr: p.lr, clip, reg: p.energy === 'mlp' ? REG : 0, initStd: scale, rng: rTrain,
    });
    return new EbmExperiment(p, trainer, energy, data, xy.slice(0, 2 * SHOWN_DATA), b, root.split(), scale);
  }

  get iteration(): number {
    return this.trainer.updates;
  }

  get done(): boolean {
    return false;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      this.trainer.iterate();
      const e = this.trainer.lastEnergies;
      this.trace.record(this.trainer.updates, { grad_evals: this.trainer.gradEvals }, { e: e ? tf.clone(e) : null }, (raw) => ({ E_data: raw.e[0], E_chains: raw.e[1] }));
    }
  }

  drainTrace() {
    return this.trace.drain();
  }

  update(patch: Partial<P>): void {
    if (patch.gamma !== undefined) this.trainer.setGamma(patch.gamma * this.scale ** 2);
    this.p = { ...this.p, ...patch };
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const chains = new Float32Array(await this.trainer.chains.data());
    const layers: Record<string, Layer> = { particles: { kind: 'points', xy: chains }, others: { kind: 'points', xy: this.shown } };
    if (req.grids || !this.heat) this.heat = await scalarGrid(this.box, HEAT_N, (x) => tf.neg(this.energy.energy(x)), true);
    layers.heat = this.heat;
    const w = this.energy.weights();
    if (w) layers.weights = { kind: 'bars', labels: Array.from(w, (_, k) => String(k + 1)), values: w };
    const metrics: Record<string, number> = { grad_evals: this.trainer.gradEvals };
    if (req.metrics) metrics.sw2 = slicedW2(chains, this.shown, this.metricRng, 64);
    if (this.trainer.lastEnergies) {
      const [eD, eC] = await this.trainer.lastEnergies.data();
      metrics.E_data = eD;
      metrics.E_chains = eC;
    }
    const info = { energy: this.p.energy === 'mlp' ? `MLP energy (width ${this.p.hidden})` : `mixture energy (K = ${this.p.K})`, loop: this.p.inner === 1 ? 'single loop (1 chain step per update)' : `nested (${this.p.inner} chain steps per update)` };
    return { iteration: this.trainer.updates, layers, metrics, info, box: this.box };
  }

  watch(): FiniteWatch[] {
    return [{
      what: "the energy's parameters or the chains",
      values: () => [this.trainer.chains, ...this.energy.vars],
      advice: () => `Try a smaller chain step γ (now ${this.p.gamma}) or Adam learning rate (now ${this.p.lr}).`,
    }];
  }

  dispose(): void {
    this.trace.dispose();
    this.trainer.dispose();
    this.data.dispose();
  }
}
