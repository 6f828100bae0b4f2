import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, TourDraft, type StorageLike } from './tour-draft';

const memory = (init: Record<string, string> = {}): StorageLike & { data: Record<string, string> } => {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};
const step = (n: number) => ({ link: `#/samplers?seed=${n}`, caption: `c${n}`, lookFor: `l${n}` });

describe('tour draft', () => {
  it('adds, edits, moves and removes steps, persisting each change', () => {
    const s = memory();
    const d = new TourDraft(s);
    let calls = 0;
    d.subscribe(() => calls++);
    d.add(step(1));
    d.add(step(2));
    d.add(step(3));
    d.edit(1, { caption: 'second' });
    d.move(2, -1);
    d.move(0, -1); // out of range: nothing
    expect(d.get().steps.map((x) => x.caption)).toEqual(['c1', 'c3', 'second']);
    d.remove(0);
    expect(d.get().steps.map((x) => x.caption)).toEqual(['c3', 'second']);
    expect(calls).toBe(6); // the out-of-range move changed nothing and told no one
    expect(new TourDraft(s).get()).toEqual(d.get());
  });

  it('refuses a step past the limit and survives corrupt storage', () => {
    const d = new TourDraft(memory());
    for (let i = 0; i < 20; i++) expect(d.add(step(i))).toBe(true);
    expect(d.add(step(21))).toBe(false);
    expect(new TourDraft(memory({ [DRAFT_KEY]: '{not json' })).get().steps).toEqual([]);
    expect(new TourDraft(memory({ [DRAFT_KEY]: '{"title":"x","steps":[{"link":1}]}' })).get().steps).toEqual([]);
    expect(new TourDraft(null).get().title).toBe('My tour');
  });
});
