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
import { textRecord } from './own';

export type RawQuery = Record<string, string>;

export interface Migration {
  /** the link version this migration reads; it writes `from + 1` */
  from: number;
  /** one line for the docs and the tests: what changed and why */
  what: string;
  migrate(lab: string, raw: Readonly<RawQuery>): RawQuery;
}

const renameHide = (hide: string, from: string, to: string): string => hide.split(',').map((s) => (s.trim() === from ? to : s)).join(',');

/** Rename a lab's param key everywhere a link can name it: `key=`, `b.key=` and `hide=...,key,...`. */
export function renameKey(raw: Readonly<RawQuery>, from: string, to: string): RawQuery {
  // prototype-free while filling, so a link's `__proto__=` key is carried (and reported), not swallowed
  const out = textRecord<string>();
  for (const [k, v] of Object.entries(raw)) {
    if (k === from) out[to] = v;
    else if (k === `b.${from}`) out[`b.${to}`] = v;
    else out[k] = v;
  }
  if (out.hide !== undefined) out.hide = renameHide(out.hide, from, to);
  return { ...out };
}

/** One renamed key: `from` (the old link's name) reads as `to` since link version `since`; `mode`: in that mode only. */
interface Rename {
  lab: string;
  from: string;
  to: string;
  since: number;
  mode?: string;
}

/**
 * v1 -> v2: three labs had a param `compare` (a second run inside the lab), which read like the
 * A/B comparison `ab=1` that every lab has now; each got a name that says what it runs.
 */
const V2_RENAMES: readonly Rename[] = [
  { lab: 'implicit', from: 'compare', to: 'nestedRun', since: 2 },
  { lab: 'dikl', from: 'compare', to: 'otherObjective', since: 2 },
  { lab: 'dxmi', from: 'compare', to: 'tau0Twin', since: 2 },
];

const camel = (lab: string, keys: string): Rename[] =>
  keys.split(' ').map((from) => ({ lab, from, to: from.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), since: 3 }));

/**
 * v2 -> v3: one naming style (camelCase, as the code reads them) and one name per concept. Snake-case
 * keys become camelCase; a learning rate is `<what>Lr` (dxmi's lr_energy is energyLr, like scoreLr);
 * a mixture's components are `comps` and drawn points `drawn` in every lab (dxmi had points and xy);
 * a probe point is probeX/probeY (dikl had px/py/pt); the mismatched score is `score`, as in the other
 * labs. The Implicit lab has a schema per mode (labs/modes.ts): its EBM and diffusion keys lose their
 * prefixes and take the names the Langevin mode has for the same thing (ebmGamma is gamma, deta eta).
 */
const V3_RENAMES: readonly Rename[] = [
  ...camel('mismatch', 'sigma_y noise_mismatch sigma_y_assumed delta_t'),
  { lab: 'mismatch', from: 'score_src', to: 'score', since: 3 },
  ...camel('dikl', 'target_score beta_end gen_scale dsm_steps lr_schedule lr_iters score_lr ais_steps ais_step mala_steps mala_step paper_every'),
  { lab: 'dikl', from: 'n_is', to: 'isSamples', since: 3 },
  { lab: 'dikl', from: 'px', to: 'probeX', since: 3 },
  { lab: 'dikl', from: 'py', to: 'probeY', since: 3 },
  { lab: 'dikl', from: 'pt', to: 'probeT', since: 3 },
  ...camel('dxmi', 'learn_sigma tau_velocity costs_in_value ema_energy ema_sampler probe_x probe_y'),
  ...['energy', 'value', 'sampler', 'sigma'].map((w) => ({ lab: 'dxmi', from: `lr_${w}`, to: `${w}Lr`, since: 3 })),
  { lab: 'dxmi', from: 'points', to: 'comps', since: 3 },
  { lab: 'dxmi', from: 'xy', to: 'drawn', since: 3 },
  ...Object.entries({ ebmInner: 'inner', ebmGamma: 'gamma', ebmChains: 'particles', ebmReinit: 'reinit', ebmLr: 'lr' }).map(([from, to]) => ({ lab: 'implicit', from, to, since: 3, mode: 'ebm' })),
  ...Object.entries({ dbase: 'base', dtrain: 'trainSteps', dnet: 'hidden', dtheta: 'param', dhidden: 'correctionWidth', dloop: 'loop', dcompare: 'nestedRun', dT: 'T', dbatch: 'batch', deta: 'eta', dmlpLr: 'lr', dlambda: 'lambda' }).map(([from, to]) => ({ lab: 'implicit', from, to, since: 3, mode: 'diffusion' })),
];

