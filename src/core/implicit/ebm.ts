// Training an energy-based model by implicit diffusion (paper §1 applications; METHODS.md §1.1): the data
// log-likelihood of π_θ ∝ exp(−E_θ) has gradient −(E_data[∇θE] − E_{π_θ}[∇θE]); π_θ is sampled by
// persistent Langevin chains advanced `inner` steps per θ update (1 = the single loop, more = nested).
// The loss whose θ-gradient is that difference is mean E(data) − mean E(chains) with the chains held fixed.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D, Variable } from '../tf';
import type { Rng } from '../rng';
import { Mlp } from '../nets/mlp';

export interface Energy {
  readonly vars: Variable[];
  /** E(x) [N]; call inside tidy */
  energy(x: Tensor2D): Tensor1D;
  /** mixture weights when the energy is a mixture (for the bars), else null */
  weights(): Float32Array | null;
  dispose(): void;
}

/** a variable from an initializer, which is then freed (tf.variable copies, it does not take ownership) */
function own(t: tf.Tensor): Variable {
  const v = tf.variable(t);
  t.dispose();
  return v;
}

/** E(x) = −log Σ_k softmax(a)_k N(x; μ_k, σ_k² I): means, log-widths and logits all trained */
export class MixtureEnergy implements Energy {
  readonly vars: Variable[];
  private readonly means: Variable;
  private readonly logStd: Variable;
  private readonly logits: Variable;

  constructor(initMeans: Float32Array, std: number) {
    const K = initMeans.length / 2;
    if (!Number.isInteger(K) || K < 1) throw new Error('mixture energy: needs at least one component');
    if (!(std > 0)) throw new Error(`mixture energy: initial width must be positive, got ${std}`);
    this.means = own(tf.tensor2d(initMeans, [K, 2]));
    this.logStd = own(tf.fill([K], Math.log(std)));
    this.logits = own(tf.zeros([K]));
    this.vars = [this.means, this.logStd, this.logits];
  }

  energy(x: Tensor2D): Tensor1D {
    const d2 = tf.sum(tf.square(tf.sub(tf.expandDims(x, 1), tf.expandDims(this.means, 0))), 2); // [N,K]
    const inv2v = tf.mul(tf.exp(tf.mul(this.logStd, -2)), 0.5);
    const logw = tf.sub(this.logits, tf.logSumExp(this.logits));
    const lt = tf.sub(tf.sub(logw, tf.mul(d2, inv2v)), tf.add(tf.mul(this.logStd, 2), Math.log(2 * Math.PI)));
    return tf.neg(tf.logSumExp(lt, 1)) as Tensor1D;
  }

  weights(): Float32Array {
    const w = tf.tidy(() => tf.softmax(this.logits));
    const out = w.dataSync() as Float32Array;
    w.dispose();
    return Float32Array.from(out);
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
  }
}

/** E(x) = MLP(x) + |x|²/(2 R²): the quadratic keeps exp(−E) integrable and the chains in range */
export class MlpEnergy implements Energy {
  private readonly net: Mlp;
  readonly vars: Variable[];

  constructor(hidden: number, private readonly confine: number, rng: Rng, private readonly scale = 1) {
    this.net = new Mlp({ inDim: 2, outDim: 1, hidden, depth: 2, rng });
    this.vars = this.net.vars;
  }

  energy(x: Tensor2D): Tensor1D {
    const xs = tf.div(x, this.scale) as Tensor2D;
    const e = tf.reshape(this.net.apply(xs), [-1]);
    return tf.add(e, tf.div(tf.sum(tf.square(x), 1), 2 * this.confine * this.confine)) as Tensor1D;
  }

  weights(): null {
    return null;
  }

  dispose(): void {
    this.net.dispose();
  }
}

export interface EbmOptions {
  energy: Energy;
  data: Tensor2D;
  chains: number;
  batch: number;
  gamma: number;
  inner: number;
  lr: number;
  /** chains are kept inside ±clip (a safety net against a transiently flat energy) */
  clip: number;
  /**
   * α in + α(mean E(data)² + mean E(chains)²): the energy-magnitude penalty of Du & Mordatch (2019). Not part of
   * the Implicit Diffusion objective; without it an MLP energy's level drifts without bound (only differences
   * of E are identified) and the run diverges. 0 disables it.
   */
  reg: number;
  /** the chains start from N(0, initStd² I) (about the data's spread: a broad, uninformed start) */
  initStd: number;
  /**
   * fraction of the chains restarted from N(0, initStd² I) per θ update (Du & Mordatch's replay buffer keeps
   * 95% of its samples and draws 5% fresh per batch); 0 = plain persistent chains. Fractions below one chain
   * per update accumulate (e.g. 0.001 × 500 chains: one restart every 2 updates).
   */
  reinit?: number;
  rng: Rng;
}

