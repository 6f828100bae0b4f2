// The model's noisy score s_ψ(x_t, t) (METHODS.md §3.2): a time-conditioned MLP trained by denoising score
// matching on detached generator samples, at DiKL's discrete levels t ∈ `levels`.
//   ε̂(x_t, t) = s_t c_t² x_t + MLP([c_t x_t, emb(t)]),   c_t = 1/√(a_t² d² + s_t²),   s_ψ = −ε̂ / s_t
//   loss = mean ‖ε̂(a_t x + s_t ε, t) − ε‖²   (= the code's ‖ε + s_t s_ψ‖², summed over dims, mean over batch)
// c_t keeps the net's input O(1) at every level (d = data scale); the first term is the exact ε for
// N(0, d² I) data, so with the zero-initialized output layer an untrained net is a Gaussian score.
// Departures from the official net (models/mlp.py): sinusoidal features of t/T concatenated to the input,
// instead of random Fourier features added to each hidden layer; the input scaling c_t and the baseline.
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';
import { Mlp, type PlainWeights } from '../nets/mlp';
import { clipByGlobalNorm } from '../nets/dsm';
import type { DiklSchedule } from './schedule';

export interface ModelScoreOptions {
  sched: DiklSchedule;
  /** level indices the score is trained on (1..T−1 for DiKL, [1] for reverse KL) */
  levels: Int32Array;
  hidden: number;
  depth: number;
  lr: number;
  /** data scale d of the generator's samples (the target's spread) */
  scale: number;
  rng: Rng;
}

const EMBED = 16;

export class ModelScore {
  private readonly mlp: Mlp;
  private readonly opt: tf.Optimizer;
  private readonly rng: Rng;
  private readonly levels: Int32Array;
  /** per-level tables [T] and [T, EMBED] */
  private readonly sT: Tensor1D;
  private readonly cT: Tensor1D;
  private readonly aT: Tensor1D;
  private readonly embT: Tensor2D;

  constructor(o: ModelScoreOptions) {
    if (!(o.scale > 0) || !Number.isFinite(o.scale)) throw new Error(`model score: data scale must be positive, got ${o.scale}`);
    if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new Error(`model score: learning rate must be positive, got ${o.lr}`);
    this.rng = o.rng.split();
    this.levels = o.levels;
    const T = o.sched.T;
    const d2 = o.scale * o.scale;
    this.aT = tf.tensor1d(Float32Array.from(o.sched.a));
    this.sT = tf.tensor1d(Float32Array.from(o.sched.s));
    this.cT = tf.tensor1d(Float32Array.from(o.sched.a, (a, t) => 1 / Math.sqrt(a * a * d2 + o.sched.s[t] ** 2)));
    const emb = new Float32Array(T * EMBED);
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < EMBED / 2; k++) {
        const arg = ((k + 1) * Math.PI * t) / (2 * T);
        emb[t * EMBED + k] = Math.sin(arg);
        emb[t * EMBED + EMBED / 2 + k] = Math.cos(arg);
      }
    }
    this.embT = tf.tensor2d(emb, [T, EMBED]);
    this.mlp = new Mlp({ inDim: 2 + EMBED, outDim: 2, hidden: o.hidden, depth: o.depth, rng: this.rng, outScale: 0 });
    this.opt = tf.train.adam(o.lr);
  }

  /** ε̂ for x_t [N,2] at level indices t [N] (int32); inside tf.tidy */
  private eps(xt: Tensor2D, t: Tensor1D): Tensor2D {
    const s = tf.expandDims(tf.gather(this.sT, t), 1);
    const c = tf.expandDims(tf.gather(this.cT, t), 1);
    const xin = tf.mul(xt, c);
    const base = tf.mul(xin, tf.mul(s, c));
    return tf.add(base, this.mlp.apply(tf.concat([xin, tf.gather(this.embT, t)], 1) as Tensor2D)) as Tensor2D;
  }

  /** s_ψ(x_t, t) = −ε̂/s_t, [N,2] */
  score(xt: Tensor2D, t: Tensor1D): Tensor2D {
    return tf.tidy(() => tf.neg(tf.div(this.eps(xt, t), tf.expandDims(tf.gather(this.sT, t), 1))) as Tensor2D);
  }

  /** random level indices from the trained set, [n] int32 */
  drawLevels(n: number): Int32Array {
    const ts = new Int32Array(n);
    for (let i = 0; i < n; i++) ts[i] = this.levels[this.rng.int(this.levels.length)];
    return ts;
  }

  /** DSM loss at given clean points, levels and noise (a pure function: tests and the per-level error plot use it) */
  loss(x: Tensor2D, t: Tensor1D, e: Tensor2D): Scalar {
    return tf.tidy(() => {
      const a = tf.expandDims(tf.gather(this.aT, t), 1);
      const s = tf.expandDims(tf.gather(this.sT, t), 1);
      const xt = tf.add(tf.mul(a, x), tf.mul(s, e)) as Tensor2D;
      return tf.mean(tf.sum(tf.square(tf.sub(this.eps(xt, t), e)), 1)) as Scalar;
    });
  }

  /** one Adam step on detached samples x [N,2] (not owned); returns the loss tensor (caller disposes) */
  trainStep(x: Tensor2D): Scalar {
    const n = x.shape[0];
    const ts = this.drawLevels(n);
    const seed = this.rng.seed();
    return tf.tidy(() => {
      const t = tf.tensor1d(ts, 'int32');
      const e = tf.randomNormal([n, 2], 0, 1, 'float32', seed) as Tensor2D;
      const { value, grads } = tf.variableGrads(() => this.loss(x, t, e), this.mlp.vars);
      this.opt.applyGradients(clipByGlobalNorm(grads, 100));
      return value;
    });
  }

  getWeights(): PlainWeights {
    return this.mlp.getWeights();
  }

  setWeights(w: PlainWeights): void {
    this.mlp.setWeights(w);
  }

  dispose(): void {
    this.mlp.dispose();
    this.opt.dispose();
    [this.aT, this.sT, this.cT, this.embT].forEach((t) => t.dispose());
  }
}
