import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../labs/schemas';
import { parseHash } from '../labs/codec/url-codec';
import { valuesEqual } from '../labs/codec/param-codec';
import { filterCards, firstSentence, galleryCards } from './gallery-cards';

describe('gallery cards', () => {
  const cards = galleryCards();

  it('has one card per preset of every lab, each with a complete link that replays the preset', () => {
    const total = Object.values(LAB_SCHEMAS).reduce((n, s) => n + s!.presets.length, 0);
    expect(cards.length).toBe(total);
    for (const c of cards) {
      expect(c.link).not.toContain('preset=');
      const p = parseHash(c.link);
      expect(p.notices, c.link).toEqual([]);
      expect(p.lab).toBe(c.lab);
      const schema = LAB_SCHEMAS[c.lab]!;
      for (const [key, value] of Object.entries(c.preset.params)) {
        const spec = schema.params.find((s) => s.key === key)!;
        expect(valuesEqual(spec, p.params[key], value), `${c.lab}/${c.preset.id}.${key}`).toBe(true);
      }
      expect(c.line.length).toBeGreaterThan(10);
      expect(c.line.length).toBeLessThanOrEqual(150);
    }
  });

  it('filters by lab and by topic', () => {
    const dikl = filterCards(cards, { lab: 'dikl' });
    expect(dikl.length).toBe(LAB_SCHEMAS.dikl!.presets.length);
    const mc = filterCards(cards, { topic: 'mode collapse' });
    expect(mc.length).toBeGreaterThan(0);
    expect(mc.every((c) => c.topics.includes('mode collapse'))).toBe(true);
    expect(filterCards(cards, { lab: 'dikl', topic: 'mode collapse' }).every((c) => c.lab === 'dikl')).toBe(true);
  });

  it('takes the first sentence, not a decimal point, and shortens a long one at a word', () => {
    expect(firstSentence('Step 0.5 works. Then more.')).toBe('Step 0.5 works.');
    expect(firstSentence('No period here')).toBe('No period here');
    const long = firstSentence(`${'word '.repeat(60)}end.`);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('word…')).toBe(true);
  });
});
