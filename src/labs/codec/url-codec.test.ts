import { SAMPLER_IDS } from '../../core/samplers/catalog';
import { describe, expect, it } from 'vitest';
import { samplersSchema } from '../samplers/schema';
import type { ParamSpec, ParamValue } from '../types';
import { prng, randomMixture, randomParams, randomValue, randomXY } from './codec-test-utils';
import { coerceValue, isValidValue, valuesEqual } from './param-codec';
import { defaultsOf, formatHash, parseHash, RESERVED_KEYS, validateParams } from './url-codec';

const spec = (key: string): ParamSpec => samplersSchema.params.find((s) => s.key === key)!;
const expectSameParams = (a: Record<string, ParamValue>, b: Record<string, ParamValue>) => {
  for (const s of samplersSchema.params) expect(valuesEqual(s, a[s.key], b[s.key]), `${s.key}: ${String(a[s.key])} vs ${String(b[s.key])}`).toBe(true);
};

describe('url codec: round trips', () => {
  it('no lab key collides with the codec keys, and every preset is valid', () => {
    for (const s of samplersSchema.params) expect(RESERVED_KEYS as readonly string[]).not.toContain(s.key);
    for (const p of samplersSchema.presets) {
      const r = parseHash(`#/samplers?preset=${p.id}`);
      expect(r.notices, p.id).toEqual([]);
    }
  });

  it('defaults round-trip and always write v and seed', () => {
    const h = formatHash('samplers', defaultsOf(samplersSchema));
    expect(h).toMatch(/^#\/samplers\?v=3&seed=1&/);
    const r = parseHash(h);
    expect(r.route).toBe('lab');
    expect(r.notices).toEqual([]);
    expectSameParams(r.params, defaultsOf(samplersSchema));
  });

  it('round-trips one value of every kind', () => {
    const r = prng(7);
    for (const s of samplersSchema.params) {
      for (let i = 0; i < 20; i++) {
        const value = randomValue(s, r);
        const params = { ...defaultsOf(samplersSchema), [s.key]: value };
        const back = parseHash(formatHash('samplers', params));
        expect(back.notices, `${s.key}=${String(value)}`).toEqual([]);
        expect(valuesEqual(s, back.params[s.key], value), s.key).toBe(true);
      }
    }
  });

  it('round-trips 300 random valid param sets exactly', () => {
    const r = prng(42);
    for (let i = 0; i < 300; i++) {
      const p = randomParams(samplersSchema, r);
      const h = formatHash('samplers', p, { backend: 'wasm' });
      const back = parseHash(h);
      expect(back.notices).toEqual([]);
      expect(back.backend).toBe('wasm');
      expectSameParams(back.params, p);
      expect(formatHash('samplers', back.params, { backend: 'wasm' })).toBe(h);
    }
  });

  it('rounds raw mixtures and drawn points to what the URL stores, within the stated precision', () => {
    const r = prng(3);
    for (let i = 0; i < 50; i++) {
      const m = randomMixture(r);
      const back = parseHash(formatHash('samplers', { target: 'custom', comps: m })).params.comps as typeof m;
      expect(back).toHaveLength(m.length);
      back.forEach((c, k) => {
        expect(Math.abs(c.mean[0] - m[k].mean[0])).toBeLessThanOrEqual(5e-4 + 1e-12);
        expect(Math.abs(c.w - m[k].w) / m[k].w).toBeLessThan(5e-3);
        expect(c.cov[1] ** 2).toBeLessThanOrEqual(c.cov[0] * c.cov[2]);
      });
      const xy = randomXY(r);
      const xyBack = parseHash(formatHash('samplers', { target: 'drawn', drawn: xy })).params.drawn as Float32Array;
      expect(xyBack.length).toBe(xy.length);
      xyBack.forEach((v, k) => expect(Math.abs(v - xy[k])).toBeLessThan(6e-4));
    }
  });

  it('writes mixtures compactly and URL-safely', () => {
    const h = formatHash('samplers', { target: 'custom', comps: [{ w: 1, mean: [-2.12345, 0], cov: [0.5, 0.123456, 0.5] }] });
    expect(h).toContain('comps=-2.123,0,1,0.5,0.123,0.5');
    expect(h).toMatch(/^#\/samplers\?[A-Za-z0-9._~,;=&%-]*$/);
  });
});

describe('url codec: singular covariances', () => {
  it('keeps a covariance PSD after rounding, without looping (regression: 1.23 rounds back to 1.23)', () => {
    const h = formatHash('samplers', { target: 'custom', comps: [{ w: 1, mean: [0, 0], cov: [1, 1.23, 1.5129] }] });
    expect(h).toContain('comps=0,0,1,1,1.22,1.51');
    expect(parseHash(h).notices).toEqual([]);
  });
});

describe('url codec: omissions', () => {
  it('omits view toggles and inactive params at their defaults, but writes every active param', () => {
    const h = formatHash('samplers', defaultsOf(samplersSchema));
    expect(h).not.toContain('density=');
    expect(h).not.toContain('comps=');
    expect(h).not.toContain('drawn=');
    expect(h).not.toContain('leapfrog='); // only for hmc
    expect(h).toContain('step=0.05');
    expect(h).toContain('particles=2000');
    expect(h).not.toContain('backend=');
    expect(formatHash('samplers', { field: true })).toContain('field=1');
    expect(formatHash('samplers', { target: 'custom' })).toContain('comps=');
  });
});

describe('url codec: corrections and notices', () => {
  it('clamps out-of-range numbers and names key, value and range', () => {
    const { params, notices } = validateParams(samplersSchema, { particles: '5', step: '1e999' });
    expect(params.particles).toBe(10);
    expect(params.step).toBe(100);
    expect(notices.map((n) => n.kind)).toEqual(['clamped', 'clamped']);
    expect(notices[0].message).toBe('particles="5" is out of range [10, 100000]; clamped to 10');
    expect(notices[1].message).toBe('step="1e999" is out of range [0.00001, 100]; clamped to 100');
  });

  it('rounds integers with a notice', () => {
    const { params, notices } = validateParams(samplersSchema, { speed: '2.5' });
    expect(params.speed).toBe(3);
    expect(notices[0]).toMatchObject({ key: 'speed', value: '2.5', kind: 'clamped' });
    expect(notices[0].message).toContain('rounded to 3');
  });

  it('falls back to defaults for bad values and says what is allowed', () => {
    const { params, notices } = validateParams(samplersSchema, { sampler: 'foo', field: 'maybe', step: 'NaN', seed: '' });
    expect(params.sampler).toBe('ula');
    expect(params.field).toBe(false);
    expect(params.step).toBe(0.05);
    expect(params.seed).toBe(1);
    expect(notices.every((n) => n.kind === 'invalid')).toBe(true);
    expect(notices[0].message).toBe(`sampler="foo" is not a known value; allowed: one of ${SAMPLER_IDS.join(', ')}; using the default ula`);
    expect(notices[1].message).toContain('allowed: 1, 0, true or false');
  });

  it('accepts true/false for booleans', () => {
    expect(validateParams(samplersSchema, { field: 'true', paths: 'FALSE' }).params).toMatchObject({ field: true, paths: false });
  });

  it('rejects indefinite covariances, zero weights and non-finite numbers in mixtures', () => {
    for (const bad of ['0,0,1,1,2,1', '0,0,0,1,0,1', '0,0,1,1,0,NaN', '0,0,1,1,0', '0,0,1,-1,0,1', '']) {
      const { params, notices } = validateParams(samplersSchema, { comps: bad });
      expect(notices[0]?.kind, bad).toBe('invalid');
      expect(valuesEqual(spec('comps'), params.comps, spec('comps').default)).toBe(true);
    }
  });

  it('caps mixtures at 64 components and drawn points at 2000', () => {
    const many = Array.from({ length: 70 }, (_, i) => `${i},0,1,1,0,1`).join(';');
    const r = validateParams(samplersSchema, { comps: many });
    expect((r.params.comps as unknown[]).length).toBe(64);
    expect(r.notices[0].kind).toBe('clamped');
    const c = coerceValue(spec('drawn'), randomXY(prng(1), 2500));
    expect((c.value as Float32Array).length).toBe(4000);
  });

  it('ignores unknown keys, reports repeated keys, a future version and an unknown lab', () => {
    const r = parseHash('#/samplers?v=9&bogus=1&seed=3&seed=4');
    expect(r.params.seed).toBe(4);
    expect(r.issues.map((n) => n.kind).sort()).toEqual(['invalid', 'unknown-key', 'version']);
    expect(r.notices.join('\n')).toContain('"bogus" is not a setting of samplers');
    expect(parseHash('#/nowhere?x=1')).toMatchObject({ route: 'unknown' });
    expect(parseHash('#/dikl')).toMatchObject({ route: 'lab', lab: 'dikl' });
    expect(parseHash('#/bench').route).toBe('bench');
    expect(parseHash('#/previews').route).toBe('previews');
    expect(parseHash('').route).toBe('landing');
    expect(parseHash('#/').route).toBe('landing');
    expect(parseHash('#/gallery').route).toBe('gallery');
    expect(parseHash('https://x.org/app/#/samplers?seed=5').params.seed).toBe(5);
    expect(parseHash('samplers?seed=6&backend=gpu').issues[0].key).toBe('backend');
  });
});

describe('url codec: presets', () => {
  it('expands a preset and lets explicit keys override it', () => {
    const r = parseHash('#/samplers?preset=hmc-funnel&step=0.3');
    expect(r.notices).toEqual([]);
    expect(r.preset).toBe('hmc-funnel');
    expect(r.params).toMatchObject({ target: 'funnel', sampler: 'hmc', leapfrog: 10, particles: 1000, step: 0.3 });
    expect(formatHash('samplers', r.params)).not.toContain('preset=');
  });

  it('reports an unknown preset and keeps the defaults', () => {
    const r = validateParams(samplersSchema, { preset: 'nope' });
    expect(r.notices[0].message).toContain('allowed: langevin-stuck');
    expect(r.params.target).toBe('mog40');
  });

  it('isValidValue rejects non-canonical or out-of-range values', () => {
    expect(isValidValue(spec('particles'), 5)).toBe(false);
    expect(isValidValue(spec('particles'), 50)).toBe(true);
    expect(isValidValue(spec('comps'), [{ w: 1, mean: [0.12345, 0], cov: [1, 0, 1] }])).toBe(false);
  });
});
