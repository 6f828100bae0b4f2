// `npm run --silent experiment -- '<share URL or lab?query>' [--steps N] [--every K] [--backend cpu|wasm]`
// Runs the same experiment code as the app, in Node. Prints one JSON line per K steps and a final
// line {"lab","params","steps","backend","metrics","ms"}. Bad input exits 2 naming key, value and what is allowed.
import { performance } from 'node:perf_hooks';
import { LAB_REGISTRY_IDS, loadLab } from '../labs/registry';
import { parseQuery, validateParams } from '../labs/codec/url-codec';
import { runHeadless } from '../engine/headless';
import { parseArgs, splitExperiment, UsageError } from './args';
import { startNodeBackend } from './node-backend';

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
  await startNodeBackend(args.backend);
  const t0 = performance.now();
  const result = await runHeadless(lab, v.params, steps, args.every, (step, metrics) => {
    process.stdout.write(JSON.stringify({ step, metrics }) + '\n');
  });
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(JSON.stringify({ lab: result.lab, params: result.params, steps: result.steps, backend: args.backend, metrics: result.metrics, ms }) + '\n');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
