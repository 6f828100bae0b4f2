// Argument parsing for the headless CLI. Bad input is a UsageError: the CLI prints it and exits 2.
export class UsageError extends Error {}

export interface CliArgs {
  target: string; // share URL or "lab?query"
  steps?: number;
  every: number;
  backend: 'cpu' | 'wasm';
  json: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { target: '', every: 0, backend: 'cpu', json: true };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = (name: string, v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${name}="${v}" is not allowed: an integer >= ${min}`);
      return n;
    };
    if (a === '--steps') out.steps = int('--steps', value(), 0);
    else if (a === '--every') out.every = int('--every', value(), 1);
    else if (a === '--backend') {
      const b = value();
      if (b !== 'cpu' && b !== 'wasm') throw new UsageError(`--backend="${b}" is not allowed: cpu or wasm (browser backends run in the app)`);
      out.backend = b;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}; allowed: --steps N, --every K, --backend cpu|wasm`);
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
