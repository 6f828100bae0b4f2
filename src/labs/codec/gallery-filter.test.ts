import { describe, expect, it } from 'vitest';
import { formatGalleryHash, parseGalleryFilter } from './gallery-filter';
import { parseHash } from './url-codec';

describe('gallery filter in the link', () => {
  it('round-trips lab and topic, including a topic with a space', () => {
    const h = formatGalleryHash({ lab: 'dikl', topic: 'mode collapse' });
    expect(h).toBe('#/gallery?lab=dikl&topic=mode%20collapse');
    const p = parseHash(h);
    expect(p.route).toBe('gallery');
    expect(p.params).toEqual({ lab: 'dikl', topic: 'mode collapse' });
    expect(p.notices).toEqual([]);
    expect(formatGalleryHash({})).toBe('#/gallery');
  });

  it('drops bad values and unknown keys with one notice each', () => {
    const { filter, notices } = parseGalleryFilter({ lab: 'nope', topic: 'cats', x: '1' });
    expect(filter).toEqual({});
    expect(notices.map((n) => n.key)).toEqual(['lab', 'topic', 'x']);
    expect(notices[0].message).toMatch(/not a lab.*samplers/);
    expect(parseHash('#/gallery?topic=guidance&lab=zzz').params).toEqual({ topic: 'guidance' });
  });
});
