// `--sweep KEY=v1,v2,...` for any lab: the experiment runs once per value (every combination when several keys
// are swept). Each value goes through the same URL codec as a share link (validateParams), so a bad value is
// a UsageError naming key, value and what is allowed, before anything runs. One JSON line per run,
// {"sweep":{"T":50},"metrics":{...},"steps":N}, then a final summary line in the CLI's usual shape.
import type { LabDefinition, LabSchema, ParamValue } from '../labs/types';
import { validateParams } from '../labs/codec/url-codec';
import { DivergedError, runHeadless, SetupError, type HeadlessResult } from '../engine/headless';
import { UsageError, type SweepArg } from './args';

export interface SweepPoint {
  /** the swept keys and their decoded values, as printed */
  sweep: Record<string, unknown>;
  params: Record<string, ParamValue>;
}

/** every combination of the swept values over the base query, validated; throws UsageError on any bad value */
export function expandSweep(lab: LabSchema, raw: Record<string, string>, sweeps: readonly SweepArg[]): SweepPoint[] {
  const keys = lab.params.map((s) => s.key);
  for (const sw of sweeps) {
    if (!keys.includes(sw.key)) throw new UsageError(`--sweep key "${sw.key}" is not a setting of ${lab.id}; allowed: ${keys.join(', ')}`);
  }
  let combos: Record<string, string>[] = [{}];
  for (const sw of sweeps) combos = combos.flatMap((c) => sw.values.map((v) => ({ ...c, [sw.key]: v })));
  return combos.map((c) => {
    const v = validateParams(lab, { ...raw, ...c });
    const problems = v.notices.filter((n) => n.kind !== 'version');
    if (problems.length) throw new UsageError(problems.map((n) => `--sweep: ${n.message}`).join('\n'));
    const sweep: Record<string, unknown> = {};
    for (const k of Object.keys(c)) sweep[k] = printable(v.params[k], c[k]);
    return { sweep, params: v.params };
  });
}

function printable(v: ParamValue, raw: string): unknown {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : raw;
}

/** "T=50,rule=ddnm" — the prefix of a run's metrics in the summary line */
export function sweepLabel(sweep: Record<string, unknown>): string {
  return Object.entries(sweep).map(([k, v]) => `${k}=${String(v)}`).join(',');
}

/**
 * Run every point in order. `write` gets each printed line (a JSON string without newline). Returns the
 * summary's metrics: each run's final metrics prefixed with its label, e.g. "T=50/kl_closed_form".
 */
export async function runSweep(
  lab: LabDefinition, points: readonly SweepPoint[], steps: number, every: number, write: (line: string) => void,
): Promise<Record<string, number>> {
  const summary: Record<string, number> = {};
  for (const pt of points) {
    const label = sweepLabel(pt.sweep);
    let r: HeadlessResult;
    try {
      r = await runHeadless(lab, pt.params, steps, every, (step, metrics) => write(JSON.stringify({ sweep: pt.sweep, step, metrics })));
    } catch (e) {
      // the same typed failure (so the same exit status), naming the run that failed
      if (e instanceof DivergedError) throw new DivergedError(e.iteration, `${e.why} (in the sweep run ${label})`);
      if (e instanceof SetupError) throw new SetupError(`${e.message} (in the sweep run ${label})`, { cause: e.cause });
      throw e;
    }
    write(JSON.stringify({ sweep: pt.sweep, metrics: r.metrics, steps: r.steps }));
    for (const [k, v] of Object.entries(r.metrics)) summary[`${label}/${k}`] = v;
  }
  return summary;
}
