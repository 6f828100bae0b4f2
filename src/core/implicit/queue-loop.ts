// Fine-tuning a denoising diffusion by implicit diffusion's queue (METHODS.md §1.3):
//   Q = [B_0, …, B_{T−1}], B_j has received j reverse steps; per θ update every batch in Q takes ONE step
//   (one batched call, the batches at different stages), the finished batch leaves the queue, a batch of
//   pure noise enters, and the finished batch gives the gradient by backprop through its recorded steps
//   (made with θ_{k−T+1..k}; see reverse-steps.ts), then θ ← θ + η g (SGD) or an Adam step.
// The same class with capacity 1 is the nested baseline: one batch runs all T steps with the current θ,
// then θ updates. `tick()` advances the sampler one (batched) step; `iterate()` ticks until θ updates.
// sampler_steps counts sequential sampler calls: the queue spends 1 per update, the nested loop T.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';
import type { DiffusionModel } from './diffusion-models';
import { checkReward, type RewardSpec } from './rewards';
import { noiseOf, replayGrad, reverseStep, rowCoefs, type BatchRecord, type StepCoefs } from './reverse-steps';

export interface QueueOptions {
  model: DiffusionModel;
  coefs: StepCoefs;
  /** points per batch (one queue slot) */
  batch: number;
  reward: RewardSpec;
  lambda: number;
  eta: number;
  optimizer: 'sgd' | 'adam';
  /** 'queue': T batches in flight; 'nested': one */
  loop: 'queue' | 'nested';
  rng: Rng;
}

interface Slot extends BatchRecord {
  x: Tensor2D;
}

export class QueueLoop {
  theta: Float32Array;
  updates = 0;
  samplerSteps = 0;
  /** the last finished batch and its stats (gradient, mean reward, mean path KL) */
  lastX0: Tensor2D | null = null;
  lastGrad: Float32Array | null = null;
  lastReward = NaN;
  lastReg = NaN;
  /** max |replayed x0 − sampled x0| of the last finished batch (0 up to float rounding) */
  replayGap = NaN;
  private slots: Slot[] = []; // oldest (most steps) first
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(private readonly o: QueueOptions) {
    checkReward(o.reward);
    if (!Number.isInteger(o.batch) || o.batch < 1) throw new Error(`diffusion fine-tuning: batch must be a positive integer, got ${o.batch}`);
    if (!Number.isFinite(o.lambda) || o.lambda < 0) throw new Error(`diffusion fine-tuning: λ must be ≥ 0, got ${o.lambda}`);
    if (!Number.isFinite(o.eta) || o.eta < 0) throw new Error(`diffusion fine-tuning: learning rate must be ≥ 0, got ${o.eta}`);
    this.theta = o.model.theta0();
    this.m = new Float64Array(o.model.P);
    this.v = new Float64Array(o.model.P);
    this.push();
    // fill the queue with θ0: after T − 1 ticks the batches sit at stages T−1, …, 0
    if (o.loop === 'queue') for (let j = 1; j < o.coefs.T; j++) this.tick();
  }

  get capacity(): number {
    return this.o.loop === 'queue' ? this.o.coefs.T : 1;
  }

  /** stages (steps done) of the batches in flight, oldest first */
  stages(): number[] {
    return this.slots.map((s) => s.thetas.length);
  }

  setLive(l: { eta?: number; lambda?: number; reward?: RewardSpec }): void {
    if (l.eta !== undefined) this.o.eta = l.eta;
    if (l.lambda !== undefined) this.o.lambda = l.lambda;
    if (l.reward) this.o.reward = l.reward;
  }

  private push(): void {
    const startSeed = this.o.rng.seed();
    this.slots.push({ startSeed, stepSeeds: [], thetas: [], x: noiseOf(this.o.batch, startSeed) });
  }

  /** one batched reverse step of every batch in flight; returns true when θ was updated */
  tick(): boolean {
    const { model, coefs: c, batch: n } = this.o;
    const stages = this.stages();
    const th = this.theta.slice();
    for (const s of this.slots) {
      s.stepSeeds.push(this.o.rng.seed());
      s.thetas.push(th);
    }
    const next = tf.tidy(() => {
      const rows = rowCoefs(c, stages, n);
      const x = tf.concat(this.slots.map((s) => s.x)) as Tensor2D;
      const noise = tf.concat(this.slots.map((s) => noiseOf(n, s.stepSeeds[s.stepSeeds.length - 1]))) as Tensor2D;
      return tf.split(reverseStep(model, x, tf.tensor1d(th), rows, noise, false).x, this.slots.length) as Tensor2D[];
    });
    this.slots.forEach((s, i) => {
      s.x.dispose();
      s.x = next[i];
    });
    this.samplerSteps += 1;
    let finished = false;
    const head = this.slots[0];
    if (head.thetas.length >= c.T) {
      this.slots.shift();
      this.finish(head);
      head.x.dispose();
      finished = true;
    }
    if (this.slots.length < this.capacity) this.push();
    return finished;
  }

  /** backprop through the finished batch, then the θ update */
  private finish(rec: Slot): void {
    const o = this.o;
    const res = replayGrad(o.model, o.coefs, rec, o.batch, o.reward, o.lambda);
    // replayGap: the replay must rebuild the sampled batch exactly (same seeds, same θs); kept as a check
    const packed = tf.tidy(() => tf.concat([res.grad, res.reward, res.reg, tf.reshape(tf.max(tf.abs(tf.sub(res.x0, rec.x))), [1])]));
    const vals = packed.dataSync() as Float32Array;
    packed.dispose();
    res.grad.dispose();
    res.reward.dispose();
    res.reg.dispose();
    this.lastX0?.dispose();
    this.lastX0 = res.x0;
    const P = o.model.P;
    const g = vals.slice(0, P);
    this.lastGrad = g;
    this.lastReward = vals[P];
    this.lastReg = vals[P + 1];
    this.replayGap = vals[P + 2];
    if (!g.every(Number.isFinite)) return; // the engine's divergence check (the experiment's watch) reports it; θ is left as it was
    const t = ++this.updates;
    const next = this.theta.slice();
    for (let i = 0; i < P; i++) {
      if (o.optimizer === 'sgd') next[i] += o.eta * g[i];
      else {
        this.m[i] = 0.9 * this.m[i] + 0.1 * g[i];
        this.v[i] = 0.999 * this.v[i] + 0.001 * g[i] * g[i];
        const mh = this.m[i] / (1 - 0.9 ** t);
        const vh = this.v[i] / (1 - 0.999 ** t);
        next[i] += (o.eta * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
    this.theta = next;
  }

  /** one θ update: 1 tick for the queue, T ticks for the nested loop */
  iterate(): void {
    while (!this.tick());
  }

  /** the points of every batch in flight, oldest first (display) */
  inFlight(): Tensor2D {
    return tf.concat(this.slots.map((s) => s.x)) as Tensor2D;
  }

  thetaTensor(): Tensor1D {
    return tf.tensor1d(this.theta);
  }

  dispose(): void {
    for (const s of this.slots) s.x.dispose();
    this.slots = [];
    this.lastX0?.dispose();
    this.lastX0 = null;
  }
}
