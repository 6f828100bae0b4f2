import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../protocol/messages';
import { WorkerBridge, type WorkerLike } from '../bridge';
import { FrameBus } from '../frame-bus';
import { followParams } from '../follow-params';
import { createAppStore } from '../store';
import { parseHash } from '../../labs/codec/url-codec';
import { CompareSession } from './compare-session';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  private fns: ((ev: Event) => void)[] = [];
  postMessage(msg: ToWorker) { this.sent.push(msg); }
  addEventListener(type: 'message' | 'error', fn: (ev: Event) => void) { if (type === 'message') this.fns.push(fn); }
  terminate() { this.terminated = true; }
  emit(data: FromWorker) { for (const fn of this.fns) fn({ data } as unknown as Event); }
  all<T extends ToWorker['type']>(type: T) { return this.sent.filter((m) => m.type === type) as Extract<ToWorker, { type: T }>[]; }
}

function setup(hash: string) {
  const store = createAppStore();
  const parsed = parseHash(hash);
  store.getState().loadParsed(parsed);
  store.getState().setRun({ requestedBackend: parsed.backend ?? 'auto', playing: true });
  const aWorker = new FakeWorker();
  const bus = new FrameBus();
  const a = new WorkerBridge(() => aWorker, store, { bus });
  a.start(store.getState().requestedBackend);
  followParams(store, a);
  const bWorkers: FakeWorker[] = [];
  const session = new CompareSession({ store, bridge: a, bus, factory: () => { const w = new FakeWorker(); bWorkers.push(w); return w; } });
  // B's worker is up: only now do both runs restart together
  const ready = () => bWorkers.at(-1)?.emit({ type: 'ready', backend: 'wasm', adapter: '' });
  ready();
  return { store, a, aWorker, session, bWorkers, ready, b: () => bWorkers.at(-1)! };
}

describe('CompareSession', () => {
  it('starts no second worker without ab=1', () => {
    const h = setup('#/samplers?sampler=ula&backend=wasm');
    expect(h.session.current()).toBeNull();
    expect(h.bWorkers).toHaveLength(0);
  });

  it('runs B with the overrides on the same backend and seed, both from a fresh run', () => {
    const h = setup('#/samplers?seed=7&sampler=ula&particles=300&backend=wasm&ab=1&b.sampler=mala');
    const run = h.session.current()!;
    expect(h.b().sent[0]).toEqual({ type: 'init', backend: 'wasm', skip: [], lab: 'samplers' });
    const cfg = h.b().all('configure').at(-1)!;
    expect(cfg.params).toMatchObject({ seed: 7, sampler: 'mala', particles: 300 });
    expect(cfg.play).toBe(true);
    expect(h.aWorker.all('configure')).toHaveLength(2); // A restarted with B
    expect(run.params().sampler).toBe('mala');
  });

  it('mirrors pause, play, step and reset; follows A edits; restarts both on a B rebuild', () => {
    const h = setup('#/samplers?sampler=ula&particles=300&backend=wasm&ab=1&b.sampler=mala');
    const run = h.session.current()!;
    const s = h.store.getState();
    h.store.getState().setRun({ playing: false });
    expect(h.b().all('pause')).toHaveLength(1);
    h.store.getState().setRun({ playing: true });
    expect(h.b().all('play')).toHaveLength(1);
    h.a.step(3);
    expect(h.b().all('step').at(-1)!.n).toBe(3);
    const bConfigs = () => h.b().all('configure').length;
    h.a.reset();
    const before = bConfigs();
    expect(h.b().all('configure').at(-1)!.runId).toBe(run.store.getState().runId);
    s.setParam('step', 0.2); // live: an update on both
    expect(h.b().all('update').at(-1)!.patch).toEqual({ step: 0.2 });
    expect(bConfigs()).toBe(before);
    s.setParam('particles', 400); // rebuild of A: B rebuilt once, with A's new value
    expect(bConfigs()).toBe(before + 1);
    expect(h.b().all('configure').at(-1)!.params).toMatchObject({ particles: 400, sampler: 'mala' });
    s.setParam('sampler', 'hmc'); // an overridden key: B keeps its value, restarts with A
    expect(h.b().all('configure').at(-1)!.params.sampler).toBe('mala');
    const aConfigs = h.aWorker.all('configure').length;
    h.store.getState().setUi({ compare: { sampler: 'ula' } }); // B-only rebuild restarts both
    expect(h.aWorker.all('configure')).toHaveLength(aConfigs + 1);
    expect(h.b().all('configure').at(-1)!.params.sampler).toBe('ula');
    expect(run.store.getState().runId).toBe(h.b().all('configure').at(-1)!.runId);
  });

  it('stops the B worker when the comparison is turned off, and replaces it on another lab', () => {
    const h = setup('#/samplers?backend=wasm&ab=1');
    const first = h.b();
    h.store.getState().setUi({ compare: null });
    expect(first.terminated).toBe(true);
    expect(h.session.current()).toBeNull();
    h.store.getState().loadParsed({ ...parseHash('#/dikl?ab=1&b.objective=rkl') });
    expect(h.session.current()?.lab).toBe('dikl');
    expect(h.b().all('configure')).toHaveLength(0); // waits for its worker
    h.ready();
    expect(h.b().all('configure').at(-1)!.params.objective).toBe('rkl');
  });
});
