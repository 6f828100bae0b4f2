// Threads for the fused training step in Node (the CLI, the bench, the unit tests): worker_threads over one
// shared WebAssembly memory (core/fused/mlp-pool.ts). Every helper runs src/cli/mlp-thread.ts through tsx,
// the TypeScript loader the CLI already runs under: a worker inherits neither vitest's transform nor, in
// Node 20, the parent's --import hooks, so a two-line bootstrap loads tsx's API and imports the entry.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMlpPool, MAX_THREADS, setMlpPool } from '../core/fused/mlp-pool';
import type { MlpHelperInit, MlpPool } from '../core/fused/mlp-pool';

export interface NodeMlpThreads {
  pool: MlpPool;
  /** closes the pool and ends the helpers */
  stop(): Promise<void>;
}

/**
 * Starts a pool of `threads` threads in all (default: the cores Node sees, capped at MAX_THREADS) and
 * resolves once every helper runs; null where shared WebAssembly memory is missing, threads < 2 or a helper
 * failed. With install (the default) trainers created from now on use it (on one thread until it resolves).
 */
export async function startNodeMlpThreads(threads = Math.min(availableParallelism(), MAX_THREADS), install = true): Promise<NodeMlpThreads | null> {
  if (threads < 2) {
    if (install) setMlpPool(null, 'one core');
    return null;
  }
  const pool = createMlpPool(threads);
  if (!pool) {
    if (install) setMlpPool(null, 'no shared WebAssembly memory');
    return null;
  }
  // installed at once: trainers created while the helpers start run on this thread (the same bits) and
  // spread out as soon as they all run
  if (install) setMlpPool(pool);
  const workers: Worker[] = [];
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./mlp-thread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  try {
    await Promise.all(
      Array.from({ length: pool.threads - 1 }, (_, i) => {
        const init: MlpHelperInit = { memory: pool.memory, index: i + 1 };
        const w = new Worker(boot, { eval: true, workerData: init });
        // helpers wait in Atomics.wait: they must not keep the process alive (nor delay the exit of a short run)
        w.unref();
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          w.once('message', () => {
            pool.helperStarted();
            resolve();
          });
          w.once('error', (e) => {
            pool.helperFailed(e.message);
            reject(e);
          });
          w.once('exit', (code) => reject(new Error(`mlp helper thread exited (${code}) before it started`)));
        });
      }),
    );
  } catch (e) {
    pool.close();
    await Promise.all(workers.map((w) => w.terminate()));
    if (install) setMlpPool(null, `threads failed to start: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  return {
    pool,
    async stop() {
      pool.close();
      if (install) setMlpPool(null, 'threads stopped');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
