// The one NaN/Inf check of a run's state (the engine's divergence test, Experiment.watch()): every watched
// value is reduced to one ok flag per watch on the device, and all the flags come back in ONE read.
import { tf, type Tensor } from './tf';

/** what one watch checks: core's view of labs/types.ts FiniteWatch (no labels needed here) */
export interface FiniteValues {
  /**
   * the values to check now: tensors (the caller's own are not disposed; ones made inside are freed), plain
   * arrays or numbers (checked in JS)
   */
  values: () => ReadonlyArray<Tensor | ArrayLike<number> | number | null | undefined>;
  /** a magnitude beyond which a value counts as diverged too (default: only NaN and ±Infinity) */
  limit?: number;
}

function plainOk(v: ArrayLike<number> | number, limit: number): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) <= limit;
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]) || Math.abs(v[i]) > limit) return false;
  return true;
}

/**
 * Index of the first watch whose values hold a NaN, an infinity or (with `limit`) a magnitude beyond it; -1
 * when all are fine. `values()` runs inside tf.tidy, so tensors it creates are freed; it must be synchronous.
 */
export async function firstNonFinite(watches: readonly FiniteValues[]): Promise<number> {
  const jsOk = watches.map(() => true);
  // which watches have tensors, in the order of the device flags
  const onDevice: number[] = [];
  const flags = tf.tidy((): Tensor | undefined => {
    const perWatch: Tensor[] = [];
    watches.forEach((w, i) => {
      const limit = w.limit ?? Infinity;
      const oks: Tensor[] = [];
      for (const v of w.values()) {
        if (v === null || v === undefined) continue;
        if (v instanceof tf.Tensor) {
          if (v.isDisposed || v.size === 0) continue;
          const x = v.dtype === 'float32' ? v : tf.cast(v, 'float32');
          let ok = tf.all(tf.isFinite(x));
          if (Number.isFinite(limit)) ok = tf.logicalAnd(ok, tf.lessEqual(tf.max(tf.abs(x)), limit));
          oks.push(ok);
        } else if (!plainOk(v, limit)) {
          jsOk[i] = false;
        }
      }
      if (oks.length === 0) return;
      onDevice.push(i);
      perWatch.push(oks.length === 1 ? oks[0] : tf.all(tf.stack(oks)));
    });
    return perWatch.length > 0 ? tf.cast(tf.stack(perWatch), 'int32') : undefined;
  });
  const deviceOk = watches.map(() => true);
  if (flags) {
    try {
      const read = await flags.data();
      onDevice.forEach((w, k) => { deviceOk[w] = read[k] === 1; });
    } finally {
      flags.dispose();
    }
  }
  return watches.findIndex((_, i) => !jsOk[i] || !deviceOk[i]);
}
