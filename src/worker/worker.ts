// The compute worker: picks a backend, then hands every message to the Engine. All math lives in
// core/ and labs/; this file only wires them to postMessage.
import { Engine } from '../engine/engine';
import { loadLab } from '../labs/registry';
import type { BackendName, ToWorker } from '../protocol/messages';
import { backendLost, destroyWebGpuDevice, rechooseFor, selectBackend, watchDeviceLoss, type BackendChoice } from './backend';
import { describeError } from '../engine/errors';
import { runBench } from './bench';
import { checkFormula } from '../core/targets/formula/check';
import { startMlpThreads, trainingThreads } from './mlp-threads';
import * as tf from '@tensorflow/tfjs-core';

// the training step's helper threads start while the backend does; `ready` waits for them
const threadsStarted = startMlpThreads();
const post = (msg: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const engine = new Engine({
  emit: post,
  // MessageChannel yields to the event loop without setTimeout's 4 ms clamp
  yieldNow: () => new Promise<void>((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); }),
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  labs: loadLab,
  backend: () => tf.getBackend(),
  backendLost,
});

// messages are handled one after another (a configure finishes before the play that follows it)
let queue: Promise<void> = Promise.resolve();
let auto = false;
let skip: BackendName[] = [];
const profileOf = async (lab?: string) => (lab ? (await loadLab(lab).catch(() => undefined))?.backendProfile : undefined);
const announce = (c: BackendChoice, lab?: string) => {
  post({ type: 'ready', backend: c.backend, adapter: c.adapter, threads: trainingThreads(), fallbackFrom: c.fallbackFrom, measured: c.measured, estimates: c.estimates, lab });
  watchDeviceLoss((reason) => post({ type: 'error', fatal: true, backend: 'webgpu', message: `The GPU device was lost (${reason}).`, suggestion: 'Restarting on the next backend; the experiment resumes from the link.' }));
};
self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    auto = msg.backend === 'auto';
    skip = msg.skip ?? [];
    queue = profileOf(msg.lab)
      .then((profile) => selectBackend(msg.backend, skip, msg.remembered, profile))
      .then(async (c) => (await threadsStarted, announce(c, msg.lab)))
      .catch((e: unknown) => post({ type: 'error', message: String(e instanceof Error ? e.message : e), suggestion: 'Try another browser.', fatal: false }));
    return;
  }
  if (msg.type === 'ack') return void engine.handle(msg);
  // start fetching the lab's code now: it loads while the backend is still starting (the engine's
  // own import of it, after the queue, then finds it ready)
  if (msg.type === 'configure') {
    void loadLab(msg.lab).catch(() => undefined);
    // auto: a lab whose work runs faster on another measured backend moves there before it is built
    if (auto) queue = queue.then(async () => { const c = await rechooseFor((await profileOf(msg.lab)) ?? {}, skip); if (c) announce(c, msg.lab); }).catch(() => undefined);
  }
  if (msg.type === 'bench') {
    queue = queue.then(() => runBench(msg));
    return;
  }
  if (msg.type === 'checkFormula') return post({ type: 'formulaChecked', id: msg.id, check: checkFormula(msg.draft) });
  if (msg.type === 'memory') {
    const m = tf.memory();
    return post({ type: 'memory', id: msg.id, backend: tf.getBackend(), numTensors: m.numTensors, numBytes: m.numBytes });
  }
  if (msg.type === 'destroyDevice') {
    if (!destroyWebGpuDevice()) post({ type: 'error', fatal: false, message: `destroyDevice (test hook): the worker runs on ${tf.getBackend()}, not WebGPU` });
    return; // the device's lost promise reports the loss (watchDeviceLoss)
  }
  if (msg.type === 'simulateFailure') {
    const backend = tf.getBackend() as BackendName;
    return post({ type: 'error', fatal: true, backend, message: `simulated failure of the ${backend} backend (test hook)`, suggestion: 'Restarting on the next backend.' });
  }
  queue = queue.then(() => engine.handle(msg)).catch((e: unknown) => {
    const [message, suggestion, fatal] = describeError(e, 'step', backendLost());
    post({ type: 'error', message, suggestion, fatal, ...(fatal ? { backend: tf.getBackend() as BackendName } : {}) });
  });
};
