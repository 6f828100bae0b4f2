// The share-link codec, generated from a lab's ParamSpecs: `#/<lab>?v=3&seed=...&key=value...`.
//
// Decisions (why a link replays exactly):
// - formatHash writes `v`, `seed` and every param that can change the computation, even when it
//   equals today's default, so a link keeps its meaning if a default changes later. It omits a key
//   only when it equals the default AND cannot affect the run: view toggles (group 'view'), pacing keys (ParamSpec.pacing: the slow-motion pause), and
//   params whose `when` is false for this param set (e.g. `comps` while target != custom).
//   Omitted keys equal their defaults, so parse(format(p)) === p for every valid p.
// - `preset=<id>` is read (defaults <- preset <- explicit keys) but never written: links hold the
//   resolved values, so editing a preset later does not change old links.
// - `backend=` is carried beside the params (not a lab param) and written only when not 'auto'.
// - Values are decoded strictly: unknown keys are ignored, out-of-range numbers clamped, bad values
//   replaced by defaults; each correction is a ParamNotice (see param-codec.ts).
// - A link with an older `v` is migrated first (migrations.ts); a link without `v` is read as current.
// - A multi-mode lab (labs/modes.ts) reads its mode first; a key of another of its modes is inert and
//   skipped without a notice (as a control whose `when` is false is), and never written.
// - Untrusted text (the path, keys, values) is only ever looked up by own key or in a Map (own.ts), and
//   the query is read within fixed bounds (query.ts).
import { LAB_IDS, type LabId, type LabSchema, type ParamSpec, type ParamValue } from '../types';
import { LAB_SCHEMAS } from '../schemas';
import type { BackendRequest } from '../../protocol/messages';
import { coerceValue, decodeValue, encodeValue, valuesEqual, type ParamNotice } from './param-codec';
import { COMPARE_PREFIX, defaultUi, formatUiOptions, parseUiOptions, UI_KEYS, type UiOptions } from './ui-options';
import { migrateRaw, renamedKey } from './migrations';
import { parseGalleryFilter } from './gallery-filter';
import { URL_VERSION } from './version';
import { parseQuery, safeDecode } from './query';
import { ownValue } from './own';
import { defaultsOf, modeOf, specOf, specsOf, allKeys, switchMode } from '../modes';

export { defaultsOf } from '../modes';

