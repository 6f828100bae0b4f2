import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId } from '../labs/types';
import { defaultsOf, formatHash } from '../labs/codec/url-codec';
import { defaultUi } from '../labs/codec/ui-options';
import { presetParams } from './slices/params';
import { decodeExperiment, encodeExperiment, EXPERIMENT_FORMAT, MAX_EXPERIMENT_BYTES } from './experiment-file';
import { emptySeries } from './slices/metrics';

const labs = Object.keys(LAB_SCHEMAS) as LabId[];
const samplers = LAB_SCHEMAS.samplers!;
const file = (patch: Record<string, unknown>) => {
  const base = JSON.parse(encodeExperiment({ lab: 'samplers', params: defaultsOf(samplers), ui: defaultUi(), backend: 'auto' }));
  return JSON.stringify({ ...base, ...patch });
};

describe('experiment file', () => {
  it('round-trips every preset of every lab to the same link', () => {
    let n = 0;
    for (const lab of labs) {
      const schema = LAB_SCHEMAS[lab]!;
      for (const p of schema.presets) {
        const params = presetParams(schema, p.id)!;
        const link = formatHash(lab, params, {});
        const back = decodeExperiment(encodeExperiment({ lab, params, ui: defaultUi(), backend: 'auto' }));
        expect(back.notices, `${lab}/${p.id}`).toEqual([]);
        expect(back.link, `${lab}/${p.id}`).toBe(link);
        expect(formatHash(back.lab, back.params, {})).toBe(link);
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
  });

  it('keeps page options, backend, typed values and metrics', () => {
    const params = { ...presetParams(samplers, 'annealed-8g')!, target: 'custom' };
    const ui = { hide: ['step', 'presets'], present: true, compare: { step: 0.02, sampler: 'mala' } };
    const text = encodeExperiment({ lab: 'samplers', params, ui, backend: 'wasm' }, { series: { sw2: { ...emptySeries(), xs: [1, 2], ys: [0.5, 0.25] } }, iteration: 2 });
    const j = JSON.parse(text);
    expect(j.format).toBe(EXPERIMENT_FORMAT);
    expect(j.params.comps).toMatch(/;/); // a mixture as its link text
    expect(j.metrics.sw2.ys).toEqual([0.5, 0.25]);
    const back = decodeExperiment(text);
    expect(back.link).toBe(formatHash('samplers', params, { backend: 'wasm', ui }));
    expect(back.link).toContain('present=1');
    expect(back.link).toContain('b.step=0.02');
    expect(back.backend).toBe('wasm');
    expect(back.ui.hide).toEqual(['step', 'presets']);
  });

  it('opens another lab as that lab', () => {
    const params = presetParams(LAB_SCHEMAS.dikl!, 'mog40-compare')!;
    const back = decodeExperiment(encodeExperiment({ lab: 'dikl', params, ui: defaultUi(), backend: 'auto' }));
    expect(back.lab).toBe('dikl');
    expect(back.link.startsWith('#/dikl?')).toBe(true);
  });

  it('migrates a file saved by an older version (its link names the version its keys use)', () => {
    const base = JSON.parse(encodeExperiment({ lab: 'implicit', params: defaultsOf(LAB_SCHEMAS.implicit!), ui: defaultUi(), backend: 'auto' }));
    const { nestedRun, ...rest } = base.params as Record<string, string>;
    expect(nestedRun).toBeDefined();
    const old = { ...base, params: { ...rest, compare: '1' }, link: '#/implicit?v=1&seed=1&compare=1' };
    const back = decodeExperiment(JSON.stringify(old));
    expect(back.notices).toEqual([]);
    expect(back.params.nestedRun).toBe(true);
    expect(back.link).toContain('nestedRun=1');
  });

  it('corrects bad values with the same notices as a link', () => {
    const base = JSON.parse(file({}));
    const back = decodeExperiment(JSON.stringify({ ...base, params: { ...base.params, step: 'NaN', particles: 1e9, bogus: 1, preset: 'mala-acceptance' }, ui: { hide: ['nope'], present: 'maybe' }, backend: 'tpu' }));
    const all = back.notices.join('\n');
    expect(all).toMatch(/step="NaN" is not a number/);
    expect(all).toMatch(/particles=.*clamped/);
    expect(all).toMatch(/"bogus" is not a setting of samplers/);
    expect(all).toMatch(/"preset" is not a setting/);
    expect(all).toMatch(/hide: "nope"/);
    expect(all).toMatch(/present="maybe"/);
    expect(all).toMatch(/backend="tpu"/);
    expect(back.params.step).toBe(0.05);
    expect(back.params.sampler).toBe('ula'); // the preset inside params was not applied
    expect(back.backend).toBe('auto');
  });

  it('refuses files that are not experiments with a reason', () => {
    expect(() => decodeExperiment('not json')).toThrow(/not JSON/);
    expect(() => decodeExperiment('[1,2]')).toThrow(/not an experiment/);
    expect(() => decodeExperiment('{"format":"sampling-playground-weights"}')).toThrow(/weights file/);
    expect(() => decodeExperiment(file({ lab: 'nolab' }))).toThrow(/names no lab/);
    expect(() => decodeExperiment(file({ version: 'x' }))).toThrow(/version/);
    expect(() => decodeExperiment(file({ params: [] }))).toThrow(/no params/);
    expect(() => decodeExperiment(' '.repeat(MAX_EXPERIMENT_BYTES + 1))).toThrow(/MB/);
    expect(decodeExperiment(file({ version: 99 })).notices[0]).toMatch(/newer version/);
  });

  it('names like Object properties are not labs, settings or B overrides', () => {
    for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(() => decodeExperiment(file({ lab: k })), k).toThrow(/names no lab/);
    }
    // JSON.parse makes "__proto__" an own key; it must come back as an unknown setting, not vanish
    const base = JSON.parse(file({})) as { params: Record<string, string> };
    const text = file({ params: { ...base.params, ['__proto__']: '1', constructor: '2' }, ui: { hide: [], present: false, compare: { toString: '1', ['__proto__']: '2' } } });
    expect(text).toContain('"__proto__":"1"');
    const back = decodeExperiment(text);
    expect(back.notices).toEqual(expect.arrayContaining([
      '"__proto__" is not a setting of samplers; ignored',
      '"constructor" is not a setting of samplers; ignored',
      'b.toString: "toString" is not a setting of samplers; ignored',
      'b.__proto__: "__proto__" is not a setting of samplers; ignored',
    ]));
    expect(back.ui.compare).toEqual({});
    expect(Object.hasOwn(back.params, '__proto__')).toBe(false);
  });
});
