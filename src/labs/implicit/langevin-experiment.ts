// Reward training of Langevin (the paper's §5.1): the particle loop (single or nested, or driven by the
// exact flow), the exact gradient flow beside it, and optionally a nested run at equal sampling cost.
// One iteration = one θ update.
import type { DiffusionParams, LangevinParams } from './params';
import { tf } from '../../core/tf';
import { Rng } from '../../core/rng';
import type { Box, Mixture } from '../../core/types';
import { gmmSample } from '../../core/gmm';
import { mixtureBox, squareBox } from '../../core/targets/box';
import { hexMixture, ParamMixture, softmax, type IsoMixture } from '../../core/implicit/param-mixture';
import { ExactFlow, cosine, exactTerms } from '../../core/implicit/exact-flow';
import { LangevinLoop } from '../../core/implicit/langevin-loop';
import { rewardTensor, type RewardSpec } from '../../core/implicit/rewards';
import type { Experiment, FiniteWatch } from '../types';
import type { Layer, Snapshot, SnapshotRequest } from '../../protocol/snapshot';
import { scalarGrid } from '../common/grid';
import { contourPaths } from './reward-contours';
import { MetricTrace } from '../common/trace';

type P = LangevinParams;
const HEAT_N = 90;
const FLOW_REF_N = 4000;

export function rewardSpec(p: LangevinParams | DiffusionParams): RewardSpec {
  const kind = p.reward;
  return kind === 'bump' ? { kind, bump: { x: p.bumpX, y: p.bumpY, width: p.bumpWidth, height: 1 } } : { kind };
}

/** the user mixture as an isotropic potential (widths averaged over the axes; θ0 logits = log w) */
export function userMixture(comps: Mixture): IsoMixture {
  if (!Array.isArray(comps) || comps.length < 1) throw new Error('implicit: "My mixture" needs at least one component');
  return {
    centres: Float64Array.from(comps.flatMap((c) => [c.mean[0], c.mean[1]])),
    logits: Float64Array.from(comps, (c) => Math.log(c.w)),
    vars: Float64Array.from(comps, (c) => Math.max(0.05, (c.cov[0] + c.cov[2]) / 2)),
  };
}

export function asMixture(m: IsoMixture, logits: ArrayLike<number>, varScale = 1): Mixture {
  const w = softmax(logits);
  return Array.from(w, (wk, k) => ({ w: wk, mean: [m.centres[2 * k], m.centres[2 * k + 1]] as [number, number], cov: [m.vars[k] * varScale, 0, m.vars[k] * varScale] as [number, number, number] }));
}

/** the potential (Langevin) or base mixture (diffusion) the params select, and the plane's box around it */
export function basePotential(p: LangevinParams | DiffusionParams): { base: IsoMixture; box: Box } {
  if (p.target !== 'custom') return { base: hexMixture(), box: squareBox({ xmin: -8, xmax: 8, ymin: -8, ymax: 8 }) };
  const base = userMixture(p.comps);
  return { base, box: mixtureBox(asMixture(base, base.logits, 2.5)) };
}

export class LangevinExperiment implements Experiment {
  private readonly mix: ParamMixture;
  private readonly main: LangevinLoop;
  private readonly companion: LangevinLoop | null;
  private readonly flow: ExactFlow;
  private readonly box: Box;
  private iter = 0;
  private heat: Layer | null = null;
  private contours: Layer | null = null;
  private contoursKey = '';
  private readonly trace = new MetricTrace();

  constructor(private p: P, seed: number) {
    const { base, box } = basePotential(p);
    this.mix = new ParamMixture(base, p.param);
    const root = new Rng(seed);
    const rMain = root.split();
    const rComp = root.split();
    const rRef = root.split();
    const lambda = p.lambda;
    const ref = p.ref === 'uniform' ? asMixture(base, new Float64Array(base.logits.length)) : asMixture(base, base.logits, p.ref === 'code' ? 4 : 1);
    const reward = rewardSpec(p);
    const theta0 = this.mix.theta0();
    const common = { mix: this.mix, theta0, reward, particles: p.particles, gamma: p.gamma, lambda, ref, refBatch: p.refBatch };
    const exact = p.loop === 'exact';
    this.main = new LangevinLoop({ ...common, eta: exact ? 0 : p.eta, inner: p.loop === 'nested' ? p.inner : 1, warm: p.warm, rng: rMain });
    this.companion = p.nestedRun ? new LangevinLoop({ ...common, eta: p.eta, inner: p.inner, warm: p.warm, rng: rComp }) : null;
    // drawn even when λ = 0: λ is live, and the flow's KL term needs it as soon as λ > 0
    const refSample = gmmSample(FLOW_REF_N, ref, rRef);
    this.flow = new ExactFlow(this.mix, theta0, reward, p.eta, lambda, (refSample.dataSync() as Float32Array).slice());
    refSample.dispose();
    this.box = box;
  }

  get iteration(): number {
    return this.iter;
  }

  get done(): boolean {
    return false;
  }

  step(n: number): void {
    for (let i = 0; i < n; i++) {
      this.flow.step();
      if (this.p.loop === 'exact') {
        this.main.iterate(); // a Langevin step and a (zero-η) gradient estimate at the flow's θ
        this.main.setTheta(this.flow.theta);
      } else this.main.iterate();
      this.companion?.tick();
      this.iter += 1;
      this.traceStep();
    }
  }