export type { ParamNotice, NoticeKind } from './param-codec';
export type { UiOptions } from './ui-options';
export { URL_VERSION } from './version';
export { parseQuery, MAX_LINK_CHARS, MAX_LINK_KEYS } from './query';
export const BACKEND_REQUESTS: readonly BackendRequest[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
/** keys the codec owns; no lab may use them as param keys */
export const RESERVED_KEYS = ['v', 'preset', 'backend', ...UI_KEYS] as const;

export type Route = 'landing' | 'lab' | 'gallery' | 'bench' | 'previews' | 'unknown';
export interface ParsedHash {
  route: Route;
  lab?: LabId;
  params: Record<string, ParamValue>;
  backend?: BackendRequest;
  /** the preset the link named, if any (its params are already merged in) */
  preset?: string;
  /** hidden controls, presenter mode, A/B comparison (lab pages only; defaults elsewhere) */
  ui: UiOptions;
  /** one readable line per correction (what the UI shows) */
  notices: string[];
  /** the same corrections, structured (what the CLI checks) */
  issues: ParamNotice[];
}

/**
 * Validate raw key/value strings against a lab: defaults <- preset <- explicit keys. `v` is checked,
 * `backend` is skipped (parseHash carries it), unknown keys are reported. Never throws.
 */
export function validateParams(
  schema: LabSchema,
  linkRaw: Record<string, string>,
): { params: Record<string, ParamValue>; notices: ParamNotice[]; preset?: string } {
  // an older link's keys are renamed first (a no-op when parseHash already did it)
  const raw = migrateRaw(schema.id, linkRaw).raw;
  const notices: ParamNotice[] = [];
  let params = defaultsOf(schema);
  // a multi-mode lab reads the mode first (the preset's, then the link's): it decides which keys exist
  const modeKey = schema.modeKey;
  const known = allKeys(schema);
  let preset: string | undefined;

  if (raw.v !== undefined) {
    const v = Number(raw.v);
    if (!/^\d+$/.test(raw.v) || v < 1) {
      notices.push({ key: 'v', value: raw.v, kind: 'invalid', message: `v="${raw.v}" is not a link version; allowed: 1 to ${URL_VERSION}; reading it as version ${URL_VERSION}` });
    } else if (v > URL_VERSION) {
      notices.push({ key: 'v', value: raw.v, kind: 'version', message: `This link is from a newer version (v=${v}) of the playground than this one (v=${URL_VERSION}); some settings may read differently.` });
    }
  }
  const setMode = (spec: ParamSpec, c: { value: ParamValue }) => {
    params = c.value === params[spec.key] ? params : switchMode(schema, params, c.value as string);
  };
  if (raw.preset !== undefined) {
    const p = schema.presets.find((x) => x.id === raw.preset);
    if (!p) {
      const ids = schema.presets.map((x) => x.id).join(', ');
      notices.push({ key: 'preset', value: raw.preset, kind: 'invalid', message: `preset="${raw.preset}" is not a preset of ${schema.id}; allowed: ${ids}; using the defaults` });
    } else {
      preset = p.id;
      const entries = Object.entries(p.params).sort(([a], [b]) => Number(b === modeKey) - Number(a === modeKey));
      for (const [key, value] of entries) {
        const spec = specOf(schema, key, params);
        if (!spec) continue; // a preset naming a removed key: the schema test catches it
        const c = coerceValue(spec, value);
        if (key === modeKey) setMode(spec, c);
        else params[key] = c.value;
        if (c.notice) notices.push(c.notice);
      }
    }
  }
  const entries = Object.entries(raw).sort(([a], [b]) => Number(b === modeKey) - Number(a === modeKey));
  for (const [key, value] of entries) {
    if ((RESERVED_KEYS as readonly string[]).includes(key) || key.startsWith(COMPARE_PREFIX)) continue;
    const spec = specOf(schema, key, params);
    if (!spec) {
      // a setting of another mode of this lab: inert here, as a hidden control is (links of v2 wrote them)
      if (known.has(key)) continue;
      const shown = key.length > 40 ? `${key.slice(0, 37)}...` : key;
      const renamed = renamedKey(schema.id, key, modeOf(schema, params));
      const hint = renamed ? ` (it is called ${renamed.to} since link version ${renamed.since})` : '';
      notices.push({ key, value, kind: 'unknown-key', message: `"${shown}" is not a setting of ${schema.id}${hint}; ignored` });
      continue;
    }
    const c = decodeValue(spec, value);
    if (key === modeKey) setMode(spec, c);
    else params[key] = c.value;
    if (c.notice) notices.push(c.notice);
  }
  return { params, notices, preset };
}

/** Parse a hash (`#/samplers?...`), a full share URL, or `samplers?...`. Never throws. */
export function parseHash(hash: string, schemas: Partial<Record<LabId, LabSchema>> = LAB_SCHEMAS): ParsedHash {
  const afterHash = hash.includes('#') ? hash.slice(hash.indexOf('#') + 1) : hash;
  const q = afterHash.indexOf('?');
  const path = safeDecode(q < 0 ? afterHash : afterHash.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const { raw, notices: issues } = parseQuery(q < 0 ? '' : afterHash.slice(q + 1));

  let backend: BackendRequest | undefined;
  if (raw.backend !== undefined) {
    if ((BACKEND_REQUESTS as readonly string[]).includes(raw.backend)) backend = raw.backend as BackendRequest;
    else issues.push({ key: 'backend', value: raw.backend, kind: 'invalid', message: `backend="${raw.backend}" is not a backend; allowed: ${BACKEND_REQUESTS.join(', ')}; using auto` });
  }
  const done = (r: Omit<ParsedHash, 'notices' | 'issues' | 'backend' | 'ui'> & { ui?: UiOptions }): ParsedHash => ({ ui: defaultUi(), ...r, backend, issues, notices: issues.map((n) => n.message) });

  if (path === '') return done({ route: 'landing', params: {} });
  if (path === 'gallery') {
    // the filter travels as params (strings) so the store and the URL sync carry it like a lab's
    const g = parseGalleryFilter(raw);
    issues.push(...g.notices);
    return done({ route: 'gallery', params: { ...g.filter } });
  }
  if (path === 'bench') return done({ route: 'bench', params: {} });
  // renders the gallery's shipped previews (driven by scripts/gallery-previews.mjs)
  if (path === 'previews') return done({ route: 'previews', params: {} });
  // own keys only: `#/constructor` must not find Object.prototype.constructor
  const schema = ownValue(schemas, path);
  if (!schema) {
    const shown = path.length > 40 ? `${path.slice(0, 37)}...` : path;
    const known = (LAB_IDS as readonly string[]).includes(path);
    issues.push({ key: 'lab', value: path, kind: 'invalid', message: known ? `The lab "${shown}" is not available yet.` : `There is no page called "${shown}".` });
    return done({ route: 'unknown', lab: known ? (path as LabId) : undefined, params: {} });
  }
  // migrate before reading both the params and the page options (hide= and b.<key> name params too)
  const current = migrateRaw(schema.id, raw).raw;
  const v = validateParams(schema, current);
  issues.push(...v.notices);
  const u = parseUiOptions(schema, current, v.params);
  issues.push(...u.notices);
  return done({ route: 'lab', lab: schema.id, params: v.params, preset: v.preset, ui: u.ui });
}

// ',' and ';' are legal in a fragment and keep mixtures readable; everything else is %-escaped.
const escape = (s: string): string => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3B/gi, ';');

/** The query part (`v=3&seed=...`) for a lab; params missing from `params` are taken as defaults. */
export interface HashExtras {
  backend?: BackendRequest;
  ui?: UiOptions;
}

export function formatQuery(schema: LabSchema, params: Record<string, ParamValue>, extras: HashExtras = {}): string {
  const full = { ...defaultsOf(schema, modeOf(schema, params)), ...params };
  const parts = [`v=${URL_VERSION}`];
  const active = specsOf(schema, full);
  const seed = active.find((s) => s.key === 'seed');
  const ordered = seed ? [seed, ...active.filter((s) => s !== seed)] : active;
  for (const spec of ordered) {
    const value = full[spec.key];
    const inert = spec.group === 'view' || spec.pacing === true || (spec.when !== undefined && !spec.when(full));
    if (spec.key !== 'seed' && inert && valuesEqual(spec, value, spec.default)) continue;
    parts.push(`${spec.key}=${escape(encodeValue(spec, value))}`);
  }
  parts.push(...formatUiOptions(schema, full, extras.ui, escape));
  if (extras.backend && extras.backend !== 'auto') parts.push(`backend=${extras.backend}`);
  return parts.join('&');
}

export function formatHash(lab: LabId, params: Record<string, ParamValue>, extras: HashExtras = {}, schemas: Partial<Record<LabId, LabSchema>> = LAB_SCHEMAS): string {
  const schema = ownValue(schemas, lab);
  if (!schema) return `#/${lab}`;
  return `#/${lab}?${formatQuery(schema, params, extras)}`;
}
