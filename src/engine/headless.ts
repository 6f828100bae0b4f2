// Runs a lab's experiment without a UI (CLI, paper checks, benchmarks): the same experiment code
// the worker's Engine hosts, stepped synchronously with metrics read every `every` iterations.
import type { Experiment, LabDefinition, ParamValue } from '../labs/types';
import type { RunAdvice, Snapshot, TraceRow } from '../protocol/snapshot';
import { divergence } from './divergence';

/** The settings are ones the experiment cannot start from (its factory threw): the user's to change. */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
  }
}

/** NaN or Inf in the state (Experiment.watch(), engine/divergence.ts); the message says what diverged and what to change. */
export class DivergedError extends Error {
  constructor(readonly iteration: number, readonly why: string) {
    super(`diverged at iteration ${iteration}: ${why}`);
    this.name = 'DivergedError';
  }
}

/** iterations between two drains of the experiment's trace */
const TRACE_CHUNK = 512;

export interface HeadlessResult {
  lab: string;
  params: Record<string, unknown>;
  steps: number;
  metrics: Record<string, number>;
  info: Record<string, string>;
  /** a problem the run ended with that did not stop it (a chain that stopped moving), and its fix */
  advice?: RunAdvice;
  /** with `charts`: what the page's charts and curve panels would show at the end (see ChartData) */
  charts?: ChartData;
}

/**
 * The data behind a run's charts, as the page holds it: every trace row (losses, acceptance, rewards,
 * recorded at every iteration) and every metric snapshot merged into one series per key, plus the final
 * snapshot's curve (`series`) and bar layers. Claim checks judge presets on it (scripts/paper-checks.mjs).
 */
export interface ChartData {
  /** key -> [x, value] pairs in x order, at most MAX_CHART_POINTS (evenly thinned, the last kept) */
  trace: Record<string, [number, number][]>;
  series: Record<string, { xs: number[]; ys: Record<string, number[]> }>;
  /** the final snapshot's heatmaps (densities, energies, value functions), row-major nx × ny */
  grids: Record<string, { nx: number; ny: number; log: boolean; values: number[] }>;
  bars: Record<string, { labels: string[]; values: number[]; reference?: number[] }>;
}

const MAX_CHART_POINTS = 400;

export async function runHeadless(
  lab: LabDefinition,
  params: Record<string, ParamValue>,
  steps: number,
  every: number,
  onMetrics?: (step: number, metrics: Record<string, number>) => void,
  opts: { charts?: boolean } = {},
): Promise<HeadlessResult> {
  // typed failures let the CLI tell bad input (exit 2) and a diverged run (exit 3) from a bug
  let exp: Experiment;
  try {
    exp = await lab.create(params, { seed: Number(params.seed ?? 1) });
  } catch (e) {
    throw new SetupError(e instanceof Error ? e.message : String(e), { cause: e });
  }
  try {
    let done = 0;
    let last: Record<string, number> = {};
    let info: Record<string, string> = {};
    // a learned score trains first; training does not count as lab iterations but must finish
    const isTraining = () => (exp as unknown as { training?: boolean }).training === true;
    // the per-iteration trace is for charts; here it is drained now and then so its tensors do not pile up
    let sinceDrain = 0;
    const collected: TraceRow[] = [];
    const keep = (rows: TraceRow[] | undefined) => {
      if (opts.charts && rows) collected.push(...rows);
    };
    const drain = async (k: number) => {
      sinceDrain += k;
      if (sinceDrain < TRACE_CHUNK) return;
      sinceDrain = 0;
      keep(await exp.drainTrace?.());
    };
    while (isTraining()) {
      exp.step(1);
      await drain(1);
    }
    while (done < steps && !exp.done) {
      const k = Math.min(every > 0 ? every : Infinity, steps - done, TRACE_CHUNK);
      exp.step(k);
      done += k;
      await drain(k);
      if (every > 0 && done % every !== 0 && done < steps && !exp.done) continue;
      const bad = await divergence(exp);
      if (bad) throw new DivergedError(exp.iteration, bad);
      if (every > 0 && (onMetrics || opts.charts)) {
        const s = await exp.snapshot({ grids: false, metrics: true });
        onMetrics?.(exp.iteration, s.metrics);
        keep([{ x: exp.iteration, m: s.metrics }]);
      }
    }
    // end-of-run evaluations (DiKL's own, of the final generator) before the final metrics
    await exp.finish?.();
    keep(await exp.drainTrace?.());
    // with charts the last snapshot also carries the heatmaps, as the page's last frame would
    const s = await exp.snapshot({ grids: opts.charts === true, metrics: true });
    last = s.metrics;
    info = s.info;
    keep(s.trace);
    keep(s.rows);
    keep([{ x: exp.iteration, m: s.metrics }]);
    const result: HeadlessResult = { lab: lab.id, params: plain(params), steps: exp.iteration, metrics: last, info };
    if (s.advice) result.advice = s.advice;
    if (opts.charts) result.charts = chartData(collected, s.layers);
    return result;
  } finally {
    exp.dispose();
  }
}

function plain(p: Record<string, ParamValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = v instanceof Float32Array ? Array.from(v) : v;
  return out;
}

function chartData(rows: TraceRow[], layers: Snapshot['layers']): ChartData {
  const trace: Record<string, [number, number][]> = {};
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.m)) {
      if (!Number.isFinite(v)) continue;
      (trace[k] ??= []).push([r.x, v]);
    }
  }
  for (const [k, pts] of Object.entries(trace)) {
    // stable sort by x; one value per x (a snapshot repeats the trace's last row)
    pts.sort((a, b) => a[0] - b[0]);
    const uniq = pts.filter((p, i) => i === pts.length - 1 || pts[i + 1][0] !== p[0]);
    const stride = Math.ceil(uniq.length / MAX_CHART_POINTS);
    trace[k] = stride <= 1 ? uniq : uniq.filter((_, i) => i % stride === 0 || i === uniq.length - 1);
  }
  const series: ChartData['series'] = {};
  const bars: ChartData['bars'] = {};
  const grids: ChartData['grids'] = {};
  for (const [name, l] of Object.entries(layers)) {
    if (l.kind === 'scalarGrid') grids[name] = { nx: l.nx, ny: l.ny, log: l.log, values: Array.from(l.values) };
    else if (l.kind === 'series') series[name] = { xs: Array.from(l.xs), ys: Object.fromEntries(Object.entries(l.ys).map(([k, v]) => [k, Array.from(v)])) };
    else if (l.kind === 'bars') bars[name] = { labels: [...l.labels], values: Array.from(l.values), ...(l.reference ? { reference: Array.from(l.reference) } : {}) };
  }
  return { trace, series, grids, bars };
}
