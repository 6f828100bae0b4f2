// tfjs in Node without tfjs-node (it cannot install here): the CPU backend, or the WASM backend
// loading its binary from node_modules.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installWasmKernelFixes } from '../core/fused/wasm-kernel-fixes';
import { startNodeMlpThreads } from './mlp-threads';
import type { NodeMlpThreads } from './mlp-threads';

export type NodeBackend = 'cpu' | 'wasm';

/** resolves once the helper threads startNodeBackend started run (or failed: then trainers stay on one) */
export async function mlpThreadsStarted(): Promise<void> {
  await threads;
}

let threads: Promise<NodeMlpThreads | null> | null = null;

/**
 * The backend, and (unless threads: false, as the unit tests' setup asks) the fused training step's helper
 * threads, started once per process however many backends it starts. Not waited for (they take ~300 ms to
 * start under tsx): trainers run on one thread until the helpers run (the same bits); mlpThreadsStarted() waits.
 */
export async function startNodeBackend(name: NodeBackend, opts: { threads?: boolean } = {}): Promise<void> {
  if (opts.threads !== false) threads ??= startNodeMlpThreads().catch(() => null);
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(pathToFileURL(join(dir, 'dist')).href + '/');
    installWasmKernelFixes(); // as in the app's worker: transposed products through XNNPACK
  }
  // PROD silences tfjs's "install tfjs-node" banner (it cannot install here) and per-op debug checks
  tf.env().set('PROD', true);
  if (!(await tf.setBackend(name))) throw new Error(`could not start the ${name} backend`);
  await tf.ready();
}
