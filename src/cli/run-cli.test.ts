// The CLI's exit statuses and messages, in-process (runCli), for every hostile command line of the
// corpus; one real process checks that `npm run experiment` hands the status to the shell.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { HOSTILE_COMMANDS } from '../labs/codec/hostile-corpus';
import { runCli } from './run-cli';
import { describeFailure, EXIT } from './failure';

async function cli(argv: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

const STACK_LINE = /^\s+at /m;

describe('hostile command lines', () => {
  for (const c of HOSTILE_COMMANDS) {
    it(`${c.why}: exit ${c.status}`, async () => {
      const r = await cli(c.argv);
      expect(r.status, r.err.join('\n')).toBe(c.status);
      expect(r.err, r.err.join('\n')).toHaveLength(c.lines ?? 1);
      expect(r.err.every((l) => l.startsWith('error: ') && !l.includes('\n'))).toBe(true);
      expect(r.err.some((l) => l.includes(c.stderr)), r.err.join('\n')).toBe(true);
      expect(r.err.join('\n')).not.toMatch(STACK_LINE);
    });
  }
});

describe('runCli', () => {
  it('a chain that stopped moving ends with one warning line and the fix, and exits 0', async () => {
    const r = await cli(['samplers?sampler=mala&step=100&particles=100', '--steps', '600']);
    expect(r.status, r.err.join('\n')).toBe(EXIT.ok);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0]).metrics.accept_rate).toBeLessThan(0.01);
    expect(r.err).toEqual([expect.stringMatching(/^warning: The chain has stopped moving: MALA accepted 0\.\d+% of its proposals over the last 300 iterations \(below 1%\)\. The step size 100 is too large for this target: try 10 \(a tenth of it\)\.$/)]);
    // a step that mixes: no warning
    const ok = await cli(['samplers?sampler=mala&step=0.1&particles=100', '--steps', '600']);
    expect(ok.err).toEqual([]);
  });

  it('a good run exits 0 and ends with the resolved params', async () => {
    const r = await cli(['samplers?particles=50&sampler=mala', '--steps', '4', '--every', '2']);
    expect(r.status).toBe(EXIT.ok);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(3);
    const last = JSON.parse(r.out[2]) as { lab: string; steps: number; params: { sampler: string } };
    expect(last).toMatchObject({ lab: 'samplers', steps: 4, params: { sampler: 'mala' } });
  });

  it('--debug adds the stack trace after the one line', async () => {
    const r = await cli(['samplers?sampler=ula&step=100&particles=50', '--steps', '20', '--debug']);
    expect(r.status).toBe(EXIT.diverged);
    expect(r.err[0]).toMatch(/^error: the run diverged at iteration 20: /);
    expect(r.err.slice(1).join('\n')).toMatch(STACK_LINE);
    const bad = await cli(['samplers', '--steps', 'x', '--debug']);
    expect(bad.status).toBe(EXIT.badInput);
    expect(bad.err[1]).toMatch(STACK_LINE);
  });

  it('a divergence inside a sweep names the run and exits 3', async () => {
    const r = await cli(['samplers?sampler=ula&particles=50', '--sweep', 'step=0.01,100', '--steps', '20']);
    expect(r.status).toBe(EXIT.diverged);
    expect(r.out).toHaveLength(1); // the step=0.01 run finished
    expect(r.err).toEqual([expect.stringMatching(/diverged at iteration 20: .* \(in the sweep run step=100\)$/)]);
  });

  it('an unexpected error is status 1, one line that points to --debug', () => {
    const e = new TypeError('x is not a function\n  more');
    expect(describeFailure(e)).toEqual({ status: EXIT.internal, lines: ['x is not a function more (an unexpected error; run again with --debug for the stack trace)'] });
  });

  it('many bad keys give the first nine and a count', async () => {
    const q = Array.from({ length: 30 }, (_, i) => `bad${i}=1`).join('&');
    const r = await cli([`samplers?${q}`]);
    expect(r.status).toBe(EXIT.badInput);
    expect(r.err).toHaveLength(10);
    expect(r.err[9]).toBe('error: ... and 21 more problems like these');
  });
});

describe('npm run experiment', () => {
  it('exits with the status runCli returns and prints the one line', () => {
    const r = spawnSync('npx', ['tsx', '--import', './scripts/register-tfjs-hook.mjs', 'src/cli/experiment.ts', 'samplers?sampler=ula&step=100&particles=50', '--steps', '10'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(EXIT.diverged);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: the run diverged at iteration 10: /)]);
    expect(r.stdout).toBe('');
  });
});
