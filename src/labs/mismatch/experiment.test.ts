// The score-mismatch lab end to end in Node: the conditional closed form reaches the snapshot, the sweep
// reports the paper ordering, mixture priors and the unconditional mode run, bad input gives messages,
// frames carry fresh arrays, and nothing leaks.
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { Experiment, ParamValue } from '../types';
import type { Snapshot } from '../../protocol/snapshot';
import { mismatchSchema } from './schema';
import { paramsWith } from '../modes';
import type { MismatchParams } from './params';
import { mismatchLab } from './lab';
import { divergence } from '../../engine/divergence';

// the mode's defaults with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): MismatchParams {
  return paramsWith(mismatchSchema, over) as MismatchParams;
}

async function runToEnd(over: Record<string, ParamValue>, seed = 1): Promise<{ exp: Experiment; snap: Snapshot }> {
  const exp = await mismatchLab.create(params(over), { seed });
  while ((exp as unknown as { training?: boolean }).training) exp.step(1);
  while (!exp.done) exp.step(25);
  return { exp, snap: await exp.snapshot({ grids: true, metrics: true }) };
}

describe('Score-mismatch lab', () => {
  it('conditional, Gaussian prior: exact KL, running B_T, sweep metrics in the paper order, every layer', async () => {
    const { exp, snap } = await runToEnd({ rule: 'bo-ddnm', T: 50, particles: 200, sweep: true });
    exp.dispose();
    const m = snap.metrics;
    expect(m.kl_closed_form).toBeCloseTo(m.kl_T50_bo_ddnm, 4);
    expect(m.kl_T50_oracle * 10).toBeLessThan(m.kl_T50_bo_ddnm);
    expect(m.kl_T1000_bo_ddnm * 10).toBeLessThan(m.kl_T1000_ddnm);
    expect(m.bias_accumulated).toBeGreaterThan(0);
    expect(m.sw2_posterior).toBeLessThan(0.3);
    for (const k of ['density', 'delta', 'measurement', 'particles', 'reference', 'sweepT', 'sweepSigma']) expect(snap.layers[k], k).toBeDefined();
    const s = snap.layers.sweepT as { xs: Float32Array; ys: Record<string, Float32Array> };
    expect(Object.keys(s.ys)).toEqual(['oracle', 'unconditional', 'DDNM', 'BO-DDNM', 'DPS', 'ΠGDM', 'DDNM+']);
    expect(snap.info.phase).toMatch(/final samples/);
  });

  it('DDNM under noise collapses the samples onto the measured line (spread ≪ posterior spread)', async () => {
    const { exp, snap } = await runToEnd({ rule: 'ddnm', T: 40, particles: 300, sigmaY: 0.3, y: 1 });
    exp.dispose();
    const xy = (snap.layers.particles as { xy: Float32Array }).xy;
    let v = 0;
    for (let i = 0; i < xy.length / 2; i++) v += (xy[2 * i] - 1) ** 2;
    expect(Math.sqrt(v / (xy.length / 2))).toBeLessThan(0.05); // the exact posterior has sd ≈ 0.29 in x₁
    expect(snap.metrics.kl_closed_form).toBeGreaterThan(10);
  });

  it('conditional, mixture prior: Monte-Carlo mismatch and a KDE KL at t = 1', async () => {
    const { exp, snap } = await runToEnd({ prior: 'custom', rule: 'pigdm', T: 15, particles: 150, y: 0 });
    exp.dispose();
    expect(snap.metrics.kl_closed_form).toBeUndefined();
    expect(Number.isFinite(snap.metrics.kl_kde)).toBe(true);
    expect(snap.metrics.bias_accumulated).toBeGreaterThan(0);
    expect(snap.info.bias).toMatch(/KDE/);
  });

  it('DDNM+ runs as rule=ddnm-plus: exact KL between BO-DDNM and DDNM, its noise excess charted, a mixture prior with no leak', async () => {
    const { exp, snap } = await runToEnd({ rule: 'ddnm-plus', T: 50, particles: 200 });
    exp.dispose();
    const m = snap.metrics;
    expect(m.kl_closed_form).toBeCloseTo(m.kl_ddnm_plus, 6);
    expect(m.kl_ddnm_plus).toBeGreaterThan(10 * m.kl_bo_ddnm);
    expect(m.kl_ddnm_plus * 20).toBeLessThan(m.kl_ddnm);
    expect(m.var_excess).toBeGreaterThanOrEqual(0);
    expect(snap.info.rule).toBe('DDNM+');
    const before = tf.memory().numTensors;
    const mix = await runToEnd({ prior: 'custom', rule: 'ddnm-plus', T: 15, particles: 100, y: 0, eta: 0.5 });
    mix.exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isFinite(mix.snap.metrics.kl_kde)).toBe(true);
    expect(mix.snap.metrics.delta2).toBeGreaterThan(0);
    await expect(mismatchLab.create(params({ rule: 'ddnm-plus', eta: 1.5 }), { seed: 1 })).rejects.toThrow(/η/);
  });

  it('unconditional, Gaussian target + perturbation: closed-form bias against T with the exact-score floor', async () => {
    const { exp, snap } = await runToEnd({ mode: 'uncond', target: 'gaussian', score: 'perturb', eps: 0.5, T: 30, particles: 200 });
    exp.dispose();
    const s = snap.layers.biasT as { ys: Record<string, Float32Array> };
    const mis = s.ys['KL mismatched score'];
    const ex = s.ys['KL exact score (floor)'];
    expect(mis[mis.length - 1]).toBeGreaterThan(100 * ex[ex.length - 1]);
    expect(snap.metrics.kl_closed_form).toBeGreaterThan(0.01);
    expect(snap.metrics.sw2).toBeGreaterThan(0);
  });

  it('unconditional, learned score: trains first, then samples; the mismatch is estimated', async () => {
    const exp = await mismatchLab.create(params({ mode: 'uncond', score: 'learned', trainSteps: 20, hidden: 16, T: 10, particles: 100 }), { seed: 2 });
    const s0 = await exp.snapshot({ grids: false, metrics: true });
    expect(s0.info.phase).toMatch(/training/);
    while ((exp as unknown as { training: boolean }).training) exp.step(1);
    exp.step(10);
    const s1 = await exp.snapshot({ grids: true, metrics: true });
    exp.dispose();
    expect(s1.metrics.delta2).toBeGreaterThan(0);
    expect(s1.layers.biasT).toBeDefined();
  });

  it('bad inputs give readable messages, not NaNs', async () => {
    await expect(mismatchLab.create(params({ cxy: 1.5 }), { seed: 1 })).rejects.toThrow(/not positive semi-definite/);
    await expect(mismatchLab.create(params({ y: 15 }), { seed: 1 })).rejects.toThrow(/prior standard deviations/);
    await expect(mismatchLab.create(params({ sigmaY: -0.1 }), { seed: 1 })).rejects.toThrow(/σ_y/);
    await expect(mismatchLab.create(params({ op: 'identity', sigmaY: 0, cxx: 1, cxy: 1, cyy: 1 }), { seed: 1 })).rejects.toThrow(/singular/);
    const exp = await mismatchLab.create(params({ rule: 'dps', zeta: 20, T: 10, schedule: 'linear', particles: 50 }), { seed: 1 }).catch((e: Error) => e);
    if (exp instanceof Error) expect(exp.message).toMatch(/DPS|diverged/);
    else {
      exp.step(10);
      expect(await divergence(exp)).toMatch(/ζ/);
      exp.dispose();
    }
  });

  it('leaks no tensors over steps and snapshots', async () => {
    const p = params({ rule: 'pigdm', T: 12, particles: 40, prior: 'custom' });
    const warm = await mismatchLab.create(p, { seed: 1 });
    warm.step(12);
    await warm.snapshot({ grids: true, metrics: true });
    warm.dispose();
    const before = tf.memory().numTensors;
    const exp = await mismatchLab.create(p, { seed: 1 });
    // (the frames' arrays are copied by the engine: engine.test.ts)
    for (let i = 0; i < 4; i++) {
      exp.step(3);
      await exp.snapshot({ grids: i % 2 === 0, metrics: true });
    }
    await divergence(exp);
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
