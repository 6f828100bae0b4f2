// The potential of the Implicit Diffusion Langevin experiment (METHODS.md §1.1) with its parameters θ:
//   V(x, θ) = −log Σ_k w_k N(x; c_k, v_k I),  w = softmax(logits)
// θ is either the logits (the paper's case, centres fixed) or the centres (the landscape moves, logits
// fixed). The hexagon has c_k = 4(cos kπ/3, sin kπ/3), v_k = 1. Components are normalized Gaussians so
// π*(θ) ∝ exp(−V) is exactly this mixture (for equal v_k this is the paper's energy up to a constant).
// Hand-written gradients (checked against tf.grad in tests):
//   ∇ₓV = Σ_k γ_k (x − c_k)/v_k,   ∂V/∂logit_k = −(γ_k − w_k),   ∂V/∂c_k = −γ_k (x − c_k)/v_k
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';

export type ThetaKind = 'logits' | 'means';

export interface IsoMixture {
  /** interleaved centres, length 2K */
  centres: Float64Array;
  logits: Float64Array;
  /** per-component variance v_k > 0 */
  vars: Float64Array;
}

export const HEX_CENTRES = Float64Array.from(
  Array.from({ length: 6 }, (_, k) => [4 * Math.cos((k * Math.PI) / 3), 4 * Math.sin((k * Math.PI) / 3)]).flat(),
);
/** the paper's θ0 [CODE main.py] */
export const PAPER_THETA0 = Float64Array.from([1.5, 0, 1.5, 0, 1.5, 0]);

export function hexMixture(logits: Float64Array = PAPER_THETA0): IsoMixture {
  return { centres: HEX_CENTRES.slice(), logits: logits.slice(), vars: new Float64Array(6).fill(1) };
}

export function checkIsoMixture(m: IsoMixture): void {
  const K = m.logits.length;
  if (K < 1) throw new Error('mixture potential: needs at least one component');
  if (m.centres.length !== 2 * K || m.vars.length !== K) throw new Error(`mixture potential: ${K} logits need ${2 * K} centre coordinates and ${K} variances`);
  if (![...m.centres, ...m.logits].every(Number.isFinite)) throw new Error('mixture potential: centres and logits must be finite');
  if (!m.vars.every((v) => Number.isFinite(v) && v > 0)) throw new Error('mixture potential: every variance must be positive');
}

/** the potential with one kind of parameter free; the other parts are held as constants */
export class ParamMixture {
  readonly K: number;
  /** number of free parameters: K (logits) or 2K (means) */
  readonly P: number;

  constructor(readonly base: IsoMixture, readonly kind: ThetaKind) {
    checkIsoMixture(base);
    this.K = base.logits.length;
    this.P = kind === 'logits' ? this.K : 2 * this.K;
  }

  /** θ0 as a flat array taken from the base mixture */
  theta0(): Float64Array {
    return this.kind === 'logits' ? this.base.logits.slice() : this.base.centres.slice();
  }

  /** (logits, centres) for a flat θ, in float64 (exact-flow side) */
  unpack(theta: ArrayLike<number>): { logits: Float64Array; centres: Float64Array } {
    const t = Float64Array.from(theta as ArrayLike<number>);
    return this.kind === 'logits' ? { logits: t, centres: this.base.centres } : { logits: this.base.logits, centres: t };
  }

  /** the tensors of logits [K] and centres [K,2] for a θ tensor [P] (call inside tidy) */
  private parts(theta: Tensor1D): { logits: Tensor1D; centres: Tensor2D } {
    if (this.kind === 'logits') return { logits: theta, centres: tf.tensor2d(Float32Array.from(this.base.centres), [this.K, 2]) };
    return { logits: tf.tensor1d(Float32Array.from(this.base.logits)), centres: tf.reshape(theta, [this.K, 2]) as Tensor2D };
  }

  /** per-point component log-terms [N,K], the differences d = x − c_k [N,K,2] and 1/v [K] */
  private terms(x: Tensor2D, theta: Tensor1D) {
    const { logits, centres } = this.parts(theta);
    const invV = tf.tensor1d(Float32Array.from(this.base.vars, (v) => 1 / v));
    const logNorm = tf.tensor1d(Float32Array.from(this.base.vars, (v) => -Math.log(2 * Math.PI * v)));
    const d = tf.sub(tf.expandDims(x, 1), tf.expandDims(centres, 0)); // [N,K,2]
    const sq = tf.sum(tf.square(d), 2); // [N,K]
    const logw = tf.sub(logits, tf.logSumExp(logits));
    const lt = tf.add(tf.add(tf.mul(sq, tf.mul(invV, -0.5)), logNorm), logw) as Tensor2D;
    return { lt, d, invV, logw };
  }

  /** V(x, θ) [N] (differentiable in x and θ: used by the autodiff checks and the EBM) */
  energy(x: Tensor2D, theta: Tensor1D): Tensor1D {
    return tf.tidy(() => tf.neg(tf.logSumExp(this.terms(x, theta).lt, 1)) as Tensor1D);
  }

  /** γ_k(x) [N,K] */
  responsibilities(x: Tensor2D, theta: Tensor1D): Tensor2D {
    return tf.tidy(() => {
      const { lt } = this.terms(x, theta);
      return tf.exp(tf.sub(lt, tf.logSumExp(lt, 1, true))) as Tensor2D;
    });
  }

  /** ∇ₓV(x, θ) [N,2] */
  gradX(x: Tensor2D, theta: Tensor1D): Tensor2D {
    return tf.tidy(() => {
      const { lt, d, invV } = this.terms(x, theta);
      const g = tf.mul(tf.exp(tf.sub(lt, tf.logSumExp(lt, 1, true))), invV); // γ_k / v_k
      return tf.sum(tf.mul(tf.expandDims(g, 2), d), 1) as Tensor2D;
    });
  }

  /** ∇θV(x, θ) [N,P] */
  gradTheta(x: Tensor2D, theta: Tensor1D): Tensor2D {
    return tf.tidy(() => {
      const { lt, d, invV, logw } = this.terms(x, theta);
      const gamma = tf.exp(tf.sub(lt, tf.logSumExp(lt, 1, true)));
      if (this.kind === 'logits') return tf.neg(tf.sub(gamma, tf.exp(logw))) as Tensor2D;
      const g = tf.mul(tf.expandDims(tf.mul(gamma, invV), 2), d); // [N,K,2]
      return tf.neg(tf.reshape(g, [x.shape[0], this.P])) as Tensor2D;
    });
  }
}

/** softmax in float64 */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) m = Math.max(m, logits[i]);
  const e = Float64Array.from(logits as ArrayLike<number>, (t) => Math.exp(t - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
