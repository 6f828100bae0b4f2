import { afterEach, describe, expect, it } from 'vitest';
import { dispatchKey, keyBelongsToTarget, listShortcuts, registerShortcut, subscribeShortcuts } from './shortcuts';

const offs: (() => void)[] = [];
afterEach(() => offs.splice(0).forEach((f) => f()));
const add = (key: string, log: string[], name = key) => {
  const off = registerShortcut({ key, label: key, description: name, run: () => log.push(name) });
  offs.push(off);
  return off;
};
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra });

describe('keyboard shortcuts', () => {
  it('runs the registered key and reports it handled', () => {
    const log: string[] = [];
    add(' ', log, 'play');
    add('s', log, 'step');
    expect(dispatchKey({ key: ' ', target: el('BODY') }, false)).toBe(true);
    expect(dispatchKey({ key: 'S', target: el('BODY') }, false)).toBe(true); // caps lock
    expect(dispatchKey({ key: 'x', target: el('BODY') }, false)).toBe(false);
    expect(log).toEqual(['play', 'step']);
  });

  it('leaves keys to fields, buttons, modified keys and open dialogs', () => {
    const log: string[] = [];
    add(' ', log);
    add('s', log);
    add('ArrowRight', log);
    expect(dispatchKey({ key: 's', target: el('INPUT', { type: 'text' }) }, false)).toBe(false);
    expect(dispatchKey({ key: 's', target: el('TEXTAREA') }, false)).toBe(false);
    expect(dispatchKey({ key: 'ArrowRight', target: el('SELECT') }, false)).toBe(false);
    expect(dispatchKey({ key: 'ArrowRight', target: el('INPUT', { type: 'range' }) }, false)).toBe(false);
    expect(dispatchKey({ key: 's', target: el('DIV', { isContentEditable: true }) }, false)).toBe(false);
    expect(dispatchKey({ key: ' ', target: el('BUTTON') }, false)).toBe(false);
    expect(dispatchKey({ key: ' ', target: el('INPUT', { type: 'checkbox' }) }, false)).toBe(false);
    expect(dispatchKey({ key: 's', ctrlKey: true, target: el('BODY') }, false)).toBe(false);
    expect(dispatchKey({ key: 's', target: el('BODY') }, true)).toBe(false);
    expect(log).toEqual([]);
    // a letter on a focused button or checkbox is still the page's
    expect(dispatchKey({ key: 's', target: el('BUTTON') }, false)).toBe(true);
    expect(keyBelongsToTarget({ key: 's', target: el('INPUT', { type: 'checkbox' }) })).toBe(false);
    expect(log).toEqual(['s']);
  });

  it('ignores auto-repeat except for arrows', () => {
    const log: string[] = [];
    add(' ', log);
    add('ArrowLeft', log);
    expect(dispatchKey({ key: ' ', repeat: true, target: el('BODY') }, false)).toBe(true);
    dispatchKey({ key: 'ArrowLeft', repeat: true, target: el('BODY') }, false);
    expect(log).toEqual(['ArrowLeft']);
  });

  it('lists one entry per key, the latest registration winning until it is removed', () => {
    const log: string[] = [];
    let changes = 0;
    offs.push(subscribeShortcuts(() => changes++));
    add('?', log, 'help');
    add('ArrowRight', log, 'page next');
    const tour = add('ArrowRight', log, 'tour next');
    expect(listShortcuts().map((s) => s.description)).toEqual(['help', 'tour next']);
    dispatchKey({ key: 'ArrowRight', target: el('BODY') }, false);
    tour();
    expect(listShortcuts().map((s) => s.description)).toEqual(['help', 'page next']);
    dispatchKey({ key: 'ArrowRight', target: el('BODY') }, false);
    expect(log).toEqual(['tour next', 'page next']);
    expect(changes).toBe(4);
    // stable snapshot between changes (React's useSyncExternalStore relies on it)
    expect(listShortcuts()).toBe(listShortcuts());
  });
});
