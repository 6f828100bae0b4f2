// The headless CLI as a function: argv in, lines out, an exit status back (see failure.ts for the
// statuses). experiment.ts is the process entry around it; tests call it in-process, which costs
// milliseconds where spawning tsx costs seconds.
import { performance } from 'node:perf_hooks';
import { LAB_REGISTRY_IDS, loadLab } from '../labs/registry';
import { parseQuery, validateParams } from '../labs/codec/url-codec';
import { runHeadless } from '../engine/headless';
import { parseArgs, splitExperiment, UsageError } from './args';
import { startNodeBackend } from './node-backend';
import { expandSweep, runSweep } from './sweep';
import { preflight } from './preflight';
import { debugTrace, describeFailure, EXIT } from './failure';

export interface CliIo {
  /** one line of stdout (without the newline) */
  out(line: string): void;
  /** one line of stderr (without the newline) */
  err(line: string): void;
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const args = parseArgs(argv);
  const { lab: labId, query } = splitExperiment(args.target);
  const lab = await loadLab(labId);
  if (!lab) {
    const shown = labId.length > 40 ? `${labId.slice(0, 37)}...` : labId;
    throw new UsageError(`lab="${shown}" is not allowed: ${LAB_REGISTRY_IDS.join(', ')}`);
  }
  const q = parseQuery(query);
  const v = validateParams(lab, q.raw);
  const problems = [...q.notices, ...v.notices].filter((n) => n.kind !== 'version');
  if (problems.length) throw new UsageError(problems.map((n) => n.message).join('\n'));
  const preset = v.preset ? lab.presets.find((p) => p.id === v.preset) : undefined;
  const steps = args.steps ?? preset?.steps ?? lab.defaultSteps;
  const points = args.sweeps.length ? expandSweep(lab, q.raw, args.sweeps) : null;
  for (const p of points ?? [{ params: v.params }]) preflight(lab, p.params);
  await startNodeBackend(args.backend);
  const t0 = performance.now();
  if (points) {
    const metrics = await runSweep(lab, points, steps, args.every, io.out);
    const ms = Math.round(performance.now() - t0);
    const sweep = Object.fromEntries(args.sweeps.map((s) => [s.key, points.map((p) => p.sweep[s.key]).filter((x, i, a) => a.indexOf(x) === i)]));
    io.out(JSON.stringify({ lab: lab.id, params: plainParams(v.params), sweep, steps, backend: args.backend, metrics, ms }));
    return;
  }
  const result = await runHeadless(lab, v.params, steps, args.every, (step, metrics) => io.out(JSON.stringify({ step, metrics })), { charts: args.charts });
  const ms = Math.round(performance.now() - t0);
  const charts = result.charts ? { charts: result.charts } : {};
  io.out(JSON.stringify({ lab: result.lab, params: result.params, steps: result.steps, backend: args.backend, metrics: result.metrics, ms, ...charts }));
  // a run that went on but did poorly (a chain that stopped moving): one line, the exit status stays 0
  if (result.advice) io.err(`warning: ${result.advice.message} ${result.advice.suggestion}`);
}

/** typed arrays (drawn points) as plain arrays, as in the usual final line */
function plainParams(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).map(([k, x]) => [k, x instanceof Float32Array ? Array.from(x) : x]));
}

/** Run the CLI; never throws. 0: done, 1: an unexpected error, 2: bad input, 3: the run diverged. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return EXIT.ok;
  } catch (e) {
    const f = describeFailure(e);
    for (const line of f.lines) io.err(`error: ${line}`);
    // read from argv, not the parsed args: a failure while parsing them gets its trace too
    if (argv.includes('--debug')) io.err(debugTrace(e));
    return f.status;
  }
}