/**
 * The Implicit lab's v2 keys of one mode only (one flat schema then: a link carried another mode's
 * keys, inert). In v3 a mode's keys may share names with another's, so those leftovers are dropped
 * before the renames: a diffusion link's inert Langevin `eta=` must not become its learning rate.
 */
const V2_IMPLICIT_ONLY: Readonly<Record<string, readonly string[]>> = {
  langevin: 'param loop inner warm nestedRun particles gamma eta lambda ref refBatch'.split(' '),
  ebm: 'data drawn energy K hidden ebmInner ebmGamma ebmChains ebmReinit ebmLr batch'.split(' '),
  diffusion: 'dbase dtrain dnet dtheta dhidden dloop dcompare dT dbatch deta dmlpLr dlambda'.split(' '),
};
const V2_IMPLICIT_REWARDED = 'target comps reward bumpX bumpY bumpWidth paths'.split(' ');

/** drop `keys` (and their B overrides) from a link; hide= is left as it is (it may name any mode's key) */
function dropKeys(raw: Readonly<RawQuery>, keys: ReadonlySet<string>): RawQuery {
  const out = textRecord<string>();
  for (const [k, v] of Object.entries(raw)) if (!keys.has(k) && !keys.has(k.startsWith('b.') ? k.slice(2) : '')) out[k] = v;
  return { ...out };
}

function migrateV2(lab: string, raw: Readonly<RawQuery>): RawQuery {
  let out: RawQuery = { ...raw };
  // a v2 link always wrote its mode; one without it was in the default mode
  const mode = lab === 'implicit' ? (Object.hasOwn(raw, 'mode') ? raw.mode : 'langevin') : undefined;
  if (lab === 'implicit' && mode !== undefined && Object.hasOwn(V2_IMPLICIT_ONLY, mode)) {
    const others = new Set<string>();
    for (const [m, keys] of Object.entries(V2_IMPLICIT_ONLY)) if (m !== mode) keys.forEach((k) => others.add(k));
    if (mode === 'ebm') V2_IMPLICIT_REWARDED.forEach((k) => others.add(k));
    V2_IMPLICIT_ONLY[mode].forEach((k) => others.delete(k));
    out = dropKeys(out, others);
  }
  for (const r of V3_RENAMES) {
    if (r.lab !== lab) continue;
    // hide= is mode-free: a hidden control keeps its new name whatever mode the link is in
    if (r.mode === undefined || r.mode === mode) out = renameKey(out, r.from, r.to);
    else if (out.hide !== undefined) out = { ...out, hide: renameHide(out.hide, r.from, r.to) };
  }
  return out;
}

/**
 * The current name of a key an older version used (for the "not a setting" message of a link without v);
 * `mode`: the link's mode, for a key renamed in one mode only.
 */
export function renamedKey(lab: string, key: string, mode?: string): { to: string; since: number } | null {
  let r: Rename | undefined;
  for (const x of [...V2_RENAMES, ...V3_RENAMES]) if (x.lab === lab && x.from === key && (x.mode === undefined || x.mode === mode)) r = x;
  if (!r) return null;
  // a v1 name renamed again later reads as its last name
  const later = V3_RENAMES.find((x) => x.lab === lab && x.from === r!.to && (x.mode === undefined || x.mode === mode));
  return { to: later?.to ?? r.to, since: later?.since ?? r.since };
}

/** Ordered by `from`; the test checks the order and that every step up to URL_VERSION exists. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    what: 'compare= is now nestedRun= (implicit), otherObjective= (dikl), tau0Twin= (dxmi), so it is not read as the A/B comparison ab=1',
    migrate: (lab, raw) => {
      let out: RawQuery = { ...raw };
      for (const r of V2_RENAMES) if (r.lab === lab) out = renameKey(out, r.from, r.to);
      return out;
    },
  },
  {
    from: 2,
    what: 'camelCase keys, one name per concept (dxmi points/xy are comps/drawn, dikl px/py/pt probeX/probeY/probeT, mismatch score_src score), and the Implicit lab\'s EBM and diffusion keys named as in its Langevin mode (ebmGamma gamma, deta eta)',
    migrate: migrateV2,
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
