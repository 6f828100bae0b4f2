import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { startUrlSync, type Timers } from './url-sync';

function harness(initialHash: string) {
  const loc = { hash: initialHash };
  const writes: string[] = [];
  const history = { replaceState: (_d: unknown, _u: string, url?: string) => { writes.push(url!); loc.hash = url!; } };
  const listeners = new Set<() => void>();
  const target = { addEventListener: (_t: 'hashchange', fn: () => void) => listeners.add(fn), removeEventListener: (_t: 'hashchange', fn: () => void) => listeners.delete(fn) };
  let now = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => { queue.push({ at: now + ms, fn, id: ++nextId }); return nextId; },
    clearTimeout: (id) => { const i = queue.findIndex((q) => q.id === id); if (i >= 0) queue.splice(i, 1); },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const q of [...queue].sort((a, b) => a.at - b.at)) if (q.at <= now) { queue.splice(queue.indexOf(q), 1); q.fn(); }
  };
  const store = createAppStore();
  const stop = startUrlSync({ store, location: loc, history, target, timers });
  const paste = (h: string) => { loc.hash = h; listeners.forEach((fn) => fn()); };
  return { store, writes, advance, paste, stop, loc, listeners };
}

describe('url sync', () => {
  it('reads the hash on load, with its notices and backend', () => {
    const h = harness('#/samplers?seed=7&particles=3&backend=wasm');
    const s = h.store.getState();
    expect(s).toMatchObject({ route: 'lab', lab: 'samplers', requestedBackend: 'wasm' });
    expect(s.params).toMatchObject({ seed: 7, particles: 10 });
    expect(s.notices).toHaveLength(1);
  });

  it('writes edits once, 250 ms after the last one, with replaceState', () => {
    const h = harness('#/samplers?seed=7');
    h.advance(300); // canonicalizes the opening link
    h.writes.length = 0;
    h.store.getState().setParam('step', 0.1);
    h.advance(200);
    h.store.getState().setParam('step', 0.2);
    h.advance(200);
    expect(h.writes).toEqual([]);
    h.advance(60);
    expect(h.writes).toHaveLength(1);
    expect(h.writes[0]).toContain('step=0.2');
    expect(h.writes[0]).toContain('seed=7');
    expect(h.writes[0]).not.toContain('backend=');
  });

  it('reads a pasted link on hashchange and leaves a bare landing URL bare', () => {
    const h = harness('');
    h.advance(1000);
    expect(h.writes).toEqual([]);
    h.paste('#/samplers?preset=hmc-funnel');
    expect(h.store.getState().params).toMatchObject({ sampler: 'hmc', target: 'funnel' });
    h.advance(300);
    expect(h.writes[0]).toMatch(/^#\/samplers\?v=3&seed=1&target=funnel/);
    h.stop();
    expect(h.listeners.size).toBe(0);
  });
});
