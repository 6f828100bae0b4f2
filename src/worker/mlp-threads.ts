// Threads for the fused training step in the browser: where the page is cross-origin isolated (COOP/COEP
// from the dev and preview servers, or from the service worker on hosts that cannot send headers), this
// compute worker starts navigator.hardwareConcurrency - 1 helper workers (capped: MAX_THREADS in all) on one
// shared WebAssembly memory (core/fused/mlp-pool.ts). Trainers created before they have all started, and
// every trainer where isolation is missing, run single-threaded; the results are the same bits either way.
import { createMlpPool, MAX_THREADS, mlpThreadsLabel, setMlpPool } from '../core/fused/mlp-pool';
import type { MlpHelperInit } from '../core/fused/mlp-pool';

let started = false;

/** a helper that has not started by then is not waited for (the pool stays on one thread until it does) */
const START_WAIT_MS = 3000;

/** starts the helpers (once); resolves when they all run (at most START_WAIT_MS), or at once where threads cannot run here */
export function startMlpThreads(): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  const scope = self as unknown as { crossOriginIsolated?: boolean };
  if (!scope.crossOriginIsolated || typeof SharedArrayBuffer === 'undefined') {
    setMlpPool(null, 'no cross-origin isolation');
    return Promise.resolve();
  }
  const cores = navigator.hardwareConcurrency || 1;
  if (cores < 2) {
    setMlpPool(null, 'one core');
    return Promise.resolve();
  }
  const pool = createMlpPool(Math.min(cores, MAX_THREADS));
  if (!pool) {
    setMlpPool(null, 'no threaded WebAssembly');
    return Promise.resolve();
  }
  setMlpPool(pool);
  const all = Promise.all(
    Array.from({ length: pool.threads - 1 }, (_, i) =>
      new Promise<void>((resolve) => {
        const w = new Worker(new URL('./mlp-thread.ts', import.meta.url), { type: 'module', name: `mlp-thread-${i + 1}` });
        w.onmessage = (ev: MessageEvent<{ started?: boolean; error?: string }>) => {
          if (ev.data.started) pool.helperStarted();
          else pool.helperFailed(ev.data.error ?? 'a helper failed');
          resolve();
        };
        w.onerror = (ev) => {
          pool.helperFailed(ev.message || 'a helper failed to load');
          resolve();
        };
        const init: MlpHelperInit = { memory: pool.memory, index: i + 1 };
        w.postMessage(init);
      }),
    ),
  );
  return Promise.race([all, new Promise((resolve) => setTimeout(resolve, START_WAIT_MS))]).then(() => undefined);
}

/** '2 threads', or '1 thread (why)': what the fused training step runs on now */
export const trainingThreads = mlpThreadsLabel;
