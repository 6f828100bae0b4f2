// Argument parsing for the headless CLI. Bad input is a UsageError: the CLI prints it and exits 2.
// Every count has a bound, named in the error: `--steps 1e308` is an integer, and used to run until killed.
export class UsageError extends Error {}

/** a few hours for the slowest lab; the recommended runs are at most a few thousand */
export const MAX_STEPS = 1_000_000;
/** values of one --sweep key, and runs of all sweeps together (every combination) */
export const MAX_SWEEP_VALUES = 100;
export const MAX_SWEEP_RUNS = 1000;

export interface CliArgs {
  target: string; // share URL or "lab?query"
  steps?: number;
  every: number;
  backend: 'cpu' | 'wasm';
  json: boolean;
  /** print the stack trace of a failure (a user error is otherwise one line) */
  debug: boolean;
  /** `--charts`: the final line adds what the page's charts would show (trace series, curves, bars) */
  charts: boolean;
  /** `--sweep KEY=v1,v2,...` (repeatable): run once per value; several keys give every combination */
  sweeps: SweepArg[];
}

export interface SweepArg {
  key: string;
  values: string[];
}

/** "T=50,100,200" -> { key: 'T', values: ['50', '100', '200'] }; the values are checked later by the URL codec */
export function parseSweep(spec: string): SweepArg {
  const eq = spec.indexOf('=');
  const key = eq < 0 ? '' : spec.slice(0, eq).trim();
  const values = eq < 0 ? [] : spec.slice(eq + 1).split(',').map((v) => v.trim());
  if (!key || values.length === 0 || values.some((v) => v === '')) {
    throw new UsageError(`--sweep="${spec.slice(0, 60)}" is not allowed: KEY=v1,v2,... (e.g. --sweep T=50,100,200)`);
  }
  if (values.length > MAX_SWEEP_VALUES) throw new UsageError(`--sweep ${key.slice(0, 40)} has ${values.length} values; at most ${MAX_SWEEP_VALUES} are allowed`);
  return { key, values };
}

/** argv[i], the value given to option `name` (i already past the option); a missing one is a UsageError */
export function optionValue(argv: readonly string[], i: number, name: string): string {
  const v = argv[i];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  return v;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { target: '', every: 0, backend: 'cpu', json: true, debug: false, charts: false, sweeps: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => optionValue(argv, ++i, a);
    const int = (name: string, v: string, min: number, max: number) => {
      const n = v.trim() === '' ? NaN : Number(v);
      if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name}="${v.slice(0, 40)}" is not allowed: an integer from ${min} to ${max}`);
      return n;
    };
    if (a === '--steps') out.steps = int('--steps', value(), 0, MAX_STEPS);
    else if (a === '--every') out.every = int('--every', value(), 1, MAX_STEPS);
    else if (a === '--debug') out.debug = true;
    else if (a === '--charts') out.charts = true;
    else if (a === '--backend') {
      const b = value();
      if (b !== 'cpu' && b !== 'wasm') throw new UsageError(`--backend="${b.slice(0, 40)}" is not allowed: cpu or wasm (browser backends run in the app)`);
      out.backend = b;
    } else if (a === '--sweep') {
      const sw = parseSweep(value());
      if (out.sweeps.some((o) => o.key === sw.key)) throw new UsageError(`--sweep ${sw.key.slice(0, 40)} is given twice; give each key once`);
      out.sweeps.push(sw);
      const runs = out.sweeps.reduce((n, x) => n * x.values.length, 1);
      if (runs > MAX_SWEEP_RUNS) throw new UsageError(`the sweeps give ${runs} runs (every combination); at most ${MAX_SWEEP_RUNS} are allowed`);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a.slice(0, 40)}; allowed: --steps N, --every K, --backend cpu|wasm, --sweep KEY=v1,v2,..., --charts, --debug`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError('give exactly one experiment: a share URL or "lab?key=value&..." (e.g. "samplers?target=mog40&sampler=ddpm")');
  out.target = positional[0];
  return out;
}

/** "https://host/#/samplers?x=1", "#/samplers?x=1", "/samplers?x=1" and "samplers?x=1" all give ["samplers", "x=1"] */
export function splitExperiment(s: string): { lab: string; query: string } {
  const hash = s.includes('#') ? s.slice(s.indexOf('#') + 1) : s;
  const path = hash.replace(/^\/+/, '');
  const q = path.indexOf('?');
  return q < 0 ? { lab: path, query: '' } : { lab: path.slice(0, q), query: path.slice(q + 1) };
}
