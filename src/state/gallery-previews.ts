// The gallery's shipped previews: every preset rendered once ahead of time by
// `npm run gallery:previews` (scripts/gallery-previews.mjs drives the app's own #/previews page) and
// served as public/gallery/<lab>--<preset>.webp with public/gallery/manifest.json. Each manifest entry
// carries the hash of what determines its picture; the gallery shows a shipped image only when that
// hash equals the current preset's, so a preset edited since the last refresh never shows a picture
// of another experiment (its card falls back to rendering live). The script, the app and the unit
// test that guards the manifest all compute the hash with previewHash below.
import type { LabId, ParamValue } from '../labs/types';
import { LABS } from '../labs/labs';

/** Bump when the drawing changes in a way every preview should be rendered again for. */
export const PREVIEW_FORMAT = 1;
/** Where the previews live, relative to index.html (vite's base is './'), and what refreshes them. */
export const PREVIEW_DIR = 'gallery';
export const PREVIEW_MANIFEST = `${PREVIEW_DIR}/manifest.json`;
export const PREVIEW_COMMAND = 'npm run gallery:previews';

/** What determines a preview's picture. */
export interface PreviewSubject {
  lab: LabId;
  presetId: string;
  /** the preset's fully resolved params (defaults <- preset), view toggles included */
  params: Readonly<Record<string, ParamValue>>;
  /** iterations the preview aims for */
  steps: number;
}

export interface PreviewEntry {
  /** file name inside PREVIEW_DIR */
  file: string;
  hash: string;
  width: number;
  height: number;
  /** the iteration the picture shows (the render stops at the preset's steps or its time budget) */
  iteration: number;
  /** the preset's steps it aimed for (informational: the hash already covers them) */
  steps?: number;
  diverged: boolean;
}

export interface PreviewManifest {
  format: number;
  /** `<lab>--<preset>` -> entry */
  entries: Record<string, PreviewEntry>;
}

export const previewKey = (lab: string, presetId: string): string => `${lab}--${presetId}`;

/** JSON with sorted object keys and typed arrays as plain arrays: the same value gives the same text. */
export function stableJson(v: unknown): string {
  if (v instanceof Float32Array || v instanceof Float64Array) return stableJson(Array.from(v));
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(String(v));
  return JSON.stringify(v) ?? 'null';
}

/** 64-bit FNV-1a over the UTF-16 code units, as 16 hex digits (synchronous: no crypto.subtle). */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

export function previewHash(s: PreviewSubject): string {
  return fnv1a64(stableJson({ format: PREVIEW_FORMAT, lab: s.lab, preset: s.presetId, steps: s.steps, params: hashedParams(s) }));
}

/** the params that decide the picture: all but the keys hidden and unused in this run (ParamSpec.inertWhenHidden) */
function hashedParams(s: PreviewSubject): Readonly<Record<string, ParamValue>> {
  const specs = LABS[s.lab]?.schema.params ?? [];
  const out = { ...s.params };
  for (const spec of specs) if (spec.inertWhenHidden && spec.when && !spec.when(s.params)) delete out[spec.key];
  return out;
}

/** The manifest's entry for this preset when it is fresh (same hash), else undefined. */
export function freshPreview(m: PreviewManifest | null | undefined, s: PreviewSubject): PreviewEntry | undefined {
  const key = previewKey(s.lab, s.presetId);
  const e = m && Object.hasOwn(m.entries, key) ? m.entries[key] : undefined;
  return e && e.hash === previewHash(s) ? e : undefined;
}

/** The entry's URL relative to the page; the hash in the query keeps a browser from showing an older file. */
export const previewUrl = (e: PreviewEntry): string => `./${PREVIEW_DIR}/${encodeURIComponent(e.file)}?v=${e.hash}`;

const isEntry = (e: unknown): e is PreviewEntry => {
  const o = e as PreviewEntry | null;
  return !!o && typeof o.file === 'string' && /^[\w-][\w.-]*\.(webp|png)$/.test(o.file) && typeof o.hash === 'string'
    && typeof o.width === 'number' && typeof o.height === 'number' && typeof o.iteration === 'number';
};

/** A manifest read from untrusted JSON: malformed entries are dropped, a wrong format gives none. */
export function parseManifest(raw: unknown): PreviewManifest {
  const o = raw as Partial<PreviewManifest> | null;
  // no prototype: a key like `__proto__` in the file is only ever an entry
  const entries = Object.create(null) as Record<string, PreviewEntry>;
  if (!o || o.format !== PREVIEW_FORMAT || !o.entries || typeof o.entries !== 'object') return { format: PREVIEW_FORMAT, entries };
  for (const [k, e] of Object.entries(o.entries)) if (isEntry(e)) entries[k] = { ...e, diverged: Boolean(e.diverged) };
  return { format: PREVIEW_FORMAT, entries };
}