export class EbmTrainer {
  chains: Tensor2D;
  updates = 0;
  gradEvals = 0;
  /** mean energies of the last batch of data and of the chains (scalars [2], read at snapshot time) */
  lastEnergies: Tensor1D | null = null;
  private readonly opt: ReturnType<typeof tf.train.adam>;
  private reinitDebt = 0;

  constructor(private o: EbmOptions) {
    for (const [k, v] of [['chains', o.chains], ['batch', o.batch], ['inner', o.inner]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`EBM: ${k} must be a positive integer, got ${v}`);
    }
    if (!(o.gamma > 0) || !Number.isFinite(o.gamma)) throw new Error(`EBM: the chain step γ must be positive, got ${o.gamma}`);
    if (!(o.lr > 0) || !Number.isFinite(o.lr)) throw new Error(`EBM: the learning rate must be positive, got ${o.lr}`);
    const ri = o.reinit ?? 0;
    if (!(ri >= 0 && ri <= 1)) throw new Error(`EBM: the chain restart fraction must be in [0, 1], got ${o.reinit}`);
    this.chains = tf.keep(tf.randomNormal([o.chains, 2], 0, o.initStd, 'float32', o.rng.seed()) as Tensor2D);
    this.opt = tf.train.adam(o.lr, 0.5, 0.999);
  }

  setGamma(g: number): void {
    if (!(g > 0) || !Number.isFinite(g)) throw new Error(`EBM: the chain step γ must be positive, got ${g}`);
    this.o = { ...this.o, gamma: g };
  }

  private chainStep(): void {
    const { gamma, energy, clip } = this.o;
    const seed = this.o.rng.seed();
    const next = tf.tidy(() => {
      const g = tf.grad((x) => tf.sum(energy.energy(x as Tensor2D)))(this.chains);
      const moved = tf.add(tf.sub(this.chains, tf.mul(g, gamma)), tf.randomNormal(this.chains.shape, 0, Math.sqrt(2 * gamma), 'float32', seed));
      return tf.keep(tf.clipByValue(moved, -clip, clip) as Tensor2D);
    });
    this.chains.dispose();
    this.chains = next;
    this.gradEvals += this.o.chains;
  }

  /** restart a random subset of the chains from the initial law (see EbmOptions.reinit) */
  private restartSome(): void {
    this.reinitDebt += (this.o.reinit ?? 0) * this.o.chains;
    const k = Math.floor(this.reinitDebt);
    if (k < 1) return;
    this.reinitDebt -= k;
    const n = this.o.chains;
    const mask = new Float32Array(n);
    for (let i = 0; i < k; i++) mask[this.o.rng.int(n)] = 1; // with replacement: a few fewer is harmless
    const seed = this.o.rng.seed();
    const next = tf.tidy(() => {
      const fresh = tf.randomNormal([n, 2], 0, this.o.initStd, 'float32', seed);
      const m = tf.tensor2d(mask, [n, 1]);
      return tf.keep(tf.add(tf.mul(m, fresh), tf.mul(tf.sub(1, m), this.chains)) as Tensor2D);
    });
    this.chains.dispose();
    this.chains = next;
  }

  /** one θ update: restarts, `inner` chain steps, then Adam on mean E(data batch) − mean E(chains) */
  iterate(): void {
    this.restartSome();
    for (let k = 0; k < this.o.inner; k++) this.chainStep();
    const n = this.o.data.shape[0];
    const idx = new Int32Array(this.o.batch);
    for (let i = 0; i < idx.length; i++) idx[i] = this.o.rng.int(n);
    const energies = tf.tidy(() => {
      const batch = tf.gather(this.o.data, tf.tensor1d(idx, 'int32')) as Tensor2D;
      const chains = this.chains;
      let eD: Tensor1D | null = null;
      let eC: Tensor1D | null = null;
      this.opt.minimize(() => {
        const ed = this.o.energy.energy(batch);
        const ec = this.o.energy.energy(chains);
        const d = tf.mean(ed);
        const c = tf.mean(ec);
        eD = tf.keep(tf.reshape(d, [1]) as Tensor1D);
        eC = tf.keep(tf.reshape(c, [1]) as Tensor1D);
        const pen = tf.mul(tf.add(tf.mean(tf.square(ed)), tf.mean(tf.square(ec))), this.o.reg);
        return tf.add(tf.sub(d, c), pen) as tf.Scalar;
      }, false, this.o.energy.vars);
      const out = tf.concat([eD!, eC!]) as Tensor1D;
      tf.dispose([eD!, eC!]);
      return out;
    });
    this.lastEnergies?.dispose();
    this.lastEnergies = energies;
    this.updates += 1;
  }

  dispose(): void {
    this.chains.dispose();
    this.lastEnergies?.dispose();
    this.opt.dispose();
    this.o.energy.dispose();
  }
}
