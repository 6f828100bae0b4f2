// `npm run --silent experiment -- '<share URL or lab?query>' [--steps N] [--every K] [--backend cpu|wasm] [--sweep KEY=v1,v2,...]`
// Runs the same experiment code as the app, in Node. Prints one JSON line per K steps and a final
// line {"lab","params","steps","backend","metrics","ms"}. Bad input exits 2 naming key, value and what is allowed.
// With --sweep (see sweep.ts) one line per swept value comes first, and the final line adds "sweep".
import { performance } from 'node:perf_hooks';
import { LAB_REGISTRY_IDS, loadLab } from '../labs/registry';
import { parseQuery, validateParams } from '../labs/codec/url-codec';
import { runHeadless } from '../engine/headless';
import { parseArgs, splitExperiment, UsageError } from './args';
import { startNodeBackend } from './node-backend';
import { expandSweep, runSweep } from './sweep';

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const { lab: labId, query } = splitExperiment(args.target);
  const lab = await loadLab(labId);
  if (!lab) {
    throw new UsageError(`lab="${labId}" is not allowed: ${LAB_REGISTRY_IDS.join(', ')}`);
  }
  const q = parseQuery(query);
  const v = validateParams(lab, q.raw);
  const problems = [...q.notices, ...v.notices].filter((n) => n.kind !== 'version');
  if (problems.length) throw new UsageError(problems.map((n) => n.message).join('\n'));
  const preset = v.preset ? lab.presets.find((p) => p.id === v.preset) : undefined;
  const steps = args.steps ?? preset?.steps ?? lab.defaultSteps;
  const points = args.sweeps.length ? expandSweep(lab, q.raw, args.sweeps) : null;
  await startNodeBackend(args.backend);
  const t0 = performance.now();
  if (points) {
    const metrics = await runSweep(lab, points, steps, args.every, (line) => process.stdout.write(line + '\n'));
    const ms = Math.round(performance.now() - t0);
    const sweep = Object.fromEntries(args.sweeps.map((s) => [s.key, points.map((p) => p.sweep[s.key]).filter((x, i, a) => a.indexOf(x) === i)]));
    process.stdout.write(JSON.stringify({ lab: lab.id, params: plainParams(v.params), sweep, steps, backend: args.backend, metrics, ms }) + '\n');
    return;
  }
  const result = await runHeadless(lab, v.params, steps, args.every, (step, metrics) => {
    process.stdout.write(JSON.stringify({ step, metrics }) + '\n');
  });
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(JSON.stringify({ lab: result.lab, params: result.params, steps: result.steps, backend: args.backend, metrics: result.metrics, ms }) + '\n');
}

/** typed arrays (drawn points) as plain arrays, as in the usual final line */
function plainParams(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).map(([k, x]) => [k, x instanceof Float32Array ? Array.from(x) : x]));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
