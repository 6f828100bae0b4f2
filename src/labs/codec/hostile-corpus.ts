// Hostile inputs that once broke the link codec or the CLI, and what each must give now (test data:
// nothing in the app imports it). Links run through parseHash in hostile-corpus.test.ts; command lines
// run through the CLI's runCli in src/cli/run-cli.test.ts. Add a row for every new way in.
import type { LabId, ParamValue } from '../types';
import type { Route, UiOptions } from './url-codec';

export interface HostileLink {
  why: string;
  link: string;
  route: Route;
  lab?: LabId;
  /** a fragment that one notice must contain */
  notice: string;
  /** params and page options the page must hold (checked with toMatchObject) */
  params?: Record<string, ParamValue>;
  ui?: Partial<UiOptions>;
}

export interface HostileCommand {
  why: string;
  argv: string[];
  /** 2: bad input, 3: the run diverged (see src/cli/failure.ts) */
  status: 2 | 3;
  /** a fragment of a stderr line */
  stderr: string;
  /** stderr lines without --debug (default 1); several only where the link has several problems */
  lines?: number;
}

/** `k0=1&k1=1&...`: a ~700 KB link of 80 000 unknown keys froze the tab for ~5 s */
export const MANY_KEYS_QUERY = Array.from({ length: 80_000 }, (_, i) => `k${i}=1`).join('&');
/** within the length bound, over the key bound */
const KEYS_1000 = Array.from({ length: 1000 }, (_, i) => `k${i}=1`).join('&');

export const HOSTILE_LINKS: readonly HostileLink[] = [
  // names of Object.prototype's properties, as a route (they used to find "schemas" and throw)
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty?x=1', 'valueOf', '__defineGetter__'].map((path): HostileLink => ({
    why: 'a route named like an Object property', link: `#/${path}`, route: 'unknown', notice: `There is no page called "${path.split('?')[0]}"`,
  })),
  // ... as keys, preset ids, enum values, B overrides, tours, hidden controls, gallery filters
  { why: '__proto__ as a key', link: '#/samplers?__proto__=1', route: 'lab', lab: 'samplers', notice: '"__proto__" is not a setting of samplers' },
  { why: 'constructor as a key', link: '#/samplers?constructor=1&seed=3', route: 'lab', lab: 'samplers', notice: '"constructor" is not a setting of samplers', params: { seed: 3 } },
  { why: 'a preset named toString', link: '#/samplers?preset=toString', route: 'lab', lab: 'samplers', notice: 'preset="toString" is not a preset of samplers', params: { target: 'mog40' } },
  { why: 'an enum value named constructor', link: '#/samplers?target=constructor', route: 'lab', lab: 'samplers', notice: 'target="constructor" is not a known value', params: { target: 'mog40' } },
  { why: 'a B override of __proto__', link: '#/samplers?ab=1&b.__proto__=1', route: 'lab', lab: 'samplers', notice: 'b.__proto__: "__proto__" is not a setting of samplers', ui: { compare: {} } },
  { why: 'a B override of toString', link: '#/samplers?ab=1&b.toString=1', route: 'lab', lab: 'samplers', notice: 'b.toString: "toString" is not a setting', ui: { compare: {} } },
  { why: 'a tour named __proto__', link: '#/samplers?tour=__proto__', route: 'lab', lab: 'samplers', notice: 'there is no built-in tour "__proto__"' },
  { why: 'a hidden control named constructor', link: '#/samplers?hide=constructor,step', route: 'lab', lab: 'samplers', notice: 'hide: "constructor" is neither', ui: { hide: ['step'] } },
  { why: 'a gallery filter named __proto__', link: '#/gallery?lab=__proto__&topic=constructor', route: 'gallery', notice: 'lab="__proto__" is not a lab' },
  { why: '__proto__ in an old link that is migrated', link: '#/implicit?v=1&__proto__=1&compare=1', route: 'lab', lab: 'implicit', notice: '"__proto__" is not a setting of implicit', params: { nestedRun: true } },
  // values the math cannot use
  { why: 'a point-mass component', link: '#/samplers?target=custom&comps=0,0,1,0,0,0', route: 'lab', lab: 'samplers', notice: 'a point mass, which has no density' },
  // size: each of these once took seconds
  { why: '80 000 unknown keys (the length bound cuts first)', link: `#/samplers?${MANY_KEYS_QUERY}`, route: 'lab', lab: 'samplers', notice: 'a link holds at most 524288, so the last' },
  { why: '80 000 unknown keys (then the key bound)', link: `#/samplers?${MANY_KEYS_QUERY}`, route: 'lab', lab: 'samplers', notice: 'a link holds at most 200, so ' },
  { why: '1000 unknown keys', link: `#/samplers?${KEYS_1000}&seed=4`, route: 'lab', lab: 'samplers', notice: 'The link has 1001 keys; a link holds at most 200, so 801 were dropped ("k200", "k201", "k202" and 798 more)', params: { seed: 1 } },
  { why: 'a link over the length cap', link: `#/samplers?seed=5&drawn=${'A'.repeat(600_000)}&step=0.1`, route: 'lab', lab: 'samplers', notice: 'a link holds at most 524288, so the last', params: { seed: 5, step: 0.05 } },
  { why: 'a 40 000-digit number (a backtracking regex took 5 s)', link: `#/samplers?step=${'1'.repeat(40_000)}x`, route: 'lab', lab: 'samplers', notice: 'is not a number', params: { step: 0.05 } },
  // repeated keys: the notice says the last value wins, and the page holds it
  { why: 'ab given twice, with a B override between', link: '#/samplers?ab=1&b.sampler=mala&ab=0', route: 'lab', lab: 'samplers', notice: 'ab is given 2 times; using the last value "0"', ui: { compare: null } },
  { why: 'ab=0 with a B override', link: '#/samplers?b.step=0.1&ab=0', route: 'lab', lab: 'samplers', notice: 'b.step: ignored, because ab="0" turns the A/B comparison off', ui: { compare: null } },
  { why: 'ab given twice, on last', link: '#/samplers?ab=0&b.sampler=mala&ab=1', route: 'lab', lab: 'samplers', notice: 'ab is given 2 times; using the last value "1"', ui: { compare: { sampler: 'mala' } } },
  { why: 'hide given twice', link: '#/samplers?hide=step&hide=presets', route: 'lab', lab: 'samplers', notice: 'hide is given 2 times; using the last value "presets"', ui: { hide: ['presets'] } },
  { why: 'present given twice', link: '#/samplers?present=1&present=0', route: 'lab', lab: 'samplers', notice: 'present is given 2 times; using the last value "0"', ui: { present: false } },
  { why: 'tour given twice', link: '#/samplers?tour=samplers-intro&tour=dikl-intro', route: 'lab', lab: 'samplers', notice: 'tour is given 2 times; using the last value "dikl-intro"', ui: { tour: { ref: 'dikl-intro', step: 0 } } },
  { why: 'a B override given twice', link: '#/samplers?ab=1&b.step=0.1&b.step=0.2', route: 'lab', lab: 'samplers', notice: 'b.step is given 2 times; using the last value "0.2"', ui: { compare: { step: 0.2 } } },
  { why: 'a param given twice', link: '#/samplers?step=0.1&step=0.2', route: 'lab', lab: 'samplers', notice: 'step is given 2 times; using the last value "0.2"', params: { step: 0.2 } },
  { why: 'a long key given twice is shown shortened', link: `#/samplers?${'k'.repeat(5000)}=1&${'k'.repeat(5000)}=2`, route: 'lab', lab: 'samplers', notice: `${'k'.repeat(37)}... is given 2 times` },
];

