import { describe, expect, it } from 'vitest';
import { formatBoxText, formatParamList, linkNumber, MAX_FORMULA_PARAMS, parseBoxText, parseParamList } from './link-text';

describe('formula parameters in a link', () => {
  it('round-trips', () => {
    const params = [{ name: 'a', value: 1.5, min: 0, max: 2 }, { name: 'b2', value: -0.25, min: -1, max: 1 }];
    const text = formatParamList(params);
    expect(text).toBe('a,1.5,0,2;b2,-0.25,-1,1');
    expect(parseParamList(text)).toEqual({ ok: true, value: params });
    expect(parseParamList('')).toEqual({ ok: true, value: [] });
  });
  it('clamps a value into its range and refuses what is not a parameter', () => {
    expect(parseParamList('a,5,0,2')).toEqual({ ok: true, value: [{ name: 'a', value: 2, min: 0, max: 2 }] });
    const why = (s: string) => {
      const r = parseParamList(s);
      return r.ok ? 'accepted' : r.message;
    };
    expect(why('a,1,0')).toMatch(/expected name,value,min,max/);
    expect(why('1a,1,0,2')).toMatch(/must start with a letter/);
    expect(why('x,1,0,2')).toMatch(/is a coordinate/);
    expect(why('a,1,0,2;a,1,0,2')).toMatch(/declared twice/);
    expect(why('a,x,0,2')).toMatch(/must be numbers/);
    expect(why('a,0x10,0,2')).toMatch(/must be numbers/);
    expect(why('a,1,2,0')).toMatch(/min 2 must be below max 0/);
    expect(why('a,1,0,1e9')).toMatch(/within ±1e6/);
    expect(why(Array.from({ length: MAX_FORMULA_PARAMS + 1 }, (_, i) => `p${i},1,0,2`).join(';'))).toMatch(/at most 8/);
  });
  it('writes short numbers', () => {
    expect(linkNumber(0.1 + 0.2)).toBe('0.3');
    expect(linkNumber(1 / 3)).toBe('0.333333');
  });
});

describe('the box in a link', () => {
  it('round-trips; empty is found from the density', () => {
    const b = { xmin: -4, xmax: 4, ymin: -2.5, ymax: 6 };
    expect(parseBoxText(formatBoxText(b))).toEqual({ ok: true, value: b });
    expect(parseBoxText('')).toEqual({ ok: true, value: undefined });
    expect(formatBoxText(undefined)).toBe('');
  });
  it('refuses a box that is not one', () => {
    for (const s of ['1,2,3', '1,0,0,1', 'a,b,c,d', '-500,500,0,1', 'Infinity,1,0,1']) expect(parseBoxText(s).ok).toBe(false);
  });
});
