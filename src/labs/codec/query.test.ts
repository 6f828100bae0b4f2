// The query's bounds: no link the app writes is cut, and what a hostile link loses is said.
import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../schemas';
import { randomValue, prng } from './codec-test-utils';
import { packTour, tourProblem, TOUR_LIMITS, type Tour } from './tour-codec';
import { MAX_LINK_CHARS, MAX_LINK_KEYS, parseQuery } from './query';
import { formatHash, parseHash, RESERVED_KEYS } from './url-codec';
import type { ParamValue } from '../types';

describe('link bounds', () => {
  it('the largest tour a link can pack (every limit at its maximum, 3-byte characters) fits the length bound', () => {
    const link = `#/samplers?v=2&seed=1&target=drawn&drawn=${'A'.repeat(TOUR_LIMITS.link - 60)}`;
    const step = { link, caption: '字'.repeat(TOUR_LIMITS.caption), lookFor: '字'.repeat(TOUR_LIMITS.lookFor) };
    const tour: Tour = { title: '字'.repeat(TOUR_LIMITS.title), steps: Array.from({ length: TOUR_LIMITS.steps }, () => step) };
    expect(tourProblem(tour)).toBeNull();
    const ref = packTour(tour);
    const a = formatHash('samplers', {}, { ui: { hide: [], present: false, compare: null, tour: { ref, step: 0 } } });
    expect(a.length).toBeLessThan(MAX_LINK_CHARS);
    const r = parseHash(a);
    expect(r.notices).toEqual([]);
    expect(r.ui.tour?.ref).toBe(ref);
  });

  it('a link with every param of every lab, a B override of each and every codec key fits the key bound', () => {
    const r = prng(5);
    for (const schema of Object.values(LAB_SCHEMAS)) {
      const params: Record<string, ParamValue> = {};
      const b: Record<string, ParamValue> = {};
      for (const s of schema!.params) {
        params[s.key] = randomValue(s, r);
        b[s.key] = randomValue(s, r);
      }
      const keys = schema!.params.length * 2 + RESERVED_KEYS.length;
      expect(keys, schema!.id).toBeLessThanOrEqual(MAX_LINK_KEYS);
      const h = formatHash(schema!.id, params, { ui: { hide: ['presets'], present: true, compare: b } });
      expect(parseQuery(h.slice(h.indexOf('?') + 1)).notices, schema!.id).toEqual([]);
    }
  });

  it('reads exactly MAX_LINK_KEYS keys and says how many more were dropped, naming the first', () => {
    const q = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=${i}`).join('&');
    expect(parseQuery(q(MAX_LINK_KEYS)).notices).toEqual([]);
    expect(parseQuery(`${q(MAX_LINK_KEYS)}&&&`).notices).toEqual([]);
    const r = parseQuery(q(MAX_LINK_KEYS + 2));
    expect(Object.keys(r.raw)).toHaveLength(MAX_LINK_KEYS);
    expect(r.raw[`k${MAX_LINK_KEYS - 1}`]).toBe(String(MAX_LINK_KEYS - 1));
    expect(r.notices.map((n) => n.message)).toEqual([`The link has ${MAX_LINK_KEYS + 2} keys; a link holds at most ${MAX_LINK_KEYS}, so 2 were dropped ("k200", "k201")`]);
    // empty parts are not keys
    expect(Object.keys(parseQuery(`&&${q(3)}&&`).raw)).toEqual(['k0', 'k1', 'k2']);
  });

  it('cuts an over-long link at the last whole pair before the bound', () => {
    const long = `a=1&b=${'x'.repeat(MAX_LINK_CHARS)}&c=3`;
    const r = parseQuery(long);
    expect(r.raw).toEqual({ a: '1' });
    expect(r.notices[0]).toMatchObject({ key: 'link', kind: 'clamped' });
    expect(r.notices[0].message).toBe(`The link is ${long.length} characters long; a link holds at most ${MAX_LINK_CHARS}, so the last ${long.length - 3} characters were dropped`);
  });

  it('a repeated key: the last value wins and the notice says which', () => {
    const r = parseQuery('seed=1&x=&seed=2&seed=3');
    expect(r.raw.seed).toBe('3');
    expect(r.notices.map((n) => n.message)).toEqual(['seed is given 3 times; using the last value "3"']);
  });
});
