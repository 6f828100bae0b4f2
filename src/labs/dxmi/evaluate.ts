// Metrics and per-frame layers of the DxMI lab: 2000 fresh samples of the policy against 2000 data
// points (sliced W2), mode coverage on mixtures, and anomaly detection (held-out data vs uniform
// points in the box, scored by the energy: ROC and AUROC). Its own Rng stream, so how often the UI
// asks for frames never changes the training run.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Target } from '../../core/targets/types';
import type { GaussianPolicy } from '../../core/dxmi/policy';
import type { Critic } from '../../core/dxmi/critic';
import { auroc } from '../../core/dxmi/anomaly';
import { slicedW2 } from '../../core/metrics/sliced-w2';
import { modesCovered } from '../../core/metrics/modes';
import { knnEntropy2d } from '../../core/dxmi/knn-entropy';
import type { Layer } from '../../protocol/snapshot';
import type { DxmiParams } from './params';
import { pathsLayer, rocLayer, toNet, toWorld, type Frame } from './view-data';

const EVAL_N = 2000;
const ANOMALY_N = 1000;
const PATHS = 10;

export class Evaluator {
  private baselineX: Tensor2D | null = null;
  private baseline: number | null = null;
  /** k-NN entropy estimate of the 2000 reference data points (world frame), computed once */
  private entropyData: number | null = null;

  private constructor(
    private readonly target: Target,
    private readonly frame: Frame,
    readonly reference: Float32Array,
    private readonly holdout: Tensor2D,
    private readonly outliers: Tensor2D,
    private readonly rng: Rng,
  ) {}

  static async create(target: Target, frame: Frame, rData: Rng, rEval: Rng): Promise<Evaluator> {
    const ref = target.sample(EVAL_N, rData);
    const reference = new Float32Array(await ref.data());
    ref.dispose();
    const b = target.box;
    const seed = rData.seed();
    const [holdout, outliers] = tf.tidy(() => {
      const h = toNet(target.sample(ANOMALY_N, rData), frame);
      const u = tf.add(tf.mul(tf.randomUniform([ANOMALY_N, 2], 0, 1, 'float32', seed), tf.tensor1d([b.xmax - b.xmin, b.ymax - b.ymin])), tf.tensor1d([b.xmin, b.ymin])) as Tensor2D;
      return [h, toNet(u, frame)];
    });
    return new Evaluator(target, frame, reference, holdout, outliers, rEval);
  }

  /** keep the initial sampler's samples (called once, right before the first DxMI iteration) */
  captureBaseline(policy: GaussianPolicy): void {
    if (this.baselineX || this.baseline !== null) return;
    const r = this.rng.split();
    this.baselineX = tf.tidy(() => policy.rollout(EVAL_N, r)[policy.T]);
  }

  async evaluate(policy: GaussianPolicy, critic: Critic, withMetrics: boolean, p: DxmiParams) {
    const metrics: Record<string, number> = {};
    const layers: Record<string, Layer> = {};
    // the full last state, and the first PATHS points of every earlier one (for the trajectories)
    const states = tf.tidy(() => policy.rollout(EVAL_N, this.rng).map((s, t) => (t === policy.T ? s : tf.slice(s, [0, 0], [PATHS, 2]))));
    const arrays = await Promise.all(states.map((s) => s.data()));
    tf.dispose(states);
    // not params casts: data() is typed for every dtype, and the rollout's states are float32
    const xT = toWorld(arrays[policy.T] as Float32Array, this.frame);
    layers.samples = { kind: 'points', xy: xT };
    layers.data = { kind: 'points', xy: this.reference };
    if (p.paths) layers.paths = pathsLayer(arrays.map((a) => (a as Float32Array).subarray(0, 2 * PATHS)), PATHS, this.frame); // float32, as above
    const probe = await this.energyAt([p.probeX, p.probeY], critic);
    if (!withMetrics) return { metrics, layers, probe };
    metrics.sw2_data = slicedW2(xT, this.reference, this.rng, 64);
    if (this.baselineX) {
      this.baseline = slicedW2(toWorld(new Float32Array(await this.baselineX.data()), this.frame), this.reference, this.rng, 64);
      this.baselineX.dispose();
      this.baselineX = null;
    }
    if (this.baseline !== null) metrics.baseline_sw2 = this.baseline;
    if (this.target.mixture) {
      metrics.modes_covered = modesCovered(xT, this.target.mixture).covered;
      metrics.modes_total = this.target.mixture.length; // the chart's axis reaches the number of modes
    }
    this.entropyData ??= knnEntropy2d(this.reference);
    metrics.entropy_data = this.entropyData;
    metrics.entropy_samples = knnEntropy2d(xT);
    const [eh, eo] = tf.tidy(() => [critic.scoreE(this.holdout), critic.scoreE(this.outliers)]);
    const normal = new Float32Array(await eh.data());
    const anomaly = new Float32Array(await eo.data());
    tf.dispose([eh, eo]);
    if (normal.every(Number.isFinite) && anomaly.every(Number.isFinite)) {
      metrics.auroc = auroc(anomaly, normal);
      layers.roc = rocLayer(anomaly, normal);
    }
    return { metrics, layers, probe };
  }

  /** the τ = 0 twin's samples (world) and, with metrics, its sliced W₂ and modes, on the twin's own stream */
  async twinView(policy: GaussianPolicy, rng: Rng, withMetrics: boolean): Promise<{ xy: Float32Array; metrics: Record<string, number> }> {
    const x = tf.tidy(() => policy.rollout(EVAL_N, rng)[policy.T]);
    const xy = toWorld(new Float32Array(await x.data()), this.frame);
    x.dispose();
    const metrics: Record<string, number> = {};
    if (withMetrics) {
      metrics.sw2_tau0 = slicedW2(xy, this.reference, rng, 64);
      if (this.target.mixture) metrics.modes_tau0 = modesCovered(xy, this.target.mixture).covered;
      metrics.entropy_tau0 = knnEntropy2d(xy);
    }
    return { xy, metrics };
  }

  private async energyAt(xy: [number, number], critic: Critic): Promise<number | undefined> {
    if (!xy.every(Number.isFinite)) return undefined;
    const e = tf.tidy(() => critic.scoreE(toNet(tf.tensor2d([xy]), this.frame)));
    const v = (await e.data())[0];
    e.dispose();
    return v;
  }

  dispose(): void {
    this.holdout.dispose();
    this.outliers.dispose();
    this.baselineX?.dispose();
  }
}
