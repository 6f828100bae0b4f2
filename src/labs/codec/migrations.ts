// Link migrations: an old link keeps opening the experiment it described. Each entry turns the raw
// key/value strings of one lab's link at version `from` into version `from + 1`; they run in order,
// before any validation, so the rest of the codec only ever reads current keys.
//
// Decisions:
// - A link without `v` is read as the current version. Hand-written links (docs, the CLI, a teacher
//   typing one) name today's keys; guessing an old version would silently rewrite them. Every link
//   the app writes carries `v`, so shared links are always migrated.
// - A malformed `v` or one newer than this build is not migrated (validateParams reports it).
// - A migration is pure and total: it returns a new object and never throws; it also rewrites the
//   key's mentions in `hide=` and its B override `b.<key>=`, so a teacher's hidden control and a
//   reviewer's comparison survive the rename.
// - After migrating, `v` is set to the current version, so migrating twice is a no-op (parseHash
//   migrates before reading the page options; validateParams, used alone by the CLI, migrates too).
import { URL_VERSION } from './version';
import { ownValue, textRecord } from './own';

export type RawQuery = Record<string, string>;

export interface Migration {
  /** the link version this migration reads; it writes `from + 1` */
  from: number;
  /** one line for the docs and the tests: what changed and why */
  what: string;
  migrate(lab: string, raw: Readonly<RawQuery>): RawQuery;
}

/** Rename a lab's param key everywhere a link can name it: `key=`, `b.key=` and `hide=...,key,...`. */
export function renameKey(raw: Readonly<RawQuery>, from: string, to: string): RawQuery {
  // prototype-free while filling, so a link's `__proto__=` key is carried (and reported), not swallowed
  const out = textRecord<string>();
  for (const [k, v] of Object.entries(raw)) {
    if (k === from) out[to] = v;
    else if (k === `b.${from}`) out[`b.${to}`] = v;
    else out[k] = v;
  }
  if (out.hide !== undefined) out.hide = out.hide.split(',').map((s) => (s.trim() === from ? to : s)).join(',');
  return { ...out };
}

/**
 * v1 -> v2: three labs had a param `compare` (a second run inside the lab), which read like the
 * A/B comparison `ab=1` that every lab has now; each got a name that says what it runs.
 */
const V1_RENAMES: Record<string, { from: string; to: string }> = {
  implicit: { from: 'compare', to: 'nestedRun' },
  dikl: { from: 'compare', to: 'otherObjective' },
  dxmi: { from: 'compare', to: 'tau0Twin' },
};

/** The current name of a key an older version used (for the "not a setting" message of a link without v). */
export function renamedKey(lab: string, key: string): { to: string; since: number } | null {
  const r = ownValue(V1_RENAMES, lab);
  return r && r.from === key ? { to: r.to, since: 2 } : null;
}

/** Ordered by `from`; the test checks the order and that every step up to URL_VERSION exists. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    what: 'compare= is now nestedRun= (implicit), otherObjective= (dikl), tau0Twin= (dxmi), so it is not read as the A/B comparison ab=1',
    migrate: (lab, raw) => {
      const r = ownValue(V1_RENAMES, lab);
      return r ? renameKey(raw, r.from, r.to) : { ...raw };
    },
  },
];

/** The version a link says it is, or null when `v` is missing or malformed (read as current). */
export function linkVersion(raw: Readonly<RawQuery>): number | null {
  const v = raw.v;
  if (v === undefined || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 ? n : null;
}

/**
 * Bring one lab's raw link strings up to URL_VERSION. Returns the same object when nothing applies,
 * else a new one with `v` set to the current version and the migrations that ran.
 */
export function migrateRaw(lab: string, raw: RawQuery, migrations: readonly Migration[] = MIGRATIONS, current = URL_VERSION): { raw: RawQuery; applied: Migration[] } {
  const from = linkVersion(raw);
  if (from === null || from >= current) return { raw, applied: [] };
  let out: RawQuery = { ...raw };
  const applied: Migration[] = [];
  for (const m of migrations) {
    if (m.from < from || m.from >= current) continue;
    out = m.migrate(lab, out);
    applied.push(m);
  }
  out.v = String(current);
  return { raw: out, applied };
}
