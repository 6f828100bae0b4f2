import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { pauseWhenHidden, type VisibilitySource } from './visibility-pause';

function fakeDoc() {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l),
    set(v: DocumentVisibilityState) {
      this.visibilityState = v;
      listeners.forEach((l) => l());
    },
    listeners,
  };
  return doc satisfies VisibilitySource;
}

function setup(playing: boolean) {
  const store = createAppStore();
  store.getState().setRun({ playing, status: playing ? 'running' : 'paused' });
  const calls: string[] = [];
  const run = {
    play: () => { calls.push('play'); store.getState().setRun({ playing: true }); },
    pause: () => { calls.push('pause'); store.getState().setRun({ playing: false }); },
  };
  const doc = fakeDoc();
  const stop = pauseWhenHidden(doc, store, run);
  return { store, calls, doc, stop };
}

describe('pauseWhenHidden', () => {
  it('pauses a playing run when hidden and resumes it when visible', () => {
    const { calls, doc, store } = setup(true);
    doc.set('hidden');
    expect(calls).toEqual(['pause']);
    expect(store.getState().playing).toBe(false);
    doc.set('visible');
    expect(calls).toEqual(['pause', 'play']);
    expect(store.getState().playing).toBe(true);
  });

  it('leaves a paused run paused', () => {
    const { calls, doc } = setup(false);
    doc.set('hidden');
    doc.set('visible');
    expect(calls).toEqual([]);
  });

  it('does not resume a run that finished meanwhile', () => {
    const { calls, doc, store } = setup(true);
    doc.set('hidden');
    store.getState().setRun({ status: 'done' });
    doc.set('visible');
    expect(calls).toEqual(['pause']);
  });

  it('stops listening when asked', () => {
    const { doc, stop } = setup(true);
    stop();
    expect(doc.listeners.size).toBe(0);
  });
});
