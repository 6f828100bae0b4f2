// The τ = 0 comparison (tau0Twin=1, METHODS.md §5.6): a second DxMI run started from the same point as
// the main one — the same fitted DDPM, the same initial energy and value nets, the same random streams
// (data batches, rollout noise) — with the entropy weight τ set to 0. Only τ differs, so the two sample
// clouds side by side show what the entropy term does. It doubles the cost of an iteration.
import type { Tensor, Tensor1D, Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { GaussianPolicy } from '../../core/dxmi/policy';
import { Critic } from '../../core/dxmi/critic';
import { DxdpTrainer, type DxdpOptions } from '../../core/dxmi/dxdp';
import { PolicyEma } from './ema';
import type { DxmiParams } from './params';

type P = DxmiParams;

/** a copy of an Rng's state: the twin must draw exactly what the main run draws from here on */
function cloneRng(r: Rng): Rng {
  return Object.assign(Object.create(Rng.prototype) as Rng, r);
}

export class Tau0Twin {
  private stats: Tensor1D | null = null;

  private constructor(
    readonly policy: GaussianPolicy,
    readonly critic: Critic,
    private readonly trainer: DxdpTrainer,
    readonly rng: Rng,
    private readonly ema: PolicyEma | null,
  ) {}

  /** the sampler the plots show: its EMA copy when emaSampler > 0, as for the main run */
  get shown(): GaussianPolicy {
    return this.ema ? this.ema.policy : this.policy;
  }

  /**
   * Called right before the main run's first DxMI iteration: copies the main policy and critic (a throwaway
   * Rng builds the nets, whose weights are then overwritten) and the main training stream's state.
   */
  static fork(p: P, main: { policy: GaussianPolicy; critic: Critic; rng: Rng }, opts: DxdpOptions): Tau0Twin {
    const T = p.T;
    const hidden = p.hidden;
    const policy = new GaussianPolicy({ T, hidden, depth: 2, rng: new Rng(0), schedule: main.policy.sched.kind });
    const src = main.policy.trainable(true);
    policy.trainable(true).forEach((v, i) => v.assign(src[i]));
    const critic = new Critic({
      T, hidden, mode: p.value, lrEnergy: p.energyLr, lrValue: p.valueLr, rng: new Rng(0),
      confine: p.confine, ema: p.emaEnergy ?? 0,
    });
    critic.copyFrom(main.critic);
    const rng = cloneRng(main.rng);
    const trainer = new DxdpTrainer(policy, critic, { ...opts, tau: 0 }, rng);
    const ema = p.emaSampler > 0 ? new PolicyEma(T, hidden, policy.sched.kind, p.emaSampler) : null;
    return new Tau0Twin(policy, critic, trainer, rng, ema);
  }

  setOptions(opts: DxdpOptions): void {
    this.trainer.setOptions({ ...opts, tau: 0 });
  }

  /** one DxMI iteration on a batch drawn with the twin's own copy of the stream */
  iterate(data: Tensor2D): void {
    const stats = this.trainer.iterate(data);
    this.stats?.dispose();
    this.stats = stats;
    this.ema?.update(this.policy);
  }

  /** [energy loss, gap, TD loss, policy loss] of the last iteration, or null */
  async lastStats(): Promise<Float32Array | null> {
    return this.stats ? new Float32Array(await this.stats.data()) : null;
  }

  /** the twin's trainable weights (the main run's watch() checks they stay finite; not copies: do not dispose) */
  weights(): Tensor[] {
    return [...this.policy.trainable(true), ...this.critic.energy.vars, ...(this.critic.value?.vars ?? [])];
  }

  dispose(): void {
    this.policy.dispose();
    this.critic.dispose();
    this.trainer.dispose();
    this.stats?.dispose();
    this.ema?.dispose();
  }
}
