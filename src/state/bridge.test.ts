import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { Snapshot } from '../protocol/snapshot';
import { WorkerBridge, type WorkerLike } from './bridge';
import { FrameBus } from './frame-bus';
import { createAppStore } from './store';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((ev: Event) => void)[]> = { message: [], error: [] };
  postMessage(msg: ToWorker) { this.sent.push(msg); }
  addEventListener(type: 'message' | 'error', fn: (ev: Event) => void) { this.listeners[type].push(fn); }
  terminate() { this.terminated = true; }
  emit(data: FromWorker) { for (const fn of this.listeners.message) fn({ data } as unknown as Event); }
  crash(message: string) { for (const fn of this.listeners.error) fn({ message } as unknown as Event); }
  last<T extends ToWorker['type']>(type: T) { return this.sent.filter((m) => m.type === type).at(-1) as Extract<ToWorker, { type: T }> | undefined; }
}

const snap = (iteration: number, metrics: Record<string, number> = { sw2: 1 / (iteration + 1) }): Snapshot =>
  ({ iteration, layers: {}, metrics, info: {}, box: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 } });

function setup() {
  const workers: FakeWorker[] = [];
  const store = createAppStore();
  const bus = new FrameBus();
  const frames: number[] = [];
  bus.subscribe((_s, f) => frames.push(f));
  let t = 0;
  const bridge = new WorkerBridge(() => { const w = new FakeWorker(); workers.push(w); return w; }, store, { bus, now: () => t });
  const tick = (ms: number) => { t += ms; };
  return { workers, store, bus, frames, bridge, tick, w: () => workers.at(-1)! };
}

