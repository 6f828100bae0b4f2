import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../schemas';
import { formatHash, parseHash, parseQuery, URL_VERSION, validateParams } from './url-codec';
import { linkVersion, migrateRaw, MIGRATIONS, renameKey, type Migration } from './migrations';
import { V1_LINKS, V2_LINKS } from './migrations.fixtures';

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

  it('every saved v2 link (each lab, each mode) reads as the same experiment, with no notices', () => {
    const modes = new Set<string>();
    for (const f of V2_LINKS) {
      const old = parseHash(f.v2);
      const now = parseHash(f.current);
      expect(old.notices, f.v2).toEqual([]);
      expect(now.notices, f.current).toEqual([]);
      modes.add(`${old.lab}:${String(old.params.mode ?? '')}`);
      expect(old.params, f.v2).toEqual(now.params);
      expect(old.ui, f.v2).toEqual(now.ui);
      expect(formatHash(old.lab!, old.params, { ui: old.ui, backend: old.backend })).toBe(f.current);
    }
    for (const lab of Object.keys(LAB_SCHEMAS)) expect([...modes].some((m) => m.startsWith(`${lab}:`)), lab).toBe(true);
    for (const m of ['implicit:langevin', 'implicit:ebm', 'implicit:diffusion', 'mismatch:cond', 'mismatch:uncond']) expect(modes, m).toContain(m);
  });

  it('v2 -> v3: the Implicit modes take the shared names, and an inert key of another mode never becomes a setting', () => {
    // ebm: ebmGamma is gamma; the link's Langevin eta=0.7 (inert in v2) is gone, not ebm's (it has no eta)
    const ebm = parseHash('#/implicit?v=2&mode=ebm&eta=0.7&gamma=1.5&ebmGamma=0.01&particles=50&ebmChains=800&hide=ebmGamma,deta&b.ebmLr=0.002');
    expect(ebm.notices).toEqual([]);
    expect(ebm.params).toMatchObject({ mode: 'ebm', gamma: 0.01, particles: 800 });
    expect('eta' in ebm.params).toBe(false);
    expect(ebm.ui.hide).toEqual(['gamma', 'eta']);
    expect(ebm.ui.compare).toEqual({ lr: 0.002 });
    // diffusion: deta is eta and the Langevin eta= of the same link is dropped first (whatever the order)
    const d = parseHash('#/implicit?v=2&mode=diffusion&deta=3&eta=0.5&dT=12&dtheta=mlp');
    expect(d.notices).toEqual([]);
    expect(d.params).toMatchObject({ eta: 3, T: 12, param: 'mlp' });
    // langevin keeps its names; diffusion-only keys of the link are dropped
    const l = parseHash('#/implicit?v=2&mode=langevin&eta=0.5&deta=3&dbatch=8');
    expect(l.params).toMatchObject({ mode: 'langevin', eta: 0.5 });
    expect('batch' in l.params).toBe(false);
    // a link without mode was in the default mode (langevin)
    expect(migrateRaw('implicit', { v: '2', deta: '3', eta: '0.4' }).raw).toEqual({ v: String(URL_VERSION), eta: '0.4' });
  });

  it('v2 -> v3: snake_case and second names are renamed in the params, hide= and the B overrides', () => {
    expect(migrateRaw('dxmi', { v: '2', lr_energy: '0.01', xy: '', points: '1,2,1,1,0,1', hide: 'lr_sigma', 'b.tau_velocity': '0.1' }).raw).toEqual({ v: String(URL_VERSION), energyLr: '0.01', drawn: '', comps: '1,2,1,1,0,1', hide: 'sigmaLr', 'b.tauVelocity': '0.1' });
    expect(migrateRaw('dikl', { v: '2', n_is: '5', px: '1', pt: '3', paper_every: '0' }).raw).toEqual({ v: String(URL_VERSION), isSamples: '5', probeX: '1', probeT: '3', paperEvery: '0' });
    expect(migrateRaw('mismatch', { v: '2', score_src: 'learned', sigma_y: '0.2' }).raw).toEqual({ v: String(URL_VERSION), score: 'learned', sigmaY: '0.2' });
    // a v1 link goes through both steps
    expect(parseHash('#/dxmi?v=1&compare=1&lr_energy=0.01').params).toMatchObject({ tau0Twin: true, energyLr: 0.01 });
  });

  it('a link without v naming an old key says its new name (per mode for the Implicit lab)', () => {
    expect(parseHash('#/dxmi?lr_energy=0.01').notices.join()).toMatch(/"lr_energy" is not a setting of dxmi \(it is called energyLr since link version 3\)/);
    expect(parseHash('#/implicit?mode=ebm&ebmGamma=0.01').notices.join()).toMatch(/"ebmGamma" is not a setting of implicit \(it is called gamma since link version 3\)/);
    expect(parseHash('#/implicit?mode=diffusion&deta=1').notices.join()).toMatch(/called eta since link version 3/);
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
