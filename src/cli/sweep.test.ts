// The CLI's --sweep: argument parsing, validation through the URL codec, and a small real sweep.
import { describe, expect, it } from 'vitest';
import { parseArgs, parseSweep, UsageError } from './args';
import { expandSweep, runSweep } from './sweep';
import { mismatchLab } from '../labs/mismatch/lab';

describe('--sweep parsing', () => {
  it('reads KEY=v1,v2 and is repeatable', () => {
    const a = parseArgs(['mismatch?y=1', '--sweep', 'T=50,100', '--steps', '3', '--sweep', 'rule=ddnm,bo-ddnm']);
    expect(a.sweeps).toEqual([{ key: 'T', values: ['50', '100'] }, { key: 'rule', values: ['ddnm', 'bo-ddnm'] }]);
    expect(a.steps).toBe(3);
    expect(parseArgs(['mismatch']).sweeps).toEqual([]);
  });

  it('rejects malformed specs, a missing value and a key given twice', () => {
    for (const bad of ['T', 'T=', '=5', 'T=5,,6']) expect(() => parseSweep(bad)).toThrow(UsageError);
    expect(() => parseArgs(['mismatch', '--sweep'])).toThrow(/needs a value/);
    expect(() => parseArgs(['mismatch', '--sweep', 'T=5', '--sweep', 'T=6'])).toThrow(/twice/);
  });
});

describe('expandSweep', () => {
  it('validates every value through the URL codec (key, value and what is allowed)', () => {
    expect(() => expandSweep(mismatchLab, {}, [{ key: 'T', values: ['50', 'abc'] }])).toThrow(/T.*abc/);
    expect(() => expandSweep(mismatchLab, {}, [{ key: 'T', values: ['1'] }])).toThrow(/T/);
    expect(() => expandSweep(mismatchLab, {}, [{ key: 'rule', values: ['nope'] }])).toThrow(/oracle/);
    expect(() => expandSweep(mismatchLab, {}, [{ key: 'bogus', values: ['1'] }])).toThrow(/not a setting.*allowed: seed/);
  });

  it('gives every combination, with decoded values', () => {
    const pts = expandSweep(mismatchLab, { sigmaY: '0.1' }, [{ key: 'T', values: ['50', '100'] }, { key: 'rule', values: ['ddnm', 'oracle'] }]);
    expect(pts.map((p) => p.sweep)).toEqual([{ T: 50, rule: 'ddnm' }, { T: 50, rule: 'oracle' }, { T: 100, rule: 'ddnm' }, { T: 100, rule: 'oracle' }]);
    expect(pts.every((p) => p.params.sigmaY === 0.1)).toBe(true);
  });
});

describe('runSweep', () => {
  it('prints one line per value and runs each to its own T', async () => {
    const pts = expandSweep(mismatchLab, { particles: '20', rule: 'oracle' }, [{ key: 'T', values: ['5', '40'] }]);
    const lines: string[] = [];
    const summary = await runSweep(mismatchLab, pts, 2000, 0, (l) => lines.push(l));
    const rows = lines.map((l) => JSON.parse(l) as { sweep: { T: number }; metrics: Record<string, number>; steps: number });
    expect(rows.map((r) => r.sweep.T)).toEqual([5, 40]);
    expect(rows.map((r) => r.steps)).toEqual([5, 40]);
    // the oracle's closed-form KL shrinks with T (the discretization error)
    expect(rows[1].metrics.kl_closed_form).toBeLessThan(rows[0].metrics.kl_closed_form);
    expect(summary['T=40/kl_closed_form']).toBe(rows[1].metrics.kl_closed_form);
  });
});
