import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../schemas';
import { formatHash, parseHash, parseQuery, URL_VERSION, validateParams } from './url-codec';
import { linkVersion, migrateRaw, MIGRATIONS, renameKey, type Migration } from './migrations';
import { V1_LINKS } from './migrations.fixtures';

describe('link migrations', () => {
  it('every saved v1 link reads as the same experiment, with no notices, and is rewritten at the current version', () => {
    const labs = new Set<string>();
    for (const f of V1_LINKS) {
      const old = parseHash(f.v1);
      const now = parseHash(f.current);
      expect(old.notices, f.v1).toEqual([]);
      expect(old.route).toBe('lab');
      labs.add(old.lab!);
      expect(old.params, f.v1).toEqual(now.params);
      expect(old.ui, f.v1).toEqual(now.ui);
      expect(old.backend).toEqual(now.backend);
      expect(formatHash(old.lab!, old.params, { ui: old.ui, backend: old.backend })).toBe(f.current);
    }
    expect([...labs].sort()).toEqual(Object.keys(LAB_SCHEMAS).sort());
  });

  it('implicit: compare= becomes nestedRun=, in the params, hide= and the B overrides; dikl and dxmi too', () => {
    const r = parseHash(V1_LINKS.find((f) => f.v1.startsWith('#/implicit'))!.v1);
    expect(r.params.nestedRun).toBe(true);
    expect(r.ui.hide).toEqual(['nestedRun', 'presets']);
    expect(r.ui.compare).toEqual({ nestedRun: false });
    expect('compare' in r.params).toBe(false);
    expect(parseHash('#/dikl?v=1&compare=1').params.otherObjective).toBe(true);
    expect(parseHash('#/dxmi?v=1&compare=1').params.tau0Twin).toBe(true);
  });

  it('the CLI path (parseQuery + validateParams) migrates too', () => {
    const q = parseQuery('v=1&mode=langevin&compare=1&inner=5');
    const v = validateParams(LAB_SCHEMAS.implicit!, q.raw);
    expect(v.notices).toEqual([]);
    expect(v.params.nestedRun).toBe(true);
    expect(v.params.inner).toBe(5);
  });

  it('a link without v is read as the current version (compare is then unknown and reported)', () => {
    const r = parseHash('#/implicit?mode=langevin&compare=1');
    expect(r.params.nestedRun).toBe(false);
    expect(r.notices.join('\n')).toMatch(/"compare" is not a setting of implicit \(it is called nestedRun since link version 2\); ignored/);
    expect(parseHash('#/implicit?mode=langevin&nestedRun=1').params.nestedRun).toBe(true);
  });

  it('malformed or newer versions are not migrated and are reported as before', () => {
    expect(migrateRaw('implicit', { v: 'x', compare: '1' }).applied).toEqual([]);
    expect(migrateRaw('implicit', { v: '0', compare: '1' }).applied).toEqual([]);
    expect(migrateRaw('implicit', { v: String(URL_VERSION + 1), compare: '1' }).applied).toEqual([]);
    expect(parseHash('#/implicit?v=x').notices.join()).toMatch(/not a link version/);
    expect(parseHash(`#/implicit?v=${URL_VERSION + 1}`).notices.join()).toMatch(/newer version/);
  });

  it('the table is ordered, one step per version, up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: URL_VERSION - 1 }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.what.length).toBeGreaterThan(10);
  });

  it('migrations are pure: the input is untouched, the same input gives the same output, twice is a no-op', () => {
    const raw = Object.freeze({ v: '1', compare: '1', hide: 'compare,seed', 'b.compare': '0' });
    const a = migrateRaw('implicit', raw);
    const b = migrateRaw('implicit', raw);
    expect(raw).toEqual({ v: '1', compare: '1', hide: 'compare,seed', 'b.compare': '0' });
    expect(a.raw).toEqual(b.raw);
    expect(a.raw).toEqual({ v: String(URL_VERSION), nestedRun: '1', hide: 'nestedRun,seed', 'b.nestedRun': '0' });
    expect(migrateRaw('implicit', a.raw).raw).toBe(a.raw);
    expect(migrateRaw('dikl', { v: '1', compare: '1' }).raw).toEqual({ v: String(URL_VERSION), otherObjective: '1' });
    expect(migrateRaw('dxmi', { v: '1', compare: '0' }).raw).toEqual({ v: String(URL_VERSION), tau0Twin: '0' });
    // a lab without a `compare` param keeps an unknown `compare` key as it was (validation reports it)
    expect(migrateRaw('samplers', { v: '1', compare: '1' }).raw).toEqual({ v: String(URL_VERSION), compare: '1' });
  });

  it('runs the applicable migrations in order, from the link version up', () => {
    const log: number[] = [];
    const chain: Migration[] = [1, 2, 3].map((from) => ({ from, what: `step ${from}`, migrate: (_lab, r) => (log.push(from), { ...r, [`m${from}`]: '1' }) }));
    const out = migrateRaw('samplers', { v: '2' }, chain, 4);
    expect(log).toEqual([2, 3]);
    expect(out.raw).toEqual({ v: '4', m2: '1', m3: '1' });
    expect(out.applied.map((m) => m.from)).toEqual([2, 3]);
  });

  it('renameKey leaves other keys alone and keeps hide= order', () => {
    expect(renameKey({ a: '1', compare: '2', hide: 'x,compare,y' }, 'compare', 'c2')).toEqual({ a: '1', c2: '2', hide: 'x,c2,y' });
    expect(linkVersion({})).toBeNull();
    expect(linkVersion({ v: '1' })).toBe(1);
  });
});
