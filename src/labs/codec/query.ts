// A link's query (`a=1&b=2`) as raw key/value strings, read within fixed bounds.
//
// Decisions:
// - Bounds come before any decoding: a link longer than MAX_LINK_CHARS is cut at the last whole
//   pair, and only its first MAX_LINK_KEYS pairs are read. A 692 KB link of 80 000 unknown keys used
//   to freeze the tab for seconds (80 000 notices); now it costs a scan and one notice that says how
//   much was dropped and names the first dropped keys. Both bounds sit well above any link the app
//   writes (link-limits.test.ts checks the largest ones), so no honest link is ever cut.
// - '+' is not a space here (it is literal in a fragment). A malformed %-escape keeps its text.
// - A repeated key: the last value wins, everywhere (params, b.<key>, ab, hide, present, tour...), and
//   the notice says so; the record is prototype-free, so `__proto__=1` is an ordinary (unknown) key.
import type { ParamNotice } from './param-codec';
import { textRecord } from './own';

/** above the largest link the app writes: a packed tour at TOUR_LIMITS (≈ 330 000 characters at worst) */
export const MAX_LINK_CHARS = 512 * 1024;
/** above the most keys a link can mean: every param of the largest lab, a B override of each, and the codec's keys */
export const MAX_LINK_KEYS = 200;

const clip = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed %-escape: keep the text; the value check reports it
  }
}

/** the key of one `key=value` part, decoded (for naming dropped keys) */
const keyOf = (part: string): string => {
  const eq = part.indexOf('=');
  return safeDecode(eq < 0 ? part : part.slice(0, eq));
};

/** Split the query into at most MAX_LINK_KEYS non-empty parts; what is left over is counted, not split. */
function boundedParts(query: string, notices: ParamNotice[]): string[] {
  let text = query;
  if (text.length > MAX_LINK_CHARS) {
    const cut = text.lastIndexOf('&', MAX_LINK_CHARS);
    text = text.slice(0, Math.max(cut, 0));
    notices.push({
      key: 'link', value: `${query.length} characters`, kind: 'clamped',
      message: `The link is ${query.length} characters long; a link holds at most ${MAX_LINK_CHARS}, so the last ${query.length - text.length} characters were dropped`,
    });
  }
  const parts: string[] = [];
  let at = 0;
  while (at <= text.length && parts.length < MAX_LINK_KEYS) {
    const end = text.indexOf('&', at);
    const part = text.slice(at, end < 0 ? text.length : end);
    if (part !== '') parts.push(part);
    if (end < 0) return parts;
    at = end + 1;
  }
  if (at > text.length) return parts;
  // over the key limit: count the rest without splitting it, and name the first few dropped keys
  const named: string[] = [];
  let dropped = 0;
  while (at <= text.length) {
    const end = text.indexOf('&', at);
    const stop = end < 0 ? text.length : end;
    if (stop > at) {
      dropped++;
      if (named.length < 3) named.push(`"${clip(keyOf(text.slice(at, stop)), 30)}"`);
    }
    if (end < 0) break;
    at = end + 1;
  }
  if (dropped > 0) {
    const more = dropped > named.length ? ` and ${dropped - named.length} more` : '';
    notices.push({
      key: 'link', value: `${parts.length + dropped} keys`, kind: 'clamped',
      message: `The link has ${parts.length + dropped} keys; a link holds at most ${MAX_LINK_KEYS}, so ${dropped} were dropped (${named.join(', ')}${more})`,
    });
  }
  return parts;
}

/** Split `a=1&b=2` into raw strings, within the bounds above. Repeated keys: last wins, with a notice. */
export function parseQuery(query: string): { raw: Record<string, string>; notices: ParamNotice[] } {
  const notices: ParamNotice[] = [];
  const raw = textRecord<string>();
  const counts = new Map<string, number>();
  for (const part of boundedParts(query, notices)) {
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    raw[key] = value;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) {
    if (n > 1) notices.push({ key, value: raw[key], kind: 'invalid', message: `${clip(key)} is given ${n} times; using the last value "${clip(raw[key])}"` });
  }
  // a plain object for callers (tests compare it, the CLI spreads it); spreading keeps `__proto__` an own key
  return { raw: { ...raw }, notices };
}
