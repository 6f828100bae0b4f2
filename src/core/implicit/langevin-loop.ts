// Implicit Diffusion's loop for Langevin (METHODS.md §1.2): particles X sample π*(θ) by ULA while θ climbs
//   J(θ) = E_{π*(θ)}[R] − λ KL(π_ref ‖ π*(θ))
// with the particle estimates
//   Γ_R  = −Cov_X(R, ∇θV) = −mean(R ∇θV) + mean(R) mean(∇θV)
//   Γ_KL = mean_ref ∇θV − mean_X ∇θV                       (= ∇θ KL(π_ref ‖ π*(θ)))
//   θ ← θ + η (Γ_R − λ Γ_KL)
// The official code adds +λ Γ_KL (ascent on the KL, METHODS.md §1.5 b); we use the paper's intent, −λ.
// `inner` Langevin steps per θ update: 1 = the single loop; K_in = the nested-loop baseline, warm-started
// (particles carried over) or restarted from N(0, I) before each inner loop.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';
import type { Mixture } from '../types';
import { gmmSample } from '../gmm';
import type { ParamMixture } from './param-mixture';
import { checkReward, rewardTensor, type RewardSpec } from './rewards';

export interface LoopOptions {
  mix: ParamMixture;
  theta0: ArrayLike<number>;
  reward: RewardSpec;
  particles: number;
  gamma: number;
  eta: number;
  lambda: number;
  /** π_ref for the KL term (sampled exactly, a fresh batch per update), or null when λ = 0 */
  ref: Mixture | null;
  refBatch: number;
  /** Langevin steps per θ update (1 = single loop) */
  inner: number;
  /** nested loop: carry the particles over (true) or restart them from N(0, I) (false) */
  warm: boolean;
  rng: Rng;
}

function positive(name: string, v: number, int = false): void {
  if (!Number.isFinite(v) || v <= 0 || (int && !Number.isInteger(v))) throw new Error(`implicit loop: ${name} must be a positive ${int ? 'integer' : 'number'}, got ${v}`);
}

export class LangevinLoop {
  x: Tensor2D;
  theta: Tensor1D;
  /** the latest θ-gradient estimate Γ_R − λ Γ_KL and particle mean reward (read at snapshot time) */
  lastGrad: Tensor1D | null = null;
  lastReward: Tensor1D | null = null;
  /** θ updates done */
  updates = 0;
  /** Langevin steps since the last θ update */
  private ticks = 0;
  /** cumulative ∇ₓV evaluations (one per particle per Langevin step): the cost axis */
  gradEvals = 0;

  constructor(private o: LoopOptions) {
    positive('particles', o.particles, true);
    positive('Langevin step γ', o.gamma);
    positive('inner steps', o.inner, true);
    positive('reference batch', o.refBatch, true);
    if (!Number.isFinite(o.eta) || o.eta < 0) throw new Error(`implicit loop: learning rate η must be ≥ 0, got ${o.eta}`);
    if (!Number.isFinite(o.lambda) || o.lambda < 0) throw new Error(`implicit loop: λ must be ≥ 0, got ${o.lambda}`);
    if (o.lambda > 0 && !o.ref) throw new Error('implicit loop: λ > 0 needs a reference distribution π_ref');
    if (o.theta0.length !== o.mix.P) throw new Error(`implicit loop: θ0 has ${o.theta0.length} entries, the potential has ${o.mix.P}`);
    this.x = this.fresh();
    this.theta = tf.keep(tf.tensor1d(Float32Array.from(o.theta0 as ArrayLike<number>)));
  }

  private fresh(): Tensor2D {
    return tf.keep(tf.randomNormal([this.o.particles, 2], 0, 1, 'float32', this.o.rng.seed()) as Tensor2D);
  }

  /** overwrite θ (the exact-flow mode drives θ from outside; the particles then only sample π*(θ)) */
  setTheta(values: ArrayLike<number>): void {
    if (values.length !== this.o.mix.P) throw new Error(`implicit loop: θ needs ${this.o.mix.P} entries, got ${values.length}`);
    this.theta.dispose();
    this.theta = tf.keep(tf.tensor1d(Float32Array.from(values as ArrayLike<number>)));
  }

  setLive(p: { gamma?: number; eta?: number; lambda?: number; reward?: RewardSpec }): void {
    if (p.gamma !== undefined) positive('Langevin step γ', p.gamma);
    if (p.eta !== undefined && !(p.eta >= 0)) throw new Error(`implicit loop: η must be ≥ 0, got ${p.eta}`);
    if (p.reward) checkReward(p.reward);
    if (p.lambda !== undefined && (!(p.lambda >= 0) || (p.lambda > 0 && !this.o.ref))) throw new Error('implicit loop: λ must be ≥ 0 (and needs π_ref)');
    this.o = { ...this.o, ...p };
  }

  /** X ← X − γ ∇ₓV(X, θ) + √(2γ) ξ */
  langevinStep(): void {
    const { gamma, mix, rng } = this.o;
    const seed = rng.seed();
    const next = tf.tidy(() => {
      const drift = tf.mul(mix.gradX(this.x, this.theta), -gamma);
      const noise = tf.randomNormal(this.x.shape, 0, Math.sqrt(2 * gamma), 'float32', seed);
      return tf.keep(tf.add(tf.add(this.x, drift), noise) as Tensor2D);
    });
    this.x.dispose();
    this.x = next;
    this.gradEvals += this.o.particles;
  }

  /** θ ← θ + η (Γ_R − λ Γ_KL), evaluated on the current particles with the current θ */
  thetaUpdate(): void {
    const { mix, reward, eta, lambda, ref, refBatch, rng } = this.o;
    const refX = lambda > 0 && ref ? gmmSample(refBatch, ref, rng) : null;
    const [theta, grad, r] = tf.tidy(() => {
      const G = mix.gradTheta(this.x, this.theta);
      const R = rewardTensor(this.x, reward);
      const meanG = tf.mean(G, 0);
      const meanR = tf.mean(R);
      const gR = tf.neg(tf.sub(tf.mean(tf.mul(G, tf.expandDims(R, 1)), 0), tf.mul(meanR, meanG)));
      let g = gR;
      if (refX) g = tf.sub(g, tf.mul(tf.sub(tf.mean(mix.gradTheta(refX, this.theta), 0), meanG), lambda));
      return [tf.keep(tf.add(this.theta, tf.mul(g, eta)) as Tensor1D), tf.keep(g as Tensor1D), tf.keep(tf.reshape(meanR, [1]) as Tensor1D)];
    });
    refX?.dispose();
    this.theta.dispose();
    this.lastGrad?.dispose();
    this.lastReward?.dispose();
    this.theta = theta;
    this.lastGrad = grad;
    this.lastReward = r;
    this.updates += 1;
  }

  /** one iteration = one θ update: (restart,) `inner` Langevin steps, then the update */
  iterate(): void {
    for (let k = 0; k < this.o.inner; k++) this.tick();
  }

  /**
   * one Langevin step, and a θ update when an inner loop is complete. Used directly by a cost-matched
   * companion run: it then spends exactly one Langevin step per iteration, like the single loop.
   */
  tick(): void {
    if (this.ticks === 0 && !this.o.warm && this.o.inner > 1) {
      this.x.dispose();
      this.x = this.fresh();
    }
    this.langevinStep();
    this.ticks += 1;
    if (this.ticks >= this.o.inner) {
      this.thetaUpdate();
      this.ticks = 0;
    }
  }

  dispose(): void {
    this.x.dispose();
    this.theta.dispose();
    this.lastGrad?.dispose();
    this.lastReward?.dispose();
  }
}
