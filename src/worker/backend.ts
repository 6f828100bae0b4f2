// Backend selection for the worker. `auto` starts every candidate (hardware WebGPU, hardware WebGL,
// WASM, CPU), times one real step on each (engine/bench/probe.ts) and keeps the fastest; the main
// thread remembers that choice per device and passes it back as `remembered`, which is then tried
// first without measuring. Software adapters (SwiftShader, llvmpipe) are correct but slow, so auto does
// not consider them. `?backend=` forces one. Each backend is imported on demand (its own chunk).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendName, BackendRequest } from '../protocol/messages';
import { probeBackend } from '../engine/bench/probe';
import { installWasmKernelFixes } from '../core/fused/wasm-kernel-fixes';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  backend: BackendName;
  adapter: string;
  fallbackFrom: { backend: BackendName; reason: string }[];
  /** auto without a remembered choice: the probe's time on each backend that started */
  measured?: { backend: BackendName; adapter: string; ms: number }[];
}

const SOFTWARE = /swiftshader|llvmpipe|software|basic render/i;

async function webgpuAdapter(): Promise<{ name: string; software: boolean }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) throw new Error('WebGPU is not available in this browser');
  const adapter = (await gpu.requestAdapter()) as null | { info?: Record<string, unknown>; isFallbackAdapter?: boolean };
  if (!adapter) throw new Error('no WebGPU adapter');
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const software = Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter) || SOFTWARE.test(name);
  return { name, software };
}

function webglRenderer(): string {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return '';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return '';
  }
}

async function tryBackend(name: BackendName, forced: boolean): Promise<string> {
  let adapter = '';
  if (name === 'webgpu') {
    const a = await webgpuAdapter();
    if (a.software && !forced) throw new Error(`software adapter (${a.name}) is slow; not chosen automatically`);
    adapter = a.name;
    await import('@tensorflow/tfjs-backend-webgpu');
    (await import('./webgpu-kernels')).registerWebGpuKernels();
  } else if (name === 'webgl') {
    adapter = webglRenderer();
    if (!adapter) throw new Error('WebGL 2 is not available');
    if (SOFTWARE.test(adapter) && !forced) throw new Error(`software renderer (${adapter}) is slow; not chosen automatically`);
    await import('@tensorflow/tfjs-backend-webgl');
    (await import('./webgl-kernels')).registerWebGlKernels();
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const { wasmPaths } = await import('./wasm-paths');
    // The threaded build spawns its pthread workers from a blob of its own loader script, which
    // breaks once the loader is bundled ("e is not defined"). Single-threaded SIMD is reliable.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths(wasmPaths());
    installWasmKernelFixes(); // transposed products (every backward pass) through XNNPACK
    adapter = 'WebAssembly (SIMD)';
  } else {
    adapter = 'JavaScript';
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
  await tf.ready();
  // a tiny op proves the backend really computes before we commit to it
  const probe = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), 1).dataSync());
  if (probe[1] !== 3) throw new Error('backend self-test gave a wrong answer');
  return adapter;
}

/**
 * `auto`: the remembered backend if it still starts, else measure every candidate and keep the fastest.
 * A forced backend: start it; on failure fall through the remaining ones in order.
 */
export async function selectBackend(request: BackendRequest, skip: readonly BackendName[] = [], remembered?: BackendName): Promise<BackendChoice> {
  if (request === 'auto') {
    if (remembered && !skip.includes(remembered)) {
      try {
        return { backend: remembered, adapter: await tryBackend(remembered, false), fallbackFrom: [] };
      } catch {
        // the device changed (driver, browser flag): measure again below
      }
    }
    return measureBackends(skip);
  }
  const order = [request, ...BACKEND_ORDER.filter((b) => b !== request)];
  const fallbackFrom: BackendChoice['fallbackFrom'] = [];
  for (const name of order) {
    if (skip.includes(name)) continue;
    try {
      const adapter = await tryBackend(name, request === name);
      return { backend: name, adapter, fallbackFrom };
    } catch (e) {
      fallbackFrom.push({ backend: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error('no TensorFlow.js backend could start: ' + fallbackFrom.map((f) => `${f.backend}: ${f.reason}`).join('; '));
}

async function measureBackends(skip: readonly BackendName[]): Promise<BackendChoice> {
  const fallbackFrom: BackendChoice['fallbackFrom'] = [];
  const measured: NonNullable<BackendChoice['measured']> = [];
  for (const name of BACKEND_ORDER) {
    if (skip.includes(name)) continue;
    try {
      const adapter = await tryBackend(name, false);
      measured.push({ backend: name, adapter, ms: await probeBackend() });
    } catch (e) {
      fallbackFrom.push({ backend: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (!measured.length) throw new Error('no TensorFlow.js backend could start: ' + fallbackFrom.map((f) => `${f.backend}: ${f.reason}`).join('; '));
  const best = measured.reduce((a, b) => (b.ms < a.ms ? b : a));
  if (!(await tf.setBackend(best.backend))) throw new Error(`tf.setBackend('${best.backend}') failed after measuring`);
  return { backend: best.backend, adapter: best.adapter, fallbackFrom, measured };
}

/**
 * A WebGPU device can be lost mid-run (driver reset, GPU removed, tab in background on some systems).
 * tfjs does not surface it as an exception, so watch the device and report it: the bridge then
 * restarts the worker on the next backend and resumes from the URL state.
 */
export function watchDeviceLoss(onLost: (reason: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
  void device?.lost?.then((info) => {
    if (info.reason !== 'destroyed') onLost(info.message || info.reason || 'unknown reason');
  });
}
