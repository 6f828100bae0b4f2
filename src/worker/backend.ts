// Backend selection for the worker. `auto` starts every candidate (hardware WebGPU, hardware WebGL,
// WASM, CPU), times four kinds of work on each (engine/bench/probe.ts) and runs each lab on the backend
// where its mix of that work is cheapest (engine/bench/backend-choice.ts); the main thread remembers the
// figures per device and passes them back as `remembered`, so later loads choose the same without
// measuring. Software adapters (SwiftShader, llvmpipe) are correct but slow, so auto does
// not consider them. `?backend=` forces one. Each backend is imported on demand (its own chunk).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendEstimate, BackendMeasurement, BackendName, BackendProfile, BackendRequest } from '../protocol/messages';
import { probeBackend } from '../engine/bench/probe';
import { DEFAULT_PROFILE, chooseBackend, estimatesFor } from '../engine/bench/backend-choice';
import { installWasmKernelFixes } from '../core/fused/wasm-kernel-fixes';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  backend: BackendName;
  adapter: string;
  fallbackFrom: { backend: BackendName; reason: string }[];
  /** auto: the probe figures the choice was made from (new or remembered) */
  measured?: BackendMeasurement[];
  /** auto: the lab's estimated ms per iteration on each measured backend */
  estimates?: BackendEstimate[];
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

/** what auto knows in this worker: the probe figures, and the backends it has started (switching to one is cheap) */
const started = new Map<BackendName, string>();
let measuredHere: BackendMeasurement[] = [];

async function startOnce(name: BackendName): Promise<string> {
  const known = started.get(name);
  if (known !== undefined) {
    if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
    return known;
  }
  const adapter = await tryBackend(name, false);
  started.set(name, adapter);
  return adapter;
}

/**
 * `auto`: choose for the lab's profile from the remembered figures if there are any (and the choice still
 * starts), else measure every candidate first. A forced backend: start it; on failure fall through the
 * remaining ones in order.
 */
export async function selectBackend(request: BackendRequest, skip: readonly BackendName[] = [], remembered: readonly BackendMeasurement[] = [], profile: BackendProfile = DEFAULT_PROFILE): Promise<BackendChoice> {
  if (request === 'auto') {
    const usable = remembered.filter((m) => !skip.includes(m.backend) && m.times && BACKEND_ORDER.includes(m.backend));
    const pick = chooseBackend(usable, profile);
    if (pick) {
      try {
        const adapter = await startOnce(pick);
        measuredHere = usable;
        return { backend: pick, adapter, fallbackFrom: [], measured: usable, estimates: estimatesFor(usable, profile) };
      } catch {
        // the device changed (driver, browser flag): measure again below
      }
    }
    return measureBackends(skip, profile);
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

async function measureBackends(skip: readonly BackendName[], profile: BackendProfile): Promise<BackendChoice> {
  const fallbackFrom: BackendChoice['fallbackFrom'] = [];
  const measured: BackendMeasurement[] = [];
  for (const name of BACKEND_ORDER) {
    if (skip.includes(name)) continue;
    try {
      const adapter = await startOnce(name);
      measured.push({ backend: name, adapter, times: await probeBackend() });
    } catch (e) {
      fallbackFrom.push({ backend: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const best = chooseBackend(measured, profile);
  if (!best) throw new Error('no TensorFlow.js backend could start: ' + fallbackFrom.map((f) => `${f.backend}: ${f.reason}`).join('; '));
  const adapter = await startOnce(best);
  measuredHere = measured;
  return { backend: best, adapter, fallbackFrom, measured, estimates: estimatesFor(measured, profile) };
}

/**
 * auto, on a new lab: the backend this lab runs fastest on by the figures already measured, switched to when
 * it is not the current one; the choice with the lab's estimates (null when nothing was measured).
 */
export async function rechooseFor(profile: BackendProfile, skip: readonly BackendName[]): Promise<BackendChoice | null> {
  const pick = chooseBackend(measuredHere, profile, webgpuGone ? [...skip, 'webgpu'] : skip);
  if (!pick) return null;
  const adapter = pick === tf.getBackend() ? started.get(pick) ?? '' : await startOnce(pick);
  return { backend: pick, adapter, fallbackFrom: [], measured: measuredHere, estimates: estimatesFor(measuredHere, profile) };
}

interface GpuDeviceLike {
  lost?: Promise<{ message?: string; reason?: string }>;
  destroy?(): void;
}
const webgpuDevice = (): GpuDeviceLike | undefined => (tf.getBackend() === 'webgpu' ? (tf.backend() as unknown as { device?: GpuDeviceLike }).device : undefined);

/**
 * A WebGPU device can be lost mid-run (driver reset, GPU removed, tab in background on some systems, or
 * `destroy()`). tfjs does not surface it as an exception, so watch the device's `lost` promise and report
 * it: the bridge then restarts the worker on the next backend and resumes from the URL state. Every
 * reason counts, 'destroyed' too: tfjs never destroys its own device (its dispose() leaves it alive), so a
 * destroyed device is one the page can no longer use.
 */
const watched = new WeakSet<object>();
let lostReason: string | null = null;
let webgpuGone = false;
export function watchDeviceLoss(onLost: (reason: string) => void): void {
  const device = webgpuDevice();
  if (!device || watched.has(device)) return; // one report per device, however often auto comes back to it
  watched.add(device);
  void device.lost?.then((info) => {
    const reason = (info.message || info.reason || 'unknown reason').replace(/\.$/, '');
    webgpuGone = true; // auto never moves a lab back onto the dead device
    // a loss while auto runs the current lab elsewhere costs that run nothing
    if (tf.getBackend() !== 'webgpu') return;
    lostReason = reason;
    onLost(reason);
  });
}

/** the reason the current backend's device was lost, once it was (every later error is the loss's) */
export function backendLost(): string | null {
  return tf.getBackend() === 'webgpu' ? lostReason : null;
}

/** test hook: destroy the real WebGPU device (what a driver reset does to it); false when not on WebGPU */
export function destroyWebGpuDevice(): boolean {
  const device = webgpuDevice();
  if (!device?.destroy) return false;
  device.destroy();
  return true;
}
