// Lookups keyed by untrusted text, with the names a plain object answers from Object.prototype.
import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../schemas';
import { formatHash, parseHash, parseQuery, URL_VERSION, validateParams } from './url-codec';
import { migrateRaw, renameKey, renamedKey } from './migrations';
import { ownValue, textRecord } from './own';
import { parseUiOptions } from './ui-options';
import type { LabId } from '../types';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('own-key lookups', () => {
  it('ownValue finds own keys only; textRecord has no special keys', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    for (const k of NAMES) expect(ownValue({ a: 1 }, k), k).toBeUndefined();
    const r = textRecord<string>();
    for (const k of NAMES) r[k] = 'x';
    expect(Object.keys(r).sort()).toEqual([...NAMES].sort());
  });

  it('routes named like Object properties open no lab and never throw', () => {
    for (const k of NAMES) {
      for (const h of [`#/${k}`, `#/${k}?x=1`, `${k}?v=2`, `https://x.org/#/${k}/`]) {
        const r = parseHash(h);
        expect(r.route, h).toBe('unknown');
        expect(r.lab, h).toBeUndefined();
        expect(r.notices, h).toEqual([`There is no page called "${k}".`]);
      }
    }
  });

  it('formatHash of such a "lab" writes no query instead of reading a schema', () => {
    for (const k of NAMES) expect(formatHash(k as LabId, {})).toBe(`#/${k}`);
  });

  it('keys, preset ids and enum values named like Object properties are reported, not read', () => {
    const schema = LAB_SCHEMAS.samplers!;
    for (const k of NAMES) {
      const v = validateParams(schema, parseQuery(`${k}=1&preset=${k}&target=${k}&sampler=${k}`).raw);
      const text = v.notices.map((n) => n.message).join('\n');
      expect(text).toContain(`"${k}" is not a setting of samplers`);
      expect(text).toContain(`preset="${k}" is not a preset`);
      expect(v.params.target).toBe('mog40');
      expect(v.params.sampler).toBe('ula');
      expect(Object.hasOwn(v.params, k)).toBe(false);
    }
  });

  it('B overrides and hidden controls named like Object properties are reported, not applied', () => {
    const schema = LAB_SCHEMAS.samplers!;
    for (const k of NAMES) {
      const u = parseUiOptions(schema, parseQuery(`ab=1&b.${k}=1&hide=${k}`).raw);
      expect(u.ui.compare).toEqual({});
      expect(u.ui.hide).toEqual([]);
      expect(u.notices.map((n) => n.key).sort()).toEqual([`b.${k}`, 'hide'].sort());
    }
  });

  it('migrations keep a __proto__ key (it is reported later) and know no lab named constructor', () => {
    const raw = parseQuery('v=1&__proto__=1&compare=1').raw;
    const out = renameKey(raw, 'compare', 'nestedRun');
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out.nestedRun).toBe('1');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype); // a plain object, as callers expect
    for (const k of NAMES) {
      expect(renamedKey(k, 'compare'), k).toBeNull();
      expect(migrateRaw(k, { v: '1', compare: '1' }).raw, k).toEqual({ v: String(URL_VERSION), compare: '1' });
    }
  });
});
