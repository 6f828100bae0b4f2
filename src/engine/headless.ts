// Runs a lab's experiment without a UI (CLI, paper checks, benchmarks): the same experiment code
// the worker's Engine hosts, stepped synchronously with metrics read every `every` iterations.
import type { Experiment, LabDefinition, ParamValue } from '../labs/types';
import type { RunAdvice } from '../protocol/snapshot';

/** The settings are ones the experiment cannot start from (its factory threw): the user's to change. */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
  }
}

/** NaN or Inf in the state (Experiment.checkFinite); the message says where and what to change. */
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
}

export async function runHeadless(
  lab: LabDefinition,
  params: Record<string, ParamValue>,
  steps: number,
  every: number,
  onMetrics?: (step: number, metrics: Record<string, number>) => void,
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
    const drain = async (k: number) => {
      sinceDrain += k;
      if (sinceDrain < TRACE_CHUNK) return;
      sinceDrain = 0;
      await exp.drainTrace?.();
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
      const bad = await exp.checkFinite();
      if (bad) throw new DivergedError(exp.iteration, bad);
      if (every > 0 && onMetrics) {
        const s = await exp.snapshot({ grids: false, metrics: true });
        onMetrics(exp.iteration, s.metrics);
      }
    }
    // end-of-run evaluations (DiKL's own, of the final generator) before the final metrics
    await exp.finish?.();
    // the last iterations' trace too: what the experiment concludes from it (a stopped chain) is in the snapshot
    await exp.drainTrace?.();
    const s = await exp.snapshot({ grids: false, metrics: true });
    last = s.metrics;
    info = s.info;
    return { lab: lab.id, params: plain(params), steps: exp.iteration, metrics: last, info, ...(s.advice ? { advice: s.advice } : {}) };
  } finally {
    exp.dispose();
  }
}

function plain(p: Record<string, ParamValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = v instanceof Float32Array ? Array.from(v) : v;
  return out;
}
