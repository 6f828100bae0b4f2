import { describe, expect, it } from 'vitest';
import { BUILTIN_TOURS } from '../tours';
import { LAB_SCHEMAS } from '../schemas';
import { LAB_IDS } from '../types';
import { packTour, parseTourOption, PACKED_PREFIX, resolveTour, TOUR_LIMITS, unpackTour, type Tour } from './tour-codec';
import { formatHash, parseHash } from './url-codec';

const mine: Tour = {
  title: 'Mon tour: σ & β',
  steps: [
    { link: '#/samplers?v=2&seed=3&target=banana', caption: 'Étape 1 – ULA', lookFor: 'Les particules… "quoted" & <b>' },
    { link: '#/dikl?v=2&seed=1', caption: 'Two', lookFor: '' },
  ],
};

describe('tour codec', () => {
  it('packs a tour into a link-safe ref and unpacks it unchanged (unicode, quotes, &)', () => {
    const ref = packTour(mine);
    expect(ref.startsWith(PACKED_PREFIX)).toBe(true);
    expect(ref).toMatch(/^t1\.[A-Za-z0-9_-]+$/);
    expect(unpackTour(ref)).toEqual({ tour: mine });
  });

  it('rejects damaged refs with a sentence, never throwing', () => {
    const ref = packTour(mine);
    const bad = [ref.slice(0, ref.length - 7), `${ref}%%`, 't1.', 't1.eyJ4IjoxfQ', PACKED_PREFIX + btoa('[1,2]'), 't1.////'];
    for (const r of bad) {
      const out = unpackTour(r);
      expect('error' in out, r).toBe(true);
      if ('error' in out) expect(out.error.length).toBeGreaterThan(10);
    }
    const tooMany: Tour = { title: 'x', steps: Array.from({ length: TOUR_LIMITS.steps + 1 }, () => mine.steps[0]) };
    expect(unpackTour(packTour(tooMany))).toEqual({ error: expect.stringMatching(/at most 20/) });
    const offLab: Tour = { title: 'x', steps: [{ link: '#/gallery', caption: 'a', lookFor: '' }] };
    expect(unpackTour(packTour(offLab))).toEqual({ error: expect.stringMatching(/step 1 does not link to a lab/) });
    expect(resolveTour('nope')).toEqual({ error: expect.stringMatching(/no built-in tour "nope"/) });
  });

  it('a link carries the tour and its step and round-trips through the codec', () => {
    const ref = packTour(mine);
    const h = formatHash('samplers', {}, { ui: { hide: [], present: false, compare: null, tour: { ref, step: 1 } } });
    expect(h).toContain(`tour=${ref}&tstep=2`);
    const p = parseHash(h);
    expect(p.notices).toEqual([]);
    expect(p.ui.tour).toEqual({ ref, step: 1 });
  });

  it('a bad tour or step gives a clear notice and the lab still opens', () => {
    const p = parseHash('#/samplers?tour=t1.garbage!&tstep=2');
    expect(p.route).toBe('lab');
    expect(p.ui.tour).toBeUndefined();
    expect(p.notices.join(' ')).toMatch(/tour cannot be opened.*opens without the tour/);
    const q = parseTourOption({ tour: 'samplers-intro', tstep: '99' });
    expect(q.tour).toEqual({ ref: 'samplers-intro', step: 0 });
    expect(q.notices[0].message).toMatch(/not a step of this tour \(1 to 5\)/);
    expect(parseTourOption({ tstep: '2' }).notices).toHaveLength(1);
  });

  it('ships one built-in tour per lab, 3 to 6 steps, every step a clean link to that lab', () => {
    expect(BUILTIN_TOURS.map((t) => t.lab).sort()).toEqual([...LAB_IDS].sort());
    for (const t of BUILTIN_TOURS) {
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.steps.length, t.id).toBeLessThanOrEqual(6);
      for (const [i, s] of t.steps.entries()) {
        const p = parseHash(s.link);
        expect(p.notices, `${t.id} step ${i + 1}`).toEqual([]);
        expect(p.lab, `${t.id} step ${i + 1}`).toBe(t.lab);
        if (p.preset) expect(LAB_SCHEMAS[t.lab!]!.presets.some((x) => x.id === p.preset)).toBe(true);
        expect(s.caption.length).toBeGreaterThan(20);
        expect(s.lookFor.length).toBeGreaterThan(20);
      }
      expect(resolveTour(t.id!)).toEqual({ tour: t });
    }
  });
});
