// Cheap per-iteration scalars (losses, acceptance, rewards, closed-form KL), recorded at every iteration and
// drained with each frame (Experiment.drainTrace): charts then hold every point however many iterations fit
// between two frames, and a training phase that ends between two frames still shows its whole loss curve.
// Values may be numbers or tensors; tensors stay on the device until the drain, which reads all of them in
// one transfer (no device sync inside the step loop, which would stall a GPU backend at every iteration).
import { tf } from '../../core/tf';
import type { Tensor } from '../../core/tf';
import type { TraceRow } from '../../protocol/snapshot';

/** turns a row's raw tensor values into its metrics (e.g. θ and a gradient into a cosine) */
export type TraceFinish = (raw: Record<string, Float32Array>) => Record<string, number>;

interface PendingRow {
  x: number;
  numbers: Record<string, number>;
  tensors: Record<string, Tensor> | null;
  finish: TraceFinish | null;
}

/** a scalar tensor's first value under its own key: the usual finish */
const firstValues: TraceFinish = (raw) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v[0]]));

/** above this many undrained rows every other one is dropped (a headless run stepping 10⁶ iterations at once) */
const MAX_ROWS = 4096;

export class MetricTrace {
  private rows: PendingRow[] = [];
  /** keep one row in `stride` once the buffer has been halved (even coverage of a long undrained stretch) */
  private stride = 1;
  private offered = 0;

  constructor(private readonly maxRows = MAX_ROWS) {}

  /**
   * Record one iteration. The trace takes ownership of `tensors` (it disposes them after the drain);
   * `finish` maps their values to metrics, by default each tensor's first value under its key.
   */
  record(x: number, numbers: Record<string, number | undefined>, tensors?: Record<string, Tensor | null | undefined>, finish?: TraceFinish): void {
    const own: Record<string, Tensor> = {};
    let any = false;
    for (const [k, t] of Object.entries(tensors ?? {})) if (t) { own[k] = t; any = true; }
    if (this.offered++ % this.stride !== 0) {
      tf.dispose(Object.values(own));
      return;
    }
    const nums: Record<string, number> = {};
    for (const [k, v] of Object.entries(numbers)) if (v !== undefined) nums[k] = v;
    this.rows.push({ x, numbers: nums, tensors: any ? own : null, finish: finish ?? null });
    if (this.rows.length > this.maxRows) {
      const drop = this.rows.filter((_, i) => i % 2 === 1);
      for (const r of drop) if (r.tensors) tf.dispose(Object.values(r.tensors));
      this.rows = this.rows.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  get size(): number {
    return this.rows.length;
  }

  /** every row since the last drain, oldest first, with tensor values read in one transfer */
  async drain(): Promise<TraceRow[]> {
    const rows = this.rows;
    this.rows = [];
    this.stride = 1;
    this.offered = 0;
    if (!rows.length) return [];
    const flat: Tensor[] = [];
    for (const r of rows) if (r.tensors) for (const t of Object.values(r.tensors)) flat.push(t);
    let values: Float32Array = new Float32Array(0);
    if (flat.length) {
      const all = tf.tidy(() => tf.concat(flat.map((t) => tf.cast(tf.reshape(t, [-1]), 'float32'))));
      values = (await all.data()) as Float32Array;
      all.dispose();
      tf.dispose(flat);
    }
    let at = 0;
    return rows.map((r) => {
      const m = { ...r.numbers };
      if (r.tensors) {
        const raw: Record<string, Float32Array> = {};
        for (const [k, t] of Object.entries(r.tensors)) {
          raw[k] = values.subarray(at, at + t.size);
          at += t.size;
        }
        Object.assign(m, (r.finish ?? firstValues)(raw));
      }
      return { x: r.x, m };
    });
  }

  dispose(): void {
    for (const r of this.rows) if (r.tensors) tf.dispose(Object.values(r.tensors));
    this.rows = [];
  }
}
