// One helper thread of the MLP training pool in Node (worker_threads; started by mlp-threads.ts): it runs
// core's helper loop on the pool's shared memory and never returns to its event loop until the pool closes.
import { parentPort, workerData } from 'node:worker_threads';
import { runMlpHelper } from '../core/fused/mlp-pool';
import type { MlpHelperInit } from '../core/fused/mlp-pool';

runMlpHelper(workerData as MlpHelperInit, () => parentPort!.postMessage('started'));
