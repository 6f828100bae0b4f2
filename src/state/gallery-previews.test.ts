import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { galleryCards } from './gallery-cards';
import {
  fnv1a64, freshPreview, parseManifest, PREVIEW_COMMAND, PREVIEW_FORMAT, previewHash, previewKey, previewUrl, stableJson,
  type PreviewSubject,
} from './gallery-previews';

const DIR = join(__dirname, '../../public/gallery');
const subject = (c: ReturnType<typeof galleryCards>[number]): PreviewSubject => ({ lab: c.lab, presetId: c.preset.id, params: c.params, steps: c.steps });

describe('gallery previews: hash', () => {
  it('is stable JSON with sorted keys, typed arrays as arrays, and 64-bit FNV-1a', () => {
    expect(stableJson({ b: 1, a: [true, 'x', new Float32Array([0.5, 2])], c: undefined })).toBe('{"a":[true,"x",[0.5,2]],"b":1}');
    expect(stableJson({ n: Number.NaN })).toBe('{"n":"NaN"}');
    // the published FNV-1a 64 test vectors
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('changes with the lab, the preset, any param and the steps, and not with key order', () => {
    const s: PreviewSubject = { lab: 'samplers', presetId: 'p', params: { seed: 1, sampler: 'ula', step: 0.1, comps: [{ w: 1, mean: [0, 0], cov: [1, 0, 1] }] }, steps: 100 };
    const h = previewHash(s);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(previewHash({ ...s, params: { step: 0.1, sampler: 'ula', comps: s.params.comps!, seed: 1 } })).toBe(h);
    // another sampler's own setting (hidden, unused by ULA) leaves the hash alone: a new sampler's
    // setting does not stale the shipped previews; shown, it counts
    expect(previewHash({ ...s, params: { ...s.params, scale: 0.5, leapfrog: 7 } })).toBe(h);
    expect(previewHash({ ...s, params: { ...s.params, sampler: 'hmc', leapfrog: 7 } })).not.toBe(previewHash({ ...s, params: { ...s.params, sampler: 'hmc', leapfrog: 8 } }));
    for (const other of [
      { ...s, lab: 'dikl' as const }, { ...s, presetId: 'q' }, { ...s, steps: 101 },
      { ...s, params: { ...s.params, step: 0.2 } }, { ...s, params: { ...s.params, comps: [{ w: 1, mean: [0, 1], cov: [1, 0, 1] }] } },
    ]) expect(previewHash(other as PreviewSubject)).not.toBe(h);
  });

  it('a manifest entry counts only when its hash is the preset\'s; malformed files give no entries', () => {
    const s: PreviewSubject = { lab: 'guidance', presetId: 'front', params: { seed: 3 }, steps: 10 };
    const entry = { file: 'guidance--front.webp', hash: previewHash(s), width: 240, height: 240, iteration: 10, diverged: false };
    const m = parseManifest({ format: PREVIEW_FORMAT, entries: { 'guidance--front': entry, bad: { file: '../x', hash: 1 }, other: { ...entry, file: 'a/../b' } } });
    expect(Object.keys(m.entries)).toEqual(['guidance--front']);
    // a `__proto__` key in the file is only ever an entry, never the object's prototype
    const hostile = parseManifest(JSON.parse(`{"format":${PREVIEW_FORMAT},"entries":{"__proto__":${JSON.stringify(entry)}}}`));
    expect(Object.getPrototypeOf(hostile.entries)).toBeNull();
    expect(freshPreview(hostile, s)).toBeUndefined();
    expect(freshPreview(m, s)).toEqual(entry);
    expect(freshPreview(m, { ...s, params: { seed: 4 } })).toBeUndefined();
    expect(freshPreview(m, { ...s, presetId: 'other' })).toBeUndefined();
    expect(previewUrl(entry)).toBe(`./gallery/guidance--front.webp?v=${entry.hash}`);
    expect(parseManifest({ format: PREVIEW_FORMAT + 1, entries: { 'guidance--front': entry } }).entries).toEqual({});
    expect(parseManifest('nonsense').entries).toEqual({});
  });
});

describe('gallery previews: shipped files (public/gallery)', () => {
  const raw = existsSync(join(DIR, 'manifest.json')) ? JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as unknown : null;
  const manifest = parseManifest(raw);
  const cards = galleryCards();

  it('every preset has a fresh preview (else: refresh them with the command named in the message)', () => {
    const stale = cards.filter((c) => !freshPreview(manifest, subject(c))).map((c) => {
      const e = manifest.entries[previewKey(c.lab, c.preset.id)];
      return `${c.lab}/${c.preset.id} (${e ? 'changed since its preview was rendered' : 'no preview'})`;
    });
    const message = `${stale.length} gallery preview(s) out of date: ${stale.join(', ')}.\n`
      + `Run \`${PREVIEW_COMMAND}\` to render them again (it renders only the stale ones; ~1 min per trained preset) and commit public/gallery/.`
      + ' Until then those cards render live in the browser.';
    expect(stale, message).toEqual([]);
  });

  it('names files that exist, holds no preset that is gone, and stays small', () => {
    const keys = new Set(cards.map((c) => previewKey(c.lab, c.preset.id)));
    const orphans = Object.keys(manifest.entries).filter((k) => !keys.has(k));
    expect(orphans, `previews of presets that no longer exist; \`${PREVIEW_COMMAND}\` removes them`).toEqual([]);
    const files = new Set(readdirSync(DIR).filter((f) => f !== 'manifest.json'));
    for (const [k, e] of Object.entries(manifest.entries)) {
      expect(files.has(e.file), `${k}: ${e.file} is missing; run \`${PREVIEW_COMMAND}\``).toBe(true);
      expect(e.width).toBeGreaterThanOrEqual(200);
    }
    const named = new Set(Object.values(manifest.entries).map((e) => e.file));
    expect([...files].filter((f) => !named.has(f)), `files no entry names; \`${PREVIEW_COMMAND}\` removes them`).toEqual([]);
    const bytes = [...files].reduce((n, f) => n + statSync(join(DIR, f)).size, 0);
    expect(bytes, 'the previews are precached for offline use: keep them small').toBeLessThan(1.5 * 1024 * 1024);
  });
});
