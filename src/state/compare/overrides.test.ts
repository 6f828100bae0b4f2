import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../../labs/schemas';
import type { ParamValue } from '../../labs/types';
import { defaultsOf } from '../../labs/codec/url-codec';
import { activeOverrides, bCommand, bParamsOf, describeOverrides, overridableSpecs, removeOverride, setOverride } from './overrides';

const schema = LAB_SCHEMAS.samplers!;
const spec = (key: string) => schema.params.find((s) => s.key === key)!;
const a: Record<string, ParamValue> = { ...defaultsOf(schema), sampler: 'ula', step: 0.05, particles: 500 };

describe('B params', () => {
  it('are A params with the overrides, the seed always shared, bad values corrected', () => {
    const b = bParamsOf(schema, a, { sampler: 'mala', step: 1e9, seed: 99 });
    expect(b.sampler).toBe('mala');
    expect(b.step).toBe(spec('step').max);
    expect(b.seed).toBe(a.seed);
    expect(b.particles).toBe(500);
  });

  it('follow an edit of A on keys B does not override', () => {
    const b = bParamsOf(schema, { ...a, particles: 800, sampler: 'hmc' }, { sampler: 'mala' });
    expect(b).toMatchObject({ particles: 800, sampler: 'mala' });
  });
});

describe('override editing', () => {
  it('offers neither the seed, the speed, view toggles nor drawn points', () => {
    const keys = overridableSpecs(schema).map((s) => s.key);
    expect(keys).toContain('sampler');
    expect(keys).toContain('step');
    for (const k of ['seed', 'speed', 'density', 'field', 'comps', 'drawn']) expect(keys).not.toContain(k);
  });

  it('sets validated values, refuses the seed and unknown keys, and removes', () => {
    let o = setOverride(schema, {}, 'step', -3);
    expect(o.step).toBe(spec('step').min);
    expect(setOverride(schema, o, 'seed', 5)).toBe(o);
    expect(setOverride(schema, o, 'nope', 5)).toBe(o);
    o = setOverride(schema, o, 'sampler', 'mala');
    expect(removeOverride(o, 'step')).toEqual({ sampler: 'mala' });
  });

  it('describes only the overrides that differ from A, with labels', () => {
    expect(describeOverrides(schema, a, {})).toBe('same settings as A');
    expect(describeOverrides(schema, a, { particles: 500 })).toBe('same settings as A');
    expect(activeOverrides(schema, a, { particles: 500, step: 0.1 }).map((s) => s.key)).toEqual(['step']);
    const text = describeOverrides(schema, a, { step: 0.1, sampler: 'mala' });
    expect(text).toMatch(/^Sampler = .*MALA.*, Step size = 0\.1$/);
  });
});

describe('what B is told', () => {
  it('nothing, a live update, or a restart', () => {
    expect(bCommand(schema, a, { ...a })).toEqual({ kind: 'none' });
    expect(bCommand(schema, a, { ...a, step: 0.2 })).toEqual({ kind: 'update', patch: { step: 0.2 } });
    expect(bCommand(schema, a, { ...a, step: 0.2, sampler: 'mala' })).toEqual({ kind: 'restart' });
  });
});
