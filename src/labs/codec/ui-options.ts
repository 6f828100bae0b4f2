// The parts of a link that shape the page rather than the computation: hidden controls (`hide=`),
// presenter mode (`present=1`) and an A/B comparison (`ab=1` and `b.<key>=<value>` overrides of
// the B configuration). They travel with the params so a teacher's or a reviewer's link opens exactly
// the page they saw. Decoded as strictly as params: every correction is a ParamNotice.
import type { LabSchema, ParamValue } from '../types';
import { coerceValue, decodeValue, encodeValue, valuesEqual, type ParamNotice } from './param-codec';
import { formatTourOption, parseTourOption, type TourRef } from './tour-codec';
import { allKeys, specOf, specsOf } from '../modes';

/** Parts of the page a link can hide besides single controls (param keys). */
export const HIDE_SECTIONS = ['presets', 'help', 'notes', 'charts', 'export', 'runbar', 'controls'] as const;
export type HideSection = (typeof HIDE_SECTIONS)[number];

export interface UiOptions {
  /** param keys and HIDE_SECTIONS names, in the link's order, without duplicates */
  hide: string[];
  /** presenter mode: plots fill the screen, large type */
  present: boolean;
  /** null: no comparison; else the B configuration's overrides of A's params (only keys that differ) */
  compare: Record<string, ParamValue> | null;
  /** a guided tour and the step shown (`tour=`, `tstep=`; see tour-codec.ts); absent when none */
  tour?: TourRef;
}

export const defaultUi = (): UiOptions => ({ hide: [], present: false, compare: null });

/** prefix of a B override in a link: `b.step=0.05` */
export const COMPARE_PREFIX = 'b.';
// `ab`, not `compare`: the Implicit lab already has a `compare` param
export const UI_KEYS = ['hide', 'present', 'ab', 'tour', 'tstep'] as const;

const truthy = (s: string): boolean | null => (s === '1' || s === 'true' ? true : s === '0' || s === 'false' || s === '' ? false : null);

/**
 * Read `hide`, `present`, `compare` and every `b.<key>` from raw link strings. `params`: the A side the
 * link gives (its mode decides which B overrides exist). Never throws.
 */
export function parseUiOptions(schema: LabSchema, raw: Record<string, string>, params?: Record<string, ParamValue>): { ui: UiOptions; notices: ParamNotice[] } {
  const notices: ParamNotice[] = [];
  const ui = defaultUi();
  const keys = allKeys(schema);
  if (raw.hide !== undefined) {
    for (const item of raw.hide.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!keys.has(item) && !(HIDE_SECTIONS as readonly string[]).includes(item)) {
        notices.push({ key: 'hide', value: item, kind: 'invalid', message: `hide: "${item.slice(0, 40)}" is neither a setting of ${schema.id} nor a section (${HIDE_SECTIONS.join(', ')}); ignored` });
      } else if (!ui.hide.includes(item)) ui.hide.push(item);
    }
  }
  // `ab` given and read as off (0, false, empty or a bad value) wins over any b.<key>: what the notice
  // says ("using the last value 0") is what the page does. Without `ab`, a b.<key> alone opens the comparison.
  let abOff = false;
  for (const key of ['present', 'ab'] as const) {
    if (raw[key] === undefined) continue;
    const t = truthy(raw[key]);
    if (t === null) notices.push({ key, value: raw[key], kind: 'invalid', message: `${key}="${raw[key].slice(0, 40)}" is not 1, 0, true or false; reading it as 0` });
    if (key === 'present') ui.present = t === true;
    else if (t) ui.compare = {};
    else abOff = true;
  }
  const ignored: string[] = [];
  for (const [rawKey, value] of Object.entries(raw)) {
    if (!rawKey.startsWith(COMPARE_PREFIX)) continue;
    const key = rawKey.slice(COMPARE_PREFIX.length);
    const spec = specOf(schema, key, params);
    // both sides run in one mode: B's keys are A's (a B in another mode is a second tab, not a comparison)
    if (!spec || key === 'seed' || key === schema.modeKey) {
      const why = key === 'seed' ? 'both sides of a comparison share the seed' : key === schema.modeKey ? `both sides of a comparison share the ${key}` : `"${key.slice(0, 40)}" is not a setting of ${schema.id}${schema.modeKey && keys.has(key) ? ` in this ${schema.modeKey}` : ''}`;
      notices.push({ key: rawKey, value, kind: 'unknown-key', message: `${rawKey.slice(0, 42)}: ${why}; ignored` });
      continue;
    }
    if (abOff) {
      ignored.push(rawKey);
      continue;
    }
    const c = decodeValue(spec, value);
    if (c.notice) notices.push({ ...c.notice, key: rawKey, message: `B: ${c.notice.message}` });
    ui.compare = { ...(ui.compare ?? {}), [key]: c.value };
  }
  if (ignored.length) {
    notices.push({ key: 'ab', value: raw.ab ?? '', kind: 'invalid', message: `${ignored.join(', ')}: ignored, because ab="${(raw.ab ?? '').slice(0, 20)}" turns the A/B comparison off (ab=1 turns it on)` });
  }
  const t = parseTourOption(raw);
  notices.push(...t.notices);
  if (t.tour) ui.tour = t.tour;
  return { ui, notices };
}

/** The B configuration: A's params with the overrides applied, each validated. */
export function compareParams(schema: LabSchema, a: Record<string, ParamValue>, overrides: Record<string, ParamValue>): Record<string, ParamValue> {
  const out = { ...a };
  for (const [key, value] of Object.entries(overrides)) {
    const spec = specOf(schema, key, a);
    if (spec && key !== 'seed' && key !== schema.modeKey) out[key] = coerceValue(spec, value).value;
  }
  return out;
}

/** Query parts for the UI options (empty when they are all default); B overrides equal to A are dropped. */
export function formatUiOptions(schema: LabSchema, a: Record<string, ParamValue>, ui: UiOptions | undefined, escape: (s: string) => string): string[] {
  if (!ui) return [];
  const parts: string[] = [];
  if (ui.hide.length) parts.push(`hide=${ui.hide.map(escape).join(',')}`);
  if (ui.present) parts.push('present=1');
  if (ui.compare) {
    parts.push('ab=1');
    for (const spec of specsOf(schema, a)) {
      if (!Object.hasOwn(ui.compare, spec.key) || spec.key === 'seed' || spec.key === schema.modeKey) continue;
      const v = ui.compare[spec.key];
      if (a[spec.key] !== undefined && valuesEqual(spec, v, a[spec.key])) continue;
      parts.push(`${COMPARE_PREFIX}${spec.key}=${escape(encodeValue(spec, v))}`);
    }
  }
  parts.push(...formatTourOption(ui.tour));
  return parts;
}
