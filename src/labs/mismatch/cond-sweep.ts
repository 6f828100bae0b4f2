// The conditional T sweep for a mixture prior (sweep = 1): every rule at T ∈ {20, 50, 100, 200, 500}, 300
// particles each, KL by KDE and SW₂/W₂ to exact posterior samples (core/mismatch/sample-sweep.ts). That is
// ~870 reverse steps per rule, too long for one frame: the worker advances it one (rule, T) point per metrics
// snapshot, so the curves fill in while the main run plays; a finished run completes it (the CLI's last frame).
import { RULE_IDS, RULE_LABELS, type RuleId } from '../../core/mismatch/measurement';
import { samplePoint, type SampleSweepRef } from '../../core/mismatch/sample-sweep';
import type { VarianceKind, VpKind } from '../../core/mismatch/schedule';
import type { MixtureCondSetup } from '../../core/mismatch/tensor-rules';
import type { Layer } from '../../protocol/snapshot';

export const MIX_SWEEP_T = [20, 50, 100, 200, 500] as const;
export const MIX_SWEEP_N = 300;

const metricName = (r: RuleId) => r.replace('-', '_');

export class MixtureSweep {
  private next = 0;
  private readonly kl: Record<string, Float32Array> = {};
  private readonly sw2: Record<string, Float32Array> = {};
  private readonly w2: Record<string, Float32Array> = {};

  constructor(
    private readonly cs: MixtureCondSetup,
    private readonly kind: VpKind,
    private readonly variance: VarianceKind,
    private readonly ref: SampleSweepRef,
    private readonly seed: number,
    private readonly rules: readonly RuleId[] = RULE_IDS,
    private readonly Ts: readonly number[] = MIX_SWEEP_T,
    private readonly n = MIX_SWEEP_N,
  ) {
    // NaN = not computed yet (the plot leaves a gap)
    for (const r of rules) for (const o of [this.kl, this.sw2, this.w2]) o[r] = new Float32Array(Ts.length).fill(NaN);
  }

  get total(): number {
    return this.rules.length * this.Ts.length;
  }

  get done(): boolean {
    return this.next >= this.total;
  }

  get progress(): string {
    return `${this.next} / ${this.total} (rule, T) runs of ${this.n} particles`;
  }

  /** compute up to `count` more points (rule-major within each T, so every curve starts at small T) */
  async advance(count: number): Promise<void> {
    for (let k = 0; k < count && !this.done; k++, this.next++) {
      const i = Math.floor(this.next / this.rules.length);
      const r = this.rules[this.next % this.rules.length];
      try {
        const p = await samplePoint(this.cs, r, this.Ts[i], this.kind, this.variance, this.n, this.ref, this.seed);
        this.kl[r][i] = p.kl;
        this.sw2[r][i] = p.sw2;
        this.w2[r][i] = p.w2;
      } catch {
        // a rule that diverges at this T (e.g. DPS with a large ζ) leaves a gap, like the closed-form sweep
      }
    }
  }

  /** the KL curves (for the "KL against T" view) and the SW₂ curves (their own view), fresh arrays */
  layers(): { kl: Layer; sw2: Layer } {
    const xs = Float32Array.from(this.Ts);
    const named = (o: Record<string, Float32Array>, what: string) => Object.fromEntries(this.rules.map((r) => [`${RULE_LABELS[r]} (${what})`, o[r]]));
    return {
      kl: { kind: 'series', xs, ys: named(this.kl, 'KDE estimate') },
      sw2: { kind: 'series', xs, ys: named(this.sw2, 'SW₂, 300 samples') },
    };
  }

  /** kl_est_T50_ddnm, sw2_T50_ddnm, w2_T50_ddnm for the points computed so far */
  metrics(): Record<string, number> {
    const out: Record<string, number> = {};
    this.Ts.forEach((T, i) => this.rules.forEach((r) => {
      if (!Number.isNaN(this.kl[r][i])) out[`kl_est_T${T}_${metricName(r)}`] = this.kl[r][i];
      if (!Number.isNaN(this.sw2[r][i])) out[`sw2_T${T}_${metricName(r)}`] = this.sw2[r][i];
      if (!Number.isNaN(this.w2[r][i])) out[`w2_T${T}_${metricName(r)}`] = this.w2[r][i];
    }));
    return out;
  }
}