describe('WorkerBridge', () => {
  it('sends init, then configure with a bumped runId', () => {
    const h = setup();
    h.bridge.start('auto');
    h.bridge.configure('samplers', { seed: 1 }, true);
    expect(h.w().sent[0]).toEqual({ type: 'init', backend: 'auto', skip: [] });
    const r1 = h.w().last('configure')!.runId;
    h.bridge.configure('samplers', { seed: 2 }, true);
    expect(h.w().last('configure')!.runId).toBe(r1 + 1);
    expect(h.store.getState().runId).toBe(r1 + 1);
    expect(h.store.getState().status).toBe('starting');
    h.w().emit({ type: 'ready', backend: 'webgl', adapter: 'ANGLE' });
    expect(h.store.getState()).toMatchObject({ backend: 'webgl', adapter: 'ANGLE', status: 'running' });
  });

  it('publishes a frame to the bus, then acks it; drops frames of a stale run', () => {
    const h = setup();
    h.bridge.start('auto');
    h.bridge.configure('samplers', {}, true);
    const old = h.bridge.currentRunId;
    h.bridge.configure('samplers', {}, true);
    const cur = h.bridge.currentRunId;
    h.w().emit({ type: 'frame', runId: old, frame: 1, status: 'running', snapshot: snap(5) });
    expect(h.frames).toEqual([]);
    expect(h.w().last('ack')).toBeUndefined();
    h.w().emit({ type: 'frame', runId: cur, frame: 1, status: 'running', snapshot: snap(5) });
    expect(h.frames).toEqual([1]);
    const sent = h.w().sent;
    expect(sent.at(-1)).toEqual({ type: 'ack', runId: cur, frame: 1 });
    h.w().emit({ type: 'status', runId: old, status: 'done', iteration: 99 });
    expect(h.store.getState().status).not.toBe('done');
  });

  it('buffers every frame\'s metrics and trace rows, and reaches the store at most every 250 ms and on the final frame', () => {
    const h = setup();
    h.bridge.start('cpu');
    h.bridge.configure('samplers', {}, true);
    const runId = h.bridge.currentRunId;
    let updates = 0;
    h.store.subscribe((st, prev) => { if (st.series !== prev.series) updates++; });
    for (let i = 1; i <= 20; i++) {
      h.tick(16);
      // each frame: 10 iterations of a traced loss, and its own sw2 (and a stale loss that the trace supersedes)
      const trace = Array.from({ length: 10 }, (_, k) => ({ x: (i - 1) * 10 + k + 1, m: { dsm_loss: k } }));
      h.w().emit({ type: 'frame', runId, frame: i, status: i === 20 ? 'done' : 'running', snapshot: { ...snap(i * 10, { sw2: 1 / i, dsm_loss: -1 }), trace } });
    }
    const st = h.store.getState();
    expect(st.series.sw2.xs).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 10));
    expect(st.series.dsm_loss.xs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(st.series.dsm_loss.ys.includes(-1)).toBe(false);
    expect(updates).toBeLessThanOrEqual(3);
    expect(st).toMatchObject({ iteration: 200, status: 'done' });
    expect(h.w().sent.filter((m) => m.type === 'ack')).toHaveLength(20);
    h.bridge.reset();
    expect(h.store.getState().series).toEqual({});
  });

  it('a finished run keeps playing; Play on it runs the experiment again from its seed', () => {
    const h = setup();
    h.bridge.start('cpu');
    h.w().emit({ type: 'ready', backend: 'cpu', adapter: 'js' });
    h.store.getState().setRun({ playing: true });
    h.bridge.configure('samplers', { seed: 4 }, true);
    const runId = h.bridge.currentRunId;
    h.w().emit({ type: 'status', runId, status: 'done', iteration: 100 });
    expect(h.store.getState()).toMatchObject({ status: 'done', playing: true });
    h.bridge.play();
    expect(h.w().last('configure')).toMatchObject({ runId: runId + 1, params: { seed: 4 }, play: true });
    expect(h.store.getState()).toMatchObject({ status: 'running', iteration: 0, playing: true });
    // a paused run stays paused through a reconfigure
    h.bridge.pause();
    h.bridge.reset();
    expect(h.w().last('configure')).toMatchObject({ play: false });
    expect(h.store.getState().status).toBe('paused');
  });

  it('turns errors into store state; a fatal one restarts on the next backend and re-configures', () => {
    const h = setup();
    h.bridge.start('auto');
    h.bridge.configure('samplers', { seed: 3, step: 0.1 }, true);
    h.w().emit({ type: 'ready', backend: 'webgpu', adapter: 'gpu' });
    h.bridge.update({ step: 0.2 });
    h.w().emit({ type: 'error', runId: h.bridge.currentRunId, message: 'NaN in particles', suggestion: 'Lower the step size', fatal: false });
    expect(h.store.getState()).toMatchObject({ status: 'error', message: 'NaN in particles', suggestion: 'Lower the step size' });
    const first = h.w();
    first.emit({ type: 'error', message: 'device lost', fatal: true, backend: 'webgpu' });
    expect(first.terminated).toBe(true);
    expect(h.workers).toHaveLength(2);
    expect(h.w().sent[0]).toEqual({ type: 'init', backend: 'webgl', skip: ['webgpu'], lab: 'samplers' });
    const conf = h.w().last('configure')!;
    expect(conf).toMatchObject({ lab: 'samplers', params: { seed: 3, step: 0.2 }, play: true });
    expect(h.store.getState().fallbacks).toEqual([{ backend: 'webgpu', reason: 'device lost' }]);
    expect(h.store.getState().message).toContain('restarted on webgl');
    // late messages from the dead worker are ignored
    first.emit({ type: 'ready', backend: 'webgpu', adapter: 'x' });
    expect(h.store.getState().backend).toBeNull();
    // a crash of the new worker moves on again, skipping what failed
    h.w().emit({ type: 'ready', backend: 'webgl', adapter: 'ANGLE' });
    h.w().crash('context lost');
    expect(h.w().sent[0]).toEqual({ type: 'init', backend: 'wasm', skip: ['webgpu', 'webgl'], lab: 'samplers' });
  });

  it('a lost GPU device restarts on the next backend with a notice that says so, and the run kept', () => {
    const h = setup();
    h.bridge.start('webgpu');
    h.bridge.configure('samplers', { seed: 4, particles: 40 }, true);
    h.w().emit({ type: 'ready', backend: 'webgpu', adapter: 'SwiftShader' });
    const first = h.w();
    first.emit({ type: 'error', fatal: true, backend: 'webgpu', message: 'The GPU device was lost (Device was destroyed).', suggestion: 'Restarting on the next backend; the experiment resumes from the link.' });
    expect(first.terminated).toBe(true);
    expect(h.w().sent[0]).toEqual({ type: 'init', backend: 'webgl', skip: ['webgpu'], lab: 'samplers' });
    expect(h.w().last('configure')).toMatchObject({ lab: 'samplers', params: { seed: 4, particles: 40 }, play: true });
    h.w().emit({ type: 'ready', backend: 'webgl', adapter: 'ANGLE' });
    const s = h.store.getState();
    expect(s.message).toBe('The GPU device was lost (Device was destroyed); continuing on WebGL.');
    expect(s.status).toBe('running');
    expect(s.backend).toBe('webgl');
  });

  it('stops with a readable error when no backend is left', () => {
    const h = setup();
    h.bridge.start('cpu');
    h.w().emit({ type: 'ready', backend: 'cpu', adapter: 'js' });
    h.w().emit({ type: 'error', message: 'out of memory', fatal: true });
    expect(h.workers).toHaveLength(1);
    expect(h.w().terminated).toBe(true);
    expect(h.store.getState().status).toBe('error');
    expect(h.store.getState().message).toContain('out of memory');
  });

  it('re-configures with the same params on needsReset', () => {
    const h = setup();
    h.bridge.start('auto');
    h.bridge.configure('samplers', { particles: 50 }, false);
    const runId = h.bridge.currentRunId;
    h.w().emit({ type: 'needsReset', runId, keys: ['particles'] });
    expect(h.w().last('configure')).toEqual({ type: 'configure', runId: runId + 1, lab: 'samplers', params: { particles: 50 }, play: false, horizon: 500 });
  });
});
