import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { ChainHistory, CHAINS, WINDOW } from './chain-history';

/** n particles whose first CHAINS rows follow independent AR(1) chains with coefficient rho (the rest 0) */
function ar1Steps(steps: number, rho: number, seed: number): Float32Array[] {
  const rng = new Rng(seed);
  const state = Float64Array.from({ length: 2 * CHAINS }, () => rng.normal());
  const out: Float32Array[] = [];
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < state.length; i++) state[i] = rho * state[i] + Math.sqrt(1 - rho * rho) * rng.normal();
    const x = new Float32Array(2 * (CHAINS + 2));
    x.set(state);
    out.push(x);
  }
  return out;
}

async function feed(h: ChainHistory, xs: Float32Array[]) {
  const rows = [];
  for (const x of xs) {
    const t = tf.tensor2d(x, [x.length / 2, 2]) as Tensor2D;
    h.record(t);
    t.dispose();
  }
  rows.push(...(await h.flush()));
  return rows;
}

describe('ChainHistory', () => {
  it('gives the trace rows of the first chains and the ESS of AR(1) chains, per iteration and per evaluation', async () => {
    const h = new ChainHistory();
    const before = tf.memory().numTensors;
    const steps = ar1Steps(1500, 0.8, 1);
    const rows = await feed(h, steps);
    expect(rows).toHaveLength(1500);
    expect(rows[0].x).toBe(1);
    expect(rows[9].m.chain1).toBeCloseTo(steps[9][0], 6);
    expect(rows[9].m.chain4).toBeCloseTo(steps[9][6], 6);
    h.addTime(3, 1500);
    const { metrics, acf } = h.diagnostics({ gradients: 2, densities: 0 });
    const want = (1 - 0.8) / (1 + 0.8); // ESS per draw of AR(1)
    expect(Math.abs(metrics.ess_per_iter / want - 1)).toBeLessThan(0.2);
    expect(metrics.ess_per_grad).toBeCloseTo(metrics.ess_per_iter / 2, 10);
    expect(metrics.ess_per_density).toBeUndefined();
    expect(metrics.ess_per_s).toBeCloseTo(metrics.ess / 3, 6);
    expect(Math.abs(metrics.rhat - 1)).toBeLessThan(0.02);
    expect(acf?.kind).toBe('series');
    if (acf?.kind === 'series') expect(Math.abs(acf.ys['x₁'][1] - 0.8)).toBeLessThan(0.05);
    h.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the last WINDOW iterations, starts afresh after a gap or a reset, and says nothing under 50', async () => {
    const h = new ChainHistory();
    await feed(h, ar1Steps(30, 0.5, 2));
    expect(h.diagnostics({ gradients: 1, densities: 0 }).metrics).toEqual({});
    // more than WINDOW + a block between two reads: the old blocks are dropped unread
    const rows = await feed(h, ar1Steps(WINDOW + 700, 0.5, 3));
    expect(rows.at(-1)!.x).toBe(30 + WINDOW + 700);
    expect(rows[0].x).toBeGreaterThan(31);
    const d = h.diagnostics({ gradients: 1, densities: 0 });
    expect(d.metrics.ess).toBeGreaterThan(0);
    h.reset(5000);
    expect(h.diagnostics({ gradients: 1, densities: 0 }).metrics).toEqual({});
    const after = await feed(h, ar1Steps(60, 0.5, 4));
    expect(after[0].x).toBe(5001);
    expect(h.diagnostics({ gradients: 1, densities: 0 }).metrics.ess).toBeGreaterThan(0);
    h.dispose();
  });
});
