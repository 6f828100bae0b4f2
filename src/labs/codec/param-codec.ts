// One param's text <-> value conversion and validation, per ParamSpec kind. Every correction becomes a
// structured notice naming the key, the value and what is allowed: the UI shows the message, the CLI
// exits 2 on any 'unknown-key' / 'clamped' / 'invalid' notice with the same text.
import type { Mixture } from '../../core/types';
import type { ParamSpec, ParamValue } from '../types';
import { canonicalXY, componentProblem, canonicalComponent, decodeMixture, decodeXY, encodeMixture, encodeXY, MAX_COMPONENTS, MAX_XY_POINTS, parseDecimal } from './points-codec';

/** 'version': a link from a newer build (not an error in a key or value). */
export type NoticeKind = 'unknown-key' | 'clamped' | 'invalid' | 'version';
export interface ParamNotice {
  key: string;
  /** the raw value as given (a string form for typed values) */
  value: string;
  message: string;
  kind: NoticeKind;
}
export interface Coerced {
  value: ParamValue;
  notice?: ParamNotice;
}

/** a text param's length bound when its spec names none */
export const MAX_TEXT = 500;

/** why a text value is refused: too long, a control character, or the spec's own check */
function textProblem(spec: ParamSpec, raw: string): string | null {
  const max = spec.maxLength ?? MAX_TEXT;
  if (raw.length > max) return `is ${raw.length} characters long (at most ${max})`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(raw)) return 'holds a control character';
  // a lone surrogate is not text a link can carry (encodeURIComponent throws on it)
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(raw)) return 'holds a broken character (a lone surrogate)';
  const why = spec.check?.(raw);
  return why ? `is invalid (${why})` : null;
}

const show = (raw: string): string => (raw.length > 40 ? `"${raw.slice(0, 37)}..."` : `"${raw}"`);
const rangeText = (s: ParamSpec): string => `[${s.min ?? '-∞'}, ${s.max ?? '∞'}]`;

/** What a key accepts, in words (used in notices and by the CLI's help). */
export function allowedText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number': return `a number in ${rangeText(spec)}`;
    case 'int': return `an integer in ${rangeText(spec)}`;
    case 'enum': return `one of ${(spec.values ?? []).join(', ')}`;
    case 'bool': return '1, 0, true or false';
    case 'points': return `components "x,y,w,sxx,sxy,syy" separated by ";" (1 to ${MAX_COMPONENTS}, weights > 0, covariance positive semi-definite and not zero)`;
    case 'xy': return `base64url int16 (x, y) pairs at resolution 0.001, at most ${MAX_XY_POINTS} points`;
    case 'text': return `text of at most ${spec.maxLength ?? MAX_TEXT} characters`;
  }
}

export function encodeValue(spec: ParamSpec, v: ParamValue): string {
  switch (spec.kind) {
    case 'bool': return v ? '1' : '0';
    case 'points': return encodeMixture(v as Mixture);
    case 'xy': return encodeXY(v as Float32Array);
    default: return String(v);
  }
}

function fallback(spec: ParamSpec, raw: string, why: string): Coerced {
  const def = spec.kind === 'points' || spec.kind === 'xy' || spec.kind === 'text' ? 'default' : `default ${encodeValue(spec, spec.default)}`;
  const message = `${spec.key}=${show(raw)} ${why}; allowed: ${allowedText(spec)}; using the ${def}`;
  return { value: spec.default, notice: { key: spec.key, value: raw, message, kind: 'invalid' } };
}

function clampNumber(spec: ParamSpec, x: number, raw: string): Coerced {
  if (Number.isNaN(x)) return fallback(spec, raw, 'is not a number');
  const notes: string[] = [];
  let v = x;
  if (spec.kind === 'int' && Number.isFinite(v) && !Number.isInteger(v)) {
    v = Math.round(v);
    notes.push(`is not an integer; rounded to ${v}`);
  }
  if (spec.min !== undefined && v < spec.min) v = spec.min;
  else if (spec.max !== undefined && v > spec.max) v = spec.max;
  if (!Number.isFinite(v)) return fallback(spec, raw, 'is not a finite number');
  if (v !== x && (notes.length === 0 || v !== Math.round(x))) notes.push(`is out of range ${rangeText(spec)}; clamped to ${v}`);
  if (notes.length === 0) return { value: v };
  return { value: v, notice: { key: spec.key, value: raw, message: `${spec.key}=${show(raw)} ${notes.join('; ')}`, kind: 'clamped' } };
}

