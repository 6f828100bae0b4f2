// How a failed CLI run ends: an exit status a script can branch on, and lines a person can act on.
// A user's mistake is never a stack trace: one line says what happened and what to change; the stack
// is printed only with --debug (and, for an unexpected error, the line says so).
import { DivergedError, SetupError } from '../engine/headless';
import { UsageError } from './args';

export const EXIT = {
  ok: 0,
  /** a bug: an error nobody anticipated */
  internal: 1,
  /** bad input: an option, a key, a value, or settings the experiment cannot start from */
  badInput: 2,
  /** the run diverged (NaN or Inf); the line names the setting to change */
  diverged: 3,
} as const;

/** stderr lines for one run's problems, at most */
export const MAX_PROBLEM_LINES = 10;

/** one physical line: an error's message may hold newlines (tfjs's do) */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

export interface Failure {
  status: number;
  /** what stderr shows without --debug, each line prefixed with "error: " */
  lines: string[];
}

export function describeFailure(e: unknown): Failure {
  if (e instanceof UsageError) {
    // the URL codec's problems come one per line, each naming key, value and what is allowed; a link
    // of hundreds of bad keys shows the first few and a count, not a screenful
    const all = e.message.split('\n').filter(Boolean).map(oneLine);
    const lines = all.length > MAX_PROBLEM_LINES ? [...all.slice(0, MAX_PROBLEM_LINES - 1), `... and ${all.length - MAX_PROBLEM_LINES + 1} more problems like these`] : all;
    return { status: EXIT.badInput, lines };
  }
  if (e instanceof DivergedError) return { status: EXIT.diverged, lines: [oneLine(`the run ${e.message}`)] };
  if (e instanceof SetupError) {
    return { status: EXIT.badInput, lines: [oneLine(`the experiment cannot start with these settings: ${e.message.replace(/[.\s]+$/, '')}; change the setting this names`)] };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { status: EXIT.internal, lines: [`${oneLine(text)} (an unexpected error; run again with --debug for the stack trace)`] };
}

/** the stack trace --debug prints: the original error's, when a typed error wraps one */
export function debugTrace(e: unknown): string {
  const root = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  return root instanceof Error ? root.stack ?? root.message : String(root);
}
