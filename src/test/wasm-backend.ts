// Test helper: make tfjs's WASM backend available in Node (its .wasm files from node_modules), so a
// test file can switch to it; returns the backend that was active, to switch back afterwards.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tf } from '../core/tf';
import { installWasmKernelFixes } from '../core/fused/wasm-kernel-fixes';

export async function loadWasmBackend(): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const dir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  wasm.setWasmPaths(join(dir, 'dist') + '/');
  installWasmKernelFixes(); // the app's worker installs it too
  return tf.getBackend();
}

/** For a test file that runs on WASM throughout: switch to it before the file's tests, back after. */
export function runOnWasmBackend(): void {
  let previous = 'cpu';
  beforeAll(async () => {
    previous = await loadWasmBackend();
    if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  });
  afterAll(async () => {
    await tf.setBackend(previous);
  });
}
