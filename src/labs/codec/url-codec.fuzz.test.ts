// 2000+ hostile hashes: the parser must never throw, and whatever it returns must be a complete,
// valid, canonical param set (so the worker never sees garbage and the URL it writes back is stable).
import { describe, expect, it } from 'vitest';
import { samplersSchema } from '../samplers/schema';
import { pick, prng, randomMixture, randomValue } from './codec-test-utils';
import { encodeValue, isValidValue } from './param-codec';
import { formatHash, parseHash } from './url-codec';
import { LAB_SCHEMAS } from '../schemas';

const KEYS = [...samplersSchema.params.map((s) => s.key), 'v', 'preset', 'backend', 'bogus', '', '__proto__', 'constructor', 'toString'];
const NASTY = ['', 'NaN', '-NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-999', '0x10', '1_000', ' 5 ', '+3', '-0', '.5', '5.', '1e', 'e5',
  '%', '%E0%A4%A', '%ZZ', '%00', '%2B', '+', 'true', 'TRUE', 'yes', '1', '0', '[object Object]', 'undefined', 'null', '9'.repeat(400),
  ';;;', ',,,,,', '0,0,1,1,0,1;', '0,0,1,1,5,1', 'AAAA', 'AAA', '____', '-_-_', '🙂', 'a=b=c', 'langevin-stuck', 'hmc-funnel', 'webgpu', 'gpu'];

function randomText(r: () => number, n: number): string {
  const alphabet = 'abc019.-+eE&=?#/%;,_ \u00e9\u2603\ud83d\ude00';
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.1 ? String.fromCharCode(Math.floor(r() * 0x3000)) : alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

function randomRawValue(r: () => number): string {
  const u = r();
  if (u < 0.35) return pick(r, NASTY);
  if (u < 0.5) return randomText(r, Math.floor(r() * 20));
  if (u < 0.6) return String((r() - 0.5) * 10 ** Math.floor(r() * 40));
  if (u < 0.7) return encodeValue(samplersSchema.params[2], randomMixture(r, 1 + Math.floor(r() * 70)));
  const spec = pick(r, samplersSchema.params);
  return encodeValue(spec, randomValue(spec, r)); // a valid value, often under the wrong key
}

/** lone surrogates cannot be %-encoded: they stay raw, which the parser must survive too */
function tryEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

function randomHash(r: () => number): string {
  const u = r();
  if (u < 0.15) return randomText(r, Math.floor(r() * 60));
  const prefix = pick(r, ['#/samplers?', '#samplers?', '#/samplers/?', 'samplers?', 'https://x.y/#/samplers?', '#/samplers', '#/gallery?', '#/?', '#/dikl?', '#//samplers?']);
  const pairs: string[] = [];
  const n = Math.floor(r() * 12);
  for (let i = 0; i < n; i++) {
    const key = r() < 0.9 ? pick(r, KEYS) : randomText(r, 5);
    const value = randomRawValue(r);
    const enc = r() < 0.5 ? tryEncode(value) : value;
    pairs.push(r() < 0.05 ? key : `${key}=${enc}`);
  }
  return prefix + pairs.join(r() < 0.05 ? '&&' : '&');
}

describe('url codec: fuzzing', () => {
  it('never throws and always yields a complete, valid param set', () => {
    const r = prng(2024);
    let labs = 0;
    for (let i = 0; i < 2500; i++) {
      const hash = randomHash(r);
      const parsed = parseHash(hash);
      expect(Array.isArray(parsed.notices)).toBe(true);
      expect(parsed.notices.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
      expect(parsed.issues.length).toBe(parsed.notices.length);
      if (parsed.route !== 'lab') continue;
      labs++;
      // every lab's link is fuzzed against its own schema
      const schema = LAB_SCHEMAS[parsed.lab!]!;
      expect(Object.keys(parsed.params).sort()).toEqual(schema.params.map((s) => s.key).sort());
      for (const spec of schema.params) {
        expect(isValidValue(spec, parsed.params[spec.key]), `${hash} -> ${spec.key}=${String(parsed.params[spec.key])}`).toBe(true);
      }
      // what we write back parses without a single correction, to the same link
      const again = formatHash(parsed.lab!, parsed.params, { backend: parsed.backend });
      const reparsed = parseHash(again);
      expect(reparsed.notices, again).toEqual([]);
      expect(formatHash(parsed.lab!, reparsed.params, { backend: reparsed.backend })).toBe(again);
    }
    expect(labs).toBeGreaterThan(1000);
  });

  it('never throws on raw random bytes', () => {
    const r = prng(99);
    for (let i = 0; i < 500; i++) {
      const bytes = Array.from({ length: Math.floor(r() * 80) }, () => Math.floor(r() * 256));
      const s = String.fromCharCode(...bytes);
      expect(() => parseHash(s)).not.toThrow();
      expect(() => parseHash(`#/samplers?comps=${s}&drawn=${s}&seed=${s}`)).not.toThrow();
    }
  });
});
