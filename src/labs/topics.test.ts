import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from './schemas';
import { TOPICS } from './topics';

const presets = Object.values(LAB_SCHEMAS).flatMap((s) => s!.presets.map((p) => ({ lab: s!.id, p })));

describe('preset topics', () => {
  it('every preset has 1 to 3 distinct topics from the vocabulary', () => {
    expect(presets.length).toBeGreaterThan(30);
    for (const { lab, p } of presets) {
      const t = p.topics ?? [];
      expect(t.length, `${lab}/${p.id}`).toBeGreaterThanOrEqual(1);
      expect(t.length, `${lab}/${p.id}`).toBeLessThanOrEqual(3);
      expect(new Set(t).size, `${lab}/${p.id} repeats a topic`).toBe(t.length);
      for (const x of t) expect(TOPICS as readonly string[], `${lab}/${p.id}`).toContain(x);
    }
  });

  it('every topic gathers at least two presets (a filter that finds one card is noise)', () => {
    for (const topic of TOPICS) {
      expect(presets.filter(({ p }) => p.topics?.includes(topic)).length, topic).toBeGreaterThanOrEqual(2);
    }
  });
});
