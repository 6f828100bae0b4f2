import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { WorkerLike } from './bridge';
import { ThumbnailRunner } from './thumbnail-runner';

/** A worker that plays like the engine: after each ack, `speed` more iterations in a new frame; done at `end`. */
function fakeWorker(end: number, opts: { failCreate?: boolean; divergeAt?: number; slow?: boolean } = {}) {
  const sent: ToWorker[] = [];
  let onMsg: (ev: Event) => void = () => {};
  let it = 0;
  let frame = 0;
  let speed = 1;
  let playing = false;
  let run = 0;
  const reply = (m: FromWorker) => queueMicrotask(() => onMsg({ data: m } as unknown as Event));
  const snap = () => ({ iteration: it, layers: {}, metrics: {}, info: {}, box: [0, 1, 0, 1] as never });
  const emit = () => {
    if (it >= end) {
      playing = false;
      reply({ type: 'frame', runId: run, frame: ++frame, status: 'done', snapshot: snap() });
      return reply({ type: 'status', runId: run, status: 'done', iteration: it });
    }
    if (opts.divergeAt !== undefined && it >= opts.divergeAt) {
      playing = false;
      reply({ type: 'frame', runId: run, frame: ++frame, status: 'paused', snapshot: snap() });
      reply({ type: 'error', runId: run, fatal: false, message: `The run diverged at iteration ${it}: NaN` });
      return reply({ type: 'status', runId: run, status: 'diverged', iteration: it });
    }
    reply({ type: 'frame', runId: run, frame: ++frame, status: 'running', snapshot: snap() });
  };
  const w: WorkerLike = {
    postMessage(m) {
      sent.push(m);
      if (m.type === 'init') reply({ type: 'ready', backend: 'wasm', adapter: 'test' });
      if (m.type === 'configure') {
        it = 0;
        run = m.runId;
        speed = Number(m.params.speed);
        if (opts.failCreate) return reply({ type: 'error', runId: m.runId, message: 'could not build', fatal: false });
        playing = m.play;
        emit();
      }
      if (m.type === 'pause' && playing && opts.slow) {
        // an advance interrupted by the pause: the engine sends the frame it has
        it += 3;
        reply({ type: 'frame', runId: run, frame: ++frame, status: 'paused', snapshot: snap() });
      }
      if (m.type === 'pause') playing = false;
      if (m.type === 'ack' && playing && m.runId === run && !opts.slow) {
        it = Math.min(end, it + speed);
        emit();
      }
    },
    addEventListener(type, fn) {
      if (type === 'message') onMsg = fn;
    },
    terminate() {},
  };
  return { w, sent };
}

describe('thumbnail runner', () => {
  it('starts on WASM, plays the preset and stops at its steps, acknowledging every frame', async () => {
    const f = fakeWorker(1e9);
    const r = new ThumbnailRunner(() => f.w, () => 0);
    const out = await r.run({ lab: 'samplers', params: { seed: 1 }, steps: 300, budgetMs: 1e6 });
    expect(out.snapshot.iteration).toBe(300);
    expect(out.diverged).toBe(false);
    expect(f.sent[0]).toEqual({ type: 'init', backend: 'wasm' });
    expect(f.sent[1]).toMatchObject({ type: 'configure', play: true, lab: 'samplers', params: { seed: 1, speed: 10 } });
    expect(f.sent.filter((m) => m.type === 'ack').length).toBeGreaterThanOrEqual(30);
    expect(f.sent[f.sent.length - 1]).toMatchObject({ type: 'pause' });
  });

  it('stops at the end of a finite run, and at the time budget', async () => {
    const f = fakeWorker(7);
    const r = new ThumbnailRunner(() => f.w, () => 0);
    expect((await r.run({ lab: 'samplers', params: {}, steps: 1000, budgetMs: 1e6 })).snapshot.iteration).toBe(7);
    let t = 0;
    const g = fakeWorker(1e9);
    const slow = new ThumbnailRunner(() => g.w, () => (t += 400));
    const out = await slow.run({ lab: 'samplers', params: {}, steps: 1e6, budgetMs: 2000 });
    expect(out.snapshot.iteration).toBeLessThan(10 * 100);
    expect(out.snapshot.iteration).toBeGreaterThan(0);
  });

  it('a preset too slow to send a second frame is paused by the clock and gives the frame it has', async () => {
    const f = fakeWorker(1e9, { slow: true });
    const out = await new ThumbnailRunner(() => f.w, () => 0).run({ lab: 'samplers', params: {}, steps: 1000, budgetMs: 20 });
    expect(out.snapshot.iteration).toBe(3);
    expect(f.sent.some((m) => m.type === 'pause')).toBe(true);
  });

  it('a diverged run gives its last picture; a preset that fails to build rejects with the message', async () => {
    const d = fakeWorker(1e9, { divergeAt: 20 });
    const out = await new ThumbnailRunner(() => d.w, () => 0).run({ lab: 'samplers', params: {}, steps: 100, budgetMs: 1e6 });
    expect(out).toMatchObject({ diverged: true, snapshot: { iteration: 21 } });
    const f = fakeWorker(10, { failCreate: true });
    const r = new ThumbnailRunner(() => f.w, () => 0);
    await expect(r.run({ lab: 'samplers', params: {}, steps: 10, budgetMs: 100 })).rejects.toThrow('could not build');
  });
});