  /**
   * This θ update's numbers: J(θ) and the weights in closed form, the sampled reward, and the cosine of the
   * single-loop gradient to the exact flow's direction at the same θ (θ and the gradient are read with the
   * next frame, all steps' in one transfer).
   */
  private traceStep(): void {
    const m = this.main;
    const reward = rewardSpec(this.p);
    const nums = { grad_evals: m.gradEvals, J_flow: this.flow.terms().J };
    const tensors = { theta: tf.clone(m.theta), reward: m.lastReward ? tf.clone(m.lastReward) : null, grad: m.lastGrad ? tf.clone(m.lastGrad) : null };
    this.trace.record(this.iter, nums, tensors, (raw) => {
      const truth = exactTerms(this.mix, raw.theta, reward);
      const out: Record<string, number> = { J_exact: truth.J };
      truth.weights.forEach((w, k) => (out[`w${k + 1}`] = w));
      if (raw.reward) out.reward = raw.reward[0];
      if (raw.grad) out.grad_cosine = cosine(raw.grad, this.flow.direction(raw.theta));
      return out;
    });
  }

  drainTrace() {
    return this.trace.drain();
  }

  update(patch: Partial<P>): void {
    const next = { ...this.p, ...patch };
    const live: Parameters<LangevinLoop['setLive']>[0] = {};
    if ('gamma' in patch) live.gamma = next.gamma;
    if ('eta' in patch) live.eta = next.loop === 'exact' ? 0 : next.eta;
    if ('lambda' in patch) live.lambda = next.lambda;
    if (['bumpX', 'bumpY', 'bumpWidth'].some((k) => k in patch)) live.reward = rewardSpec(next);
    this.main.setLive(live);
    this.companion?.setLive({ ...live, eta: 'eta' in patch ? next.eta : undefined });
    this.flow.eta = next.eta;
    this.flow.lambda = next.lambda;
    if (live.reward) this.flow.reward = live.reward;
    this.p = next;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const theta = Float64Array.from(await this.main.theta.data());
    const xy = new Float32Array(await this.main.x.data());
    const reward = rewardSpec(this.p);
    const truth = exactTerms(this.mix, theta, reward);
    const flowTerms = this.flow.terms();
    const metrics: Record<string, number> = { grad_evals: this.main.gradEvals, J_exact: truth.J, J_flow: flowTerms.J };
    truth.weights.forEach((w, k) => (metrics[`w${k + 1}`] = w));
    if (this.main.lastReward) metrics.reward = (await this.main.lastReward.data())[0];
    if (this.main.lastGrad) metrics.grad_cosine = cosine(await this.main.lastGrad.data(), this.flow.direction(theta));
    const layers: Record<string, Layer> = {
      particles: { kind: 'points', xy },
      weights: { kind: 'bars', labels: Array.from(truth.weights, (_, k) => String(k + 1)), values: Float32Array.from(truth.weights), reference: Float32Array.from(flowTerms.weights) },
    };
    if (this.companion) {
      const ct = Float64Array.from(await this.companion.theta.data());
      metrics.J_nested = exactTerms(this.mix, ct, reward).J;
      layers.others = { kind: 'points', xy: new Float32Array(await this.companion.x.data()) };
    }
    if (req.grids || !this.heat) this.heat = await scalarGrid(this.box, HEAT_N, (x) => tf.neg(this.mix.energy(x, tf.tensor1d(Float32Array.from(theta)))), true);
    await this.refreshContours(reward);
    layers.heat = this.heat;
    if (this.p.paths && this.contours) layers.rewardContours = this.contours;
    // always a handles layer: the plane learns its scale for the click binding (placing the bump) from it
    layers.handles = { kind: 'handles', components: this.p.target === 'custom' ? this.p.comps : [] };
    const info: Record<string, string> = {
      loop: this.p.loop === 'nested' ? `nested (K_in = ${this.p.inner}, ${this.p.warm ? 'warm start' : 'restart'})` : String(this.p.loop),
      theta: `θ = (${Array.from(theta.slice(0, 12), (v) => v.toFixed(2)).join(', ')}${theta.length > 12 ? ', …' : ''})`,
    };
    return { iteration: this.iter, layers, metrics, info, box: this.box };
  }

  /** the reward only changes when the bump moves: its contours are recomputed then */
  private async refreshContours(reward: RewardSpec): Promise<void> {
    const key = JSON.stringify(reward);
    if (key === this.contoursKey) return;
    const g = await scalarGrid(this.box, HEAT_N, (x) => rewardTensor(x, reward), false);
    this.contours = contourPaths((g as { values: Float32Array }).values, HEAT_N, this.box, [0.2, 0.5, 0.8]);
    this.contoursKey = key;
  }

  watch(): FiniteWatch[] {
    const advice = () => `The Langevin step γ = ${this.p.gamma} or the learning rate η = ${this.p.eta} is too large: try a smaller γ (≤ 0.5 for unit-width components) or a smaller η.`;
    return [
      { what: 'the particles', values: () => [this.main.x], limit: 1e6, advice },
      // the run's θ and the exact gradient flow's beside it
      { what: 'θ', values: () => [this.main.theta, this.flow.theta], advice },
    ];
  }

  dispose(): void {
    this.trace.dispose();
    this.main.dispose();
    this.companion?.dispose();
  }
}