/** Decode one URL value. Never throws; falls back to the default with a notice. */
export function decodeValue(spec: ParamSpec, raw: string): Coerced {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return clampNumber(spec, parseDecimal(raw), raw);
    case 'enum':
      return spec.values?.includes(raw) ? { value: raw } : fallback(spec, raw, 'is not a known value');
    case 'text': {
      const why = textProblem(spec, raw);
      return why ? fallback(spec, raw, why) : { value: raw };
    }
    case 'bool': {
      const t = raw.trim().toLowerCase();
      if (t === '1' || t === 'true') return { value: true };
      if (t === '0' || t === 'false') return { value: false };
      return fallback(spec, raw, 'is not a boolean');
    }
    case 'points':
    case 'xy': {
      const d = spec.kind === 'points' ? decodeMixture(raw) : decodeXY(raw);
      if (!d.ok) return fallback(spec, raw, `is invalid (${d.reason})`);
      if (!d.truncated) return { value: d.value };
      return { value: d.value, notice: { key: spec.key, value: raw, message: `${spec.key}: too long; ${d.truncated}`, kind: 'clamped' } };
    }
  }
}

/** Validate a typed value (a preset's, or one set from a control) as if it came from the URL. */
export function coerceValue(spec: ParamSpec, v: unknown): Coerced {
  if (typeof v === 'string') return decodeValue(spec, v);
  switch (spec.kind) {
    case 'number':
    case 'int':
      return typeof v === 'number' ? clampNumber(spec, v, String(v)) : fallback(spec, String(v), 'is not a number');
    case 'bool':
      return typeof v === 'boolean' ? { value: v } : fallback(spec, String(v), 'is not a boolean');
    case 'enum':
      return fallback(spec, String(v), 'is not a known value');
    case 'text':
      return fallback(spec, String(v), 'is not text');
    case 'points': {
      if (!Array.isArray(v) || v.length === 0) return fallback(spec, String(v), 'is not a list of components');
      const m = v as Mixture;
      for (const [i, c] of m.entries()) {
        const p = c && Array.isArray(c.mean) && Array.isArray(c.cov) ? componentProblem(c) : 'not a component';
        if (p) return fallback(spec, encodeLoosely(m), `is invalid (component ${i + 1}: ${p})`);
      }
      return decodeValue(spec, encodeMixture(m.map(canonicalComponent)));
    }
    case 'xy':
      return v instanceof Float32Array ? decodeValue(spec, encodeXY(canonicalXY(v))) : fallback(spec, String(v), 'is not a Float32Array');
  }
}

function encodeLoosely(m: Mixture): string {
  try {
    return m.map((c) => [c.mean[0], c.mean[1], c.w, ...c.cov].join(',')).join(';');
  } catch {
    return String(m);
  }
}

export function valuesEqual(spec: ParamSpec, a: ParamValue, b: ParamValue): boolean {
  if (spec.kind === 'points') {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const x = a as Mixture;
    const y = b as Mixture;
    return x.every((c, i) => c.w === y[i].w && c.mean.every((m, k) => m === y[i].mean[k]) && c.cov.every((s, k) => s === y[i].cov[k]));
  }
  if (spec.kind === 'xy') {
    const x = a as Float32Array;
    const y = b as Float32Array;
    return x instanceof Float32Array && y instanceof Float32Array && x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** True when the value is in range and already in its canonical (URL-rounded) form. */
export function isValidValue(spec: ParamSpec, v: unknown): boolean {
  const r = coerceValue(spec, v);
  return !r.notice && valuesEqual(spec, r.value, v as ParamValue);
}
