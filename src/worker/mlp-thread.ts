// One helper thread of the MLP training pool in the browser (a nested Web Worker started by mlp-threads.ts):
// its first message is the pool's shared memory and its index; it then runs core's helper loop, which
// blocks this worker in Atomics.wait between jobs, until the pool closes.
import { runMlpHelper } from '../core/fused/mlp-pool';
import type { MlpHelperInit } from '../core/fused/mlp-pool';

self.onmessage = (ev: MessageEvent<MlpHelperInit>) => {
  self.onmessage = null;
  try {
    runMlpHelper(ev.data, () => (self as unknown as Worker).postMessage({ started: true }));
  } catch (e) {
    (self as unknown as Worker).postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
