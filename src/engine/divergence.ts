// The divergence check every host runs between slices (the worker's Engine, headless runs, tests): the
// experiment says what to watch (Experiment.watch()), core/finite.ts checks it all in one device read, and
// this module writes the one message shape: "<what> became NaN or infinite (or beyond L). <advice>".
import { firstNonFinite } from '../core/finite';
import type { Experiment, FiniteWatch } from '../labs/types';

/** 1e8 for a power of ten (a round cap), else three significant digits (a cap from the plot's size) */
export function formatLimit(n: number): string {
  const k = Math.log10(n);
  if (n >= 1e4 && Number.isInteger(k)) return `1e${k}`;
  return String(Number(n.toPrecision(3)));
}

/** the message for a failed watch, without the iteration (the caller adds "The run diverged at iteration N: ") */
export function divergenceMessage(w: FiniteWatch): string {
  const beyond = w.limit !== undefined && Number.isFinite(w.limit) ? ` (or beyond ${formatLimit(w.limit)})` : '';
  const advice = w.advice().trim();
  return `${w.what} became NaN or infinite${beyond}.${advice ? ` ${advice}` : ''}`;
}

/** null while the experiment's watched state is finite; else what diverged and what to change */
export async function divergence(exp: Experiment): Promise<string | null> {
  const watches = exp.watch();
  const i = await firstNonFinite(watches);
  return i < 0 ? null : divergenceMessage(watches[i]);
}
