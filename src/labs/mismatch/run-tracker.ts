// Per-step bookkeeping of a mismatched run: E_{q_t}‖Δ_t‖² at the step just taken, the running accumulated
// mismatch B = Σ_{steps so far, t ≥ 2} (β_t/2) E_{q_t}‖Δ_t‖², the closed-form KL(Q_t ‖ P_t) where the law is
// propagated exactly, and a copy of the particles at t = 1 (the paper's bias is measured there).
// Monte-Carlo values stay on the device as running tensors: nothing is read inside the step loop.
import { tf } from '../../core/tf';
import type { Scalar, Tensor2D } from '../../core/tf';
import type { NoiseLevel } from '../../core/types';
import type { Propagation } from '../../core/mismatch/gaussian-propagation';
import { levelOf, type VpTable } from '../../core/mismatch/schedule';
import type { MetricTrace } from '../common/trace';

export class RunTracker {
  private t = -1;
  private biasJs = 0;
  private delta2Js = NaN;
  private biasT: Scalar | null = null;
  private delta2T: Scalar | null = null;
  private x1T: Tensor2D | null = null;
  private x1Js: Float32Array | null = null;

  constructor(
    private readonly tab: VpTable,
    private readonly prop: Propagation | null,
    private readonly mse: ((level: NoiseLevel, t: number) => Scalar) | null,
    /** ‖V_t − v_t I‖_F per step t (DDNM+'s per-direction noise against the DDPM variance), or null */
    private readonly varExcess: Float64Array | null = null,
    /** where every step's values go (the charts show the run's every step) */
    private readonly trace: MetricTrace | null = null,
  ) {}

  /** call with the step index about to be taken */
  before(t: number): void {
    this.t = t;
  }

  after(run: { t: number; iteration?: number; particles(): Tensor2D }): void {
    const t = this.t;
    const beta = this.tab.beta[t - 1];
    if (this.prop) {
      this.delta2Js = this.prop.delta2[t];
      if (t >= 2) this.biasJs += (beta / 2) * this.delta2Js;
    } else if (this.mse) {
      const d = this.mse(levelOf(this.tab, t), t);
      this.delta2T?.dispose();
      this.delta2T = d;
      if (t >= 2) {
        const next = tf.tidy(() => (this.biasT ? tf.add(this.biasT, tf.mul(d, beta / 2)) : tf.mul(d, beta / 2)) as Scalar);
        this.biasT?.dispose();
        this.biasT = next;
      }
    }
    if (run.t === 1) this.x1T = tf.clone(run.particles());
    this.traceStep(run);
  }

  /** the step's values under the same keys as metrics(), at the run's iteration */
  private traceStep(run: { iteration?: number }): void {
    if (!this.trace || this.t < 1) return;
    const x = run.iteration ?? this.tab.T - this.t + 1;
    const nums: Record<string, number | undefined> = {};
    if (this.varExcess) nums.var_excess = this.varExcess[this.t];
    if (this.prop) {
      nums.delta2 = this.delta2Js;
      nums.bias_accumulated = this.biasJs;
      if (this.t - 1 >= 1) nums.kl_t = this.prop.klAt[this.t - 1];
      this.trace.record(x, nums);
      return;
    }
    if (!this.biasT) nums.bias_accumulated = 0;
    this.trace.record(x, nums, { delta2: this.delta2T ? tf.clone(this.delta2T) : null, bias_accumulated: this.biasT ? tf.clone(this.biasT) : null });
  }

  /** particles at t = 1 once the run has passed there */
  get x1(): Float32Array | null {
    return this.x1Js;
  }

  async metrics(): Promise<Record<string, number>> {
    if (this.x1T) {
      this.x1Js = new Float32Array(await this.x1T.data());
      this.x1T.dispose();
      this.x1T = null;
    }
    const out: Record<string, number> = {};
    if (this.t < 1) return out;
    if (this.varExcess) out.var_excess = this.varExcess[this.t];
    if (this.prop) {
      out.delta2 = this.delta2Js;
      out.bias_accumulated = this.biasJs;
      const tNow = this.t - 1;
      if (tNow >= 1) out.kl_t = this.prop.klAt[tNow];
    } else {
      if (this.delta2T) out.delta2 = (await this.delta2T.data())[0];
      out.bias_accumulated = this.biasT ? (await this.biasT.data())[0] : 0;
    }
    return out;
  }

  dispose(): void {
    tf.dispose([this.biasT, this.delta2T, this.x1T].filter((v): v is Scalar | Tensor2D => v !== null));
    this.biasT = this.delta2T = null;
    this.x1T = null;
  }
}
