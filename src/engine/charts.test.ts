// The whole path from an experiment's iterations to the store's chart series (engine -> bridge -> store),
// with clocks that never move: only the iteration rules (every-iteration trace, metrics at phase ends and at
// ~50 points a phase) decide what is charted, so the result is the same on a fast machine and a slow one.
import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { loadLab } from '../labs/registry';
import { defaultsOf } from '../labs/codec/url-codec';
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, ParamValue } from '../labs/types';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { WorkerBridge, type WorkerLike } from '../state/bridge';
import { FrameBus } from '../state/frame-bus';
import { createAppStore } from '../state/store';

/** a worker whose inside is a real Engine on the test's tfjs backend */
class InProcessWorker implements WorkerLike {
  private listeners: ((ev: Event) => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  readonly engine = new Engine({
    emit: (m: FromWorker) => { for (const fn of this.listeners) fn({ data: m } as unknown as Event); },
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    now: () => 0,
    labs: loadLab,
    backend: () => 'cpu',
  });
  postMessage(msg: ToWorker) {
    if (msg.type === 'init') {
      setTimeout(() => { for (const fn of this.listeners) fn({ data: { type: 'ready', backend: 'cpu', adapter: 'test' } } as unknown as Event); }, 0);
      return;
    }
    if (msg.type === 'ack') return void this.engine.handle(msg);
    this.queue = this.queue.then(() => this.engine.handle(msg));
  }
  addEventListener(type: 'message' | 'error', fn: (ev: Event) => void) { if (type === 'message') this.listeners.push(fn); }
  terminate() { this.engine.dispose(); }
}

async function runToEnd(lab: LabId, overrides: Record<string, ParamValue>) {
  const store = createAppStore();
  const bridge = new WorkerBridge(() => new InProcessWorker(), store, { bus: new FrameBus(), now: () => 0 });
  bridge.start('cpu');
  const params = { ...defaultsOf(LAB_SCHEMAS[lab]!), ...overrides };
  store.getState().setRun({ playing: true });
  bridge.configure(lab, params, true);
  await expect.poll(() => store.getState().status, { timeout: 60_000, interval: 20 }).toBe('done');
  const series = store.getState().series;
  bridge.dispose();
  return series;
}

const xsOf = (s: { xs: number[] } | undefined) => s?.xs ?? [];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('charts hold every point, at any speed', () => {
  it('a 5-step training phase charts its 5 losses; the 3-step diffusion after it charts every step', async () => {
    const s = await runToEnd('samplers', { target: 'ring', sampler: 'ddpm', score: 'learned', trainSteps: 5, T: 3, particles: 200, hidden: 16, speed: 50 });
    expect(xsOf(s.dsm_loss)).toEqual(range(1, 5));
    // sampled metrics at the phase's start, at every step of a 3-step run, and at its end
    expect(xsOf(s.sw2)).toEqual(range(0, 3));
    expect(xsOf(s.mmd)).toEqual(range(0, 3));
  });

  it('a 200-step Mismatch run charts E‖Δ_t‖², the accumulated mismatch and KL at every step', async () => {
    const s = await runToEnd('mismatch', { mode: 'cond', prior: 'gaussian', T: 200, particles: 200, speed: 200 });
    expect(xsOf(s.delta2)).toEqual(range(1, 200));
    expect(xsOf(s.bias_accumulated)).toEqual(range(1, 200));
    // sampled metrics: at least ~25 evenly spaced steps, the first and the last among them
    const sw = xsOf(s.sw2_posterior);
    expect(sw.length).toBeGreaterThanOrEqual(25);
    expect(sw[0]).toBe(0);
    expect(sw.at(-1)).toBe(200);
  });
});