const sweepValues = (n: number): string => Array.from({ length: n }, (_, i) => String(10 + i)).join(',');

export const HOSTILE_COMMANDS: readonly HostileCommand[] = [
  { why: 'a diverging ULA run printed a stack trace', argv: ['samplers?sampler=ula&step=100&particles=200', '--steps', '50'], status: 3, stderr: 'error: the run diverged at iteration 50: particle positions became NaN or infinite (or beyond 1e8). Try a smaller step size than 100.' },
  { why: 'a point-mass component', argv: ['samplers?target=custom&comps=0,0,1,0,0,0'], status: 2, stderr: 'a point mass, which has no density; give it a spread' },
  { why: 'DxMI on drawn data without points', argv: ['dxmi?data=drawn'], status: 2, stderr: 'error: data=drawn needs drawn points and drawn is empty: add drawn=<points>' },
  { why: "Implicit's EBM on drawn data without points", argv: ['implicit?mode=ebm&data=drawn'], status: 2, stderr: 'error: data=drawn needs drawn points and drawn is empty' },
  { why: 'settings the experiment cannot start from', argv: ['mismatch?cxy=1.5', '--steps', '5'], status: 2, stderr: 'error: the experiment cannot start with these settings: prior covariance' },
  { why: '--steps 1e308 ran until killed', argv: ['samplers', '--steps', '1e308'], status: 2, stderr: '--steps="1e308" is not allowed: an integer from 0 to 1000000' },
  { why: '--every without a bound', argv: ['samplers', '--every', '1e9'], status: 2, stderr: '--every="1e9" is not allowed: an integer from 1 to 1000000' },
  { why: '--steps given as an empty string read as 0', argv: ['samplers', '--steps', ''], status: 2, stderr: '--steps="" is not allowed' },
  { why: 'a sweep of too many values', argv: ['mismatch', '--sweep', `T=${sweepValues(101)}`], status: 2, stderr: '--sweep T has 101 values; at most 100 are allowed' },
  { why: 'sweeps of too many combinations', argv: ['mismatch', '--sweep', `T=${sweepValues(50)}`, '--sweep', `particles=${sweepValues(30)}`], status: 2, stderr: 'the sweeps give 1500 runs (every combination); at most 1000 are allowed' },
  { why: 'a lab named __proto__', argv: ['__proto__'], status: 2, stderr: 'lab="__proto__" is not allowed' },
  { why: 'a lab named constructor', argv: ['constructor?x=1'], status: 2, stderr: 'lab="constructor" is not allowed' },
  { why: '__proto__ as a key', argv: ['samplers?__proto__=1'], status: 2, stderr: '"__proto__" is not a setting of samplers' },
  { why: '80 000 unknown keys', argv: [`samplers?${MANY_KEYS_QUERY}`], status: 2, stderr: 'a link holds at most 524288, so the last', lines: 10 },
  { why: '1000 unknown keys', argv: [`samplers?${KEYS_1000}`], status: 2, stderr: 'a link holds at most 200, so 800 were dropped', lines: 10 },
  { why: 'an unknown option', argv: ['samplers', '--bogus'], status: 2, stderr: 'unknown option --bogus' },
];
