// The T-step DDPM reverse sampler with a θ-parameterized score (METHODS.md §0.1, §1.3), and the replay of
// one batch's recorded steps as a differentiable function of θ.
//   x̂0 = (x_t + s_t² s_θ(x_t))/a_t,  μ_θ = c1_t x̂0 + c2_t x_t,  x_{t−1} = μ_θ + σ̃_t ξ_t   (σ̃_1 = 0)
// Per trajectory the objective is R(x0) − λ Σ_{t: σ̃_t > 0} |μ_θ(x_t) − μ_base(x_t)|²/(2σ̃_t²): the second
// term is the KL between the fine-tuned and base reverse kernels summed along the path (the path KL; its
// pathwise gradient is unbiased because ξ_t is independent of x_t). With exact scores and T → ∞ the path
// KL equals KL(p_θ ‖ p_base) of the outputs (both are time reversals of the same forward process).
// A batch is recorded by seeds (start noise, one per step) and the θ used at each step, so a replay
// reproduces its trajectory exactly; backprop runs through that replay.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { makeSchedule, type ScheduleKind } from '../schedules';
import type { DiffusionModel } from './diffusion-models';
import { rewardTensor, type RewardSpec } from './rewards';

/** per-step coefficients, index j = steps already done (j = 0 starts at t = T) */
export interface StepCoefs {
  T: number;
  a: Float32Array;
  s2: Float32Array;
  c1: Float32Array;
  c2: Float32Array;
  sig: Float32Array;
}

export function stepCoefs(T: number, kind: ScheduleKind = 'linear'): StepCoefs {
  const sch = makeSchedule(kind, T);
  const out: StepCoefs = { T, a: new Float32Array(T), s2: new Float32Array(T), c1: new Float32Array(T), c2: new Float32Array(T), sig: new Float32Array(T) };
  for (let j = 0; j < T; j++) {
    const t = T - j; // 1-based step index
    const ab = sch.abar[t - 1];
    const abPrev = t >= 2 ? sch.abar[t - 2] : 1;
    const beta = sch.beta[t - 1];
    out.a[j] = Math.sqrt(ab);
    out.s2[j] = 1 - ab;
    out.c1[j] = (Math.sqrt(abPrev) * beta) / (1 - ab);
    out.c2[j] = (Math.sqrt(sch.alpha[t - 1]) * (1 - abPrev)) / (1 - ab);
    out.sig[j] = Math.sqrt((beta * (1 - abPrev)) / (1 - ab));
  }
  return out;
}

/** per-row coefficient columns [N,1] for rows at the given stages (n rows per stage) */
export function rowCoefs(c: StepCoefs, stages: readonly number[], n: number) {
  const col = (src: Float32Array) => {
    const v = new Float32Array(stages.length * n);
    stages.forEach((j, s) => v.fill(src[j], s * n, (s + 1) * n));
    return tf.tensor2d(v, [v.length, 1]);
  };
  const groups = stages.map((j) => ({ a: c.a[j], s2: c.s2[j], n }));
  return { a: col(c.a), s2: col(c.s2), c1: col(c.c1), c2: col(c.c2), sig: col(c.sig), groups };
}

type Rows = ReturnType<typeof rowCoefs>;

/** one reverse step for every row: returns x_{t−1} and the per-row path-KL term (0 where σ̃ = 0) */
export function reverseStep(model: DiffusionModel, x: Tensor2D, theta: Tensor1D, r: Rows, noise: Tensor2D, withReg: boolean): { x: Tensor2D; reg: Tensor1D | null } {
  const s = model.score(x, theta, r.a, r.s2, r.groups);
  const gain = tf.div(tf.mul(r.c1, r.s2), r.a); // μ = c2 x + c1 (x + s2 s)/a
  const mu = tf.add(tf.mul(tf.add(r.c2, tf.div(r.c1, r.a)), x), tf.mul(gain, s));
  const next = tf.add(mu, tf.mul(r.sig, noise)) as Tensor2D;
  if (!withReg) return { x: next, reg: null };
  const dmu = tf.mul(gain, tf.sub(s, model.baseScore(x, r.a, r.s2, r.groups)));
  const sig2 = tf.square(r.sig);
  const inv = tf.where(tf.greater(sig2, 0), tf.div(0.5, tf.maximum(sig2, 1e-30)), tf.zerosLike(sig2));
  return { x: next, reg: tf.reshape(tf.mul(tf.sum(tf.square(dmu), 1, true), inv), [-1]) as Tensor1D };
}

/** a batch's record: seeds of its start noise and of each step's noise, and the θ used at each step */
export interface BatchRecord {
  startSeed: number;
  stepSeeds: number[];
  thetas: Float32Array[];
}

export const noiseOf = (n: number, seed: number) => tf.randomNormal([n, 2], 0, 1, 'float32', seed) as Tensor2D;

export interface ReplayResult {
  /** ∇ of mean R(x0) − λ mean pathKL w.r.t. a shift δ added to every recorded θ, at δ = 0 */
  grad: Tensor1D;
  x0: Tensor2D;
  reward: Tensor1D; // [1]
  reg: Tensor1D; // [1]
}

/** backprop through a recorded batch: the trajectory is rebuilt from its seeds and θs (identical to the original) */
export function replayGrad(model: DiffusionModel, c: StepCoefs, rec: BatchRecord, n: number, reward: RewardSpec, lambda: number): ReplayResult {
  if (rec.stepSeeds.length !== c.T || rec.thetas.length !== c.T) throw new Error(`replay: a finished batch needs ${c.T} recorded steps, got ${rec.thetas.length}`);
  const side: { x0?: Tensor2D; r?: Tensor1D; reg?: Tensor1D } = {};
  const grad = tf.tidy(() => {
    const rows = Array.from({ length: c.T }, (_, j) => rowCoefs(c, [j], n));
    const f = (d: tf.Tensor) => {
      const delta = d as Tensor1D;
      let x = noiseOf(n, rec.startSeed);
      let reg: Tensor1D = tf.zeros([n]);
      for (let j = 0; j < c.T; j++) {
        const th = tf.add(tf.tensor1d(rec.thetas[j]), delta) as Tensor1D;
        const out = reverseStep(model, x, th, rows[j], noiseOf(n, rec.stepSeeds[j]), lambda !== 0);
        x = out.x;
        if (out.reg) reg = tf.add(reg, out.reg);
      }
      const r = tf.mean(rewardTensor(x, reward));
      const rg = tf.mean(reg);
      side.x0 = tf.keep(tf.clone(x));
      side.r = tf.keep(tf.reshape(r, [1]) as Tensor1D);
      side.reg = tf.keep(tf.reshape(rg, [1]) as Tensor1D);
      return tf.sub(r, tf.mul(rg, lambda));
    };
    return tf.grad(f)(tf.zeros([model.P]) as Tensor1D) as Tensor1D;
  });
  return { grad, x0: side.x0!, reward: side.r!, reg: side.reg! };
}
