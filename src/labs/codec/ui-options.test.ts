import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../schemas';
import { defaultsOf, formatHash, parseHash, RESERVED_KEYS } from './url-codec';
import { compareParams } from './ui-options';

const schema = LAB_SCHEMAS.samplers!;

describe('link UI options: hide, present, compare', () => {
  it('no lab uses a UI key or the B prefix as a param key', () => {
    for (const s of Object.values(LAB_SCHEMAS)) {
      for (const p of s!.params) {
        expect(RESERVED_KEYS as readonly string[], `${s!.id}.${p.key}`).not.toContain(p.key);
        expect(p.key.startsWith('b.'), `${s!.id}.${p.key}`).toBe(false);
      }
    }
  });

  it('round-trips hidden controls, presenter mode and B overrides', () => {
    const a = { ...defaultsOf(schema), sampler: 'ula', step: 0.01 };
    const ui = { hide: ['step', 'presets'], present: true, compare: { sampler: 'mala', step: 0.01 } };
    const h = formatHash('samplers', a, { ui });
    // a B override equal to A is not written: B follows A on that key
    expect(h).toContain('hide=step,presets');
    expect(h).toContain('present=1');
    expect(h).toContain('ab=1&b.sampler=mala');
    expect(h).not.toContain('b.step');
    const r = parseHash(h);
    expect(r.notices).toEqual([]);
    expect(r.ui.hide).toEqual(['step', 'presets']);
    expect(r.ui.present).toBe(true);
    expect(r.ui.compare).toEqual({ sampler: 'mala' });
    const b = compareParams(schema, r.params, r.ui.compare!);
    expect(b.sampler).toBe('mala');
    expect(b.step).toBe(0.01);
    expect(b.seed).toBe(r.params.seed);
  });

  it('a link without UI keys has the default options and writes none', () => {
    const r = parseHash('#/samplers?v=1&seed=3');
    expect(r.ui).toEqual({ hide: [], present: false, compare: null });
    expect(formatHash('samplers', r.params, { ui: r.ui })).not.toMatch(/hide=|present=|ab=/);
  });

  it('reports bad UI values and ignores them', () => {
    const r = parseHash('#/samplers?hide=step,nonsense,step&present=maybe&b.seed=4&b.nokey=1&b.step=-5');
    expect(r.ui.hide).toEqual(['step']);
    expect(r.ui.present).toBe(false);
    expect(r.notices.join('\n')).toMatch(/nonsense/);
    expect(r.notices.join('\n')).toMatch(/present="maybe"/);
    expect(r.notices.join('\n')).toMatch(/share the seed/);
    expect(r.notices.join('\n')).toMatch(/b.nokey/);
    // an out-of-range B value is clamped like an A value, with a notice that names B
    expect(r.notices.some((n) => n.startsWith('B: '))).toBe(true);
    expect(r.ui.compare).not.toBeNull();
    expect(r.ui.compare!.step as number).toBeGreaterThan(0);
  });
});
