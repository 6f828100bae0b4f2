// DiKL's paper evaluation against samplers whose answers are known: exact target samples (log p equal
// to the target's own, W2 at the two-sample noise floor, small TVD) and the same samples shifted by d
// (W2 ≈ |d|, log p far lower); and the lab running it between updates, charted at its iteration.
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import { Rng } from '../../core/rng';
import { makeTarget } from '../../core/targets/registry';
import type { DiklTrainer } from '../../core/dikl/trainer';
import { PaperEvaluation, PAPER_N, PAPER_REPEATS } from './paper-eval';
import { DiklExperiment } from './experiment';
import { diklSchema } from './schema';
import { paramsWith } from '../modes';
import type { DiklParams } from './params';

const target = makeTarget('8gaussians', {});

/** a stand-in generator: exact target samples, optionally shifted */
function exactSampler(shift: [number, number]): DiklTrainer {
  return {
    iteration: 7,
    sample: (n: number, seed: number) => tf.tidy(() => tf.add(target.sample(n, new Rng(seed)), tf.tensor1d(shift))),
  } as unknown as DiklTrainer;
}

describe('PaperEvaluation', () => {
  it('scores exact samples as the target and a shift by its length', async () => {
    const run = async (shift: [number, number]) => {
      const ev = await PaperEvaluation.start(exactSampler(shift), target, new Rng(3), 300, 3);
      let slices = 0;
      // in slices of a few rows, as the worker runs it
      while (!ev.advance(((k) => () => ++k > 20)(0))) slices++;
      expect(slices).toBeGreaterThan(10);
      return { r: ev.result(), ref: ev.targetLogp };
    };
    const exact = await run([0, 0]);
    expect(exact.r.iteration).toBe(7);
    expect(Math.abs(exact.r.meanLogp - exact.ref)).toBeLessThan(0.1);
    expect(exact.r.w2).toBeLessThan(0.8); // two independent 300-point samples of the same law (measured 0.47)
    expect(exact.r.tvd).toBeLessThan(0.35); // 300 points in 200 bins: sampling noise only
    const shifted = await run([3, 4]);
    expect(shifted.r.w2).toBeGreaterThan(4.5);
    expect(shifted.r.w2).toBeLessThan(5.2);
    expect(shifted.r.meanLogp).toBeLessThan(exact.r.meanLogp - 5);
    expect(shifted.r.tvd).toBeGreaterThan(0.8);
    expect(shifted.r.w2Sd).toBeGreaterThan(0);
  }, 60_000);
});

describe('DiKL lab: the paper evaluation in the run', () => {
  it('stops at each evaluation iteration, solves between updates and charts the result at that iteration', async () => {
    DiklExperiment.paperSize = { n: 400, repeats: 3 };
    // the schema's defaults with the overrides on top, as the codec would hand them to the lab
    const p = paramsWith(diklSchema, { target: '8gaussians', width: 16, batch: 32, show: 100, inspector: false, paperEvery: 4 }) as DiklParams;
    const exp = await DiklExperiment.create(p, 1);
    expect(exp.phaseLeft()).toBe(4);
    exp.step(4);
    expect(exp.phaseLeft()).toBe(0);
    const s = await exp.snapshot({ grids: false, metrics: true });
    expect(s.info.phase).toMatch(/paper evaluation of iteration 4/);
    expect(exp.phaseLeft()).toBe(4);
    let rows: Awaited<ReturnType<typeof exp.drainTrace>> = [];
    for (let i = 0; i < 400 && !rows.some((r) => 'paper_w2' in r.m); i++) {
      exp.step(1);
      rows = await exp.drainTrace();
    }
    const row = rows.find((r) => 'paper_w2' in r.m)!;
    expect(row.x, JSON.stringify(rows.map((r) => r.x))).toBe(4);
    for (const k of ['paper_logp', 'paper_w2', 'paper_w2_sd', 'paper_tvd', 'target_logp']) expect(Number.isFinite(row.m[k]), k).toBe(true);
    // a headless run's end: the final generator evaluated in full, in the final metrics
    await exp.finish();
    const end = await exp.snapshot({ grids: false, metrics: true });
    expect(end.metrics.paper_w2).toBeGreaterThan(0);
    exp.dispose();
    DiklExperiment.paperSize = { n: PAPER_N, repeats: PAPER_REPEATS };
  }, 120_000);
});
