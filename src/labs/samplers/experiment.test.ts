// The Samplers lab end to end in Node: the paper-style checks (Langevin stuck, diffusion covers the
// modes), divergence detection, bit-for-bit replay, and no tensor leaks.
import { Engine } from '../../engine/engine';
import type { FromWorker } from '../../protocol/messages';
import { describe, expect, it } from 'vitest';
import { tf } from '../../core/tf';
import type { ParamValue } from '../types';
import { samplersSchema } from './schema';
import { SamplersExperiment } from './experiment';
import { isLive } from '../live';
import { paramsWith } from '../modes';
import type { SamplersParams } from './params';
import { divergence } from '../../engine/divergence';

// the schema's defaults with `over` on top, as the codec would hand them to the lab
function params(over: Record<string, ParamValue>): SamplersParams {
  return paramsWith(samplersSchema, over) as SamplersParams;
}

async function run(over: Record<string, ParamValue>, steps: number, seed = 3) {
  const exp = await SamplersExperiment.create(params(over), seed);
  while (exp.training) exp.step(1);
  exp.step(steps);
  const snap = await exp.snapshot({ grids: true, metrics: true });
  exp.dispose();
  return snap;
}

describe('Samplers lab', () => {
  it('Langevin from N(0, I) stays in few MoG-40 modes while DDPM with the exact score covers them', async () => {
    const ula = await run({ target: 'mog40', sampler: 'ula', step: 0.1, particles: 400 }, 150);
    const ddpm = await run({ target: 'mog40', sampler: 'ddpm', T: 60, particles: 400 }, 60);
    expect(ula.metrics.modes_covered).toBeLessThan(10);
    expect(ddpm.metrics.modes_covered).toBeGreaterThanOrEqual(34);
    expect(ddpm.metrics.sw2).toBeLessThan(ula.metrics.sw2 / 3);
  });

  it('DDPM on 8 Gaussians reaches the target (small sliced W2, all modes) and reports it is done', async () => {
    const exp = await SamplersExperiment.create(params({ target: '8gaussians', sampler: 'ddpm', T: 50, particles: 800 }), 1);
    exp.step(50);
    expect(exp.done).toBe(true);
    const snap = await exp.snapshot({ grids: false, metrics: true });
    exp.dispose();
    expect(snap.metrics.modes_covered).toBe(8);
    expect(snap.metrics.sw2).toBeLessThan(0.15);
    expect(snap.info.phase).toMatch(/final samples/);
  });

  it('sends the layers the views name', async () => {
    const snap = await run({ target: 'custom', sampler: 'mala', step: 0.05, particles: 100, field: true }, 5);
    expect(snap.layers.particles.kind).toBe('points');
    expect((snap.layers.particles as { xy: Float32Array }).xy.length).toBe(200);
    for (const k of ['density', 'fieldExact', 'paths', 'histX', 'histY', 'handles']) expect(snap.layers[k], k).toBeDefined();
    expect(snap.metrics.accept_rate).toBeGreaterThan(0);
    expect(snap.metrics.accept_rate).toBeLessThanOrEqual(1);
    expect(Number.isFinite(snap.metrics.mean_log_density)).toBe(true);
  });

  it('detects divergence of a huge step size and names the fix', async () => {
    const exp = await SamplersExperiment.create(params({ target: '8gaussians', sampler: 'ula', step: 100, particles: 50 }), 1);
    exp.step(40);
    const msg = await divergence(exp);
    exp.dispose();
    expect(msg).toMatch(/smaller step size/);
  });

  it('a MALA or HMC chain that stopped moving says so with a tenth of the step, and clears once it moves', async () => {
    // steps far too large for each (HMC's L = 3 leapfrog moves go three times as far as one MALA move)
    for (const [sampler, step, fix] of [['mala', 30, 3], ['hmc', 10, 1]] as const) {
      const exp = await SamplersExperiment.create(params({ target: 'mog40', sampler, step, leapfrog: 3, particles: 100 }), 2);
      // the engine drains the trace at every frame: here every 50 iterations
      const advance = async (n: number) => { for (let i = 0; i < n; i += 50) { exp.step(50); await exp.drainTrace(); } };
      await advance(250);
      expect((await exp.snapshot({ grids: false, metrics: true })).advice, `${sampler}: not before 300 iterations`).toBeUndefined();
      await advance(100);
      const stuck = await exp.snapshot({ grids: false, metrics: true });
      expect(stuck.metrics.accept_rate).toBeLessThan(0.01);
      expect(stuck.advice?.message).toMatch(new RegExp(`stopped moving: ${sampler.toUpperCase()} accepted 0\\.\\d+% .* last 300 iterations`));
      expect(stuck.advice?.suggestion).toContain(`try ${fix} (a tenth of it)`);
      expect(stuck.advice?.fix).toEqual({ key: 'step', value: fix, label: `Use step size ${fix}` });
      // the fix, as a live change: the chain moves again and the notice goes
      exp.update({ step: fix });
      await advance(100);
      const moving = await exp.snapshot({ grids: false, metrics: true });
      exp.dispose();
      expect(moving.metrics.accept_rate, sampler).toBeGreaterThan(0.1);
      expect(moving.advice, sampler).toBeUndefined();
    }
  });

  it('a chain that accepts is never told it stopped', async () => {
    const exp = await SamplersExperiment.create(params({ target: 'mog40', sampler: 'mala', step: 0.1, particles: 100 }), 2);
    for (let i = 0; i < 8; i++) { exp.step(50); await exp.drainTrace(); }
    const snap = await exp.snapshot({ grids: false, metrics: true });
    exp.dispose();
    expect(snap.advice).toBeUndefined();
  });

  it('replays bit for bit from the same seed and differs with another', async () => {
    const a = await run({ target: 'banana', sampler: 'hmc', particles: 64, leapfrog: 5, step: 0.1 }, 10, 11);
    const b = await run({ target: 'banana', sampler: 'hmc', particles: 64, leapfrog: 5, step: 0.1 }, 10, 11);
    const c = await run({ target: 'banana', sampler: 'hmc', particles: 64, leapfrog: 5, step: 0.1 }, 10, 12);
    const xy = (s: typeof a) => Array.from((s.layers.particles as { xy: Float32Array }).xy);
    expect(xy(a)).toEqual(xy(b));
    expect(xy(a)).not.toEqual(xy(c));
  });

  it('trains a learned score on a data set first, then samples with it', async () => {
    const exp = await SamplersExperiment.create(params({ target: 'moons', sampler: 'ddpm', T: 20, particles: 100, trainSteps: 30, hidden: 32 }), 2);
    expect(exp.training).toBe(true);
    exp.step(1);
    const s1 = await exp.snapshot({ grids: true, metrics: true });
    expect(s1.metrics.dsm_loss).toBeGreaterThan(0);
    expect(s1.info.phase).toMatch(/training/);
    while (exp.training) exp.step(1);
    exp.step(20);
    expect(exp.done).toBe(true);
    const s2 = await exp.snapshot({ grids: true, metrics: true });
    expect(s2.info.score).toMatch(/learned/);
    exp.dispose();
  });

  it('falls back to ULA for MALA on a data set and says why', async () => {
    const exp = await SamplersExperiment.create(params({ target: 'spirals', sampler: 'mala', trainSteps: 1, hidden: 16, particles: 20 }), 2);
    while (exp.training) exp.step(1);
    exp.step(2);
    const s = await exp.snapshot({ grids: false, metrics: true });
    exp.dispose();
    expect(s.info.sampler).toBe('ula');
    expect(Object.values(s.info).join(' ')).toMatch(/MALA needs a density/);
  });

  it('applies live changes; the schema, from the catalog, marks live what each sampler takes live', async () => {
    const exp = await SamplersExperiment.create(params({ target: 'hexagon', sampler: 'ula', particles: 20 }), 1);
    exp.step(2);
    exp.update({ step: 0.01, speed: 20, field: true, leapfrog: 4 }); // leapfrog is HMC's: it leaves ULA alone
    exp.step(2);
    exp.dispose();
    const spec = (k: string) => samplersSchema.params.find((s) => s.key === k)!;
    expect(isLive(spec('step'), { sampler: 'ula' })).toBe(true);
    expect(isLive(spec('step'), { sampler: 'annealed' })).toBe(false); // ε rescales every level: a restart
    expect(isLive(spec('eta'), { sampler: 'ddim' })).toBe(true);
    expect(isLive(spec('T'), { sampler: 'ddim' })).toBe(false);
  });

  it('leaks no tensors across step, snapshot, and create/dispose', async () => {
    const p = params({ target: 'two-modes', sampler: 'hmc', particles: 50, field: true });
    const warm = await SamplersExperiment.create(p, 1);
    warm.step(2);
    await warm.snapshot({ grids: true, metrics: true });
    await warm.drainTrace?.(); // what the engine does with every frame
    warm.dispose();
    const before = tf.memory().numTensors;
    const exp = await SamplersExperiment.create(p, 1);
    exp.step(3);
    const mid = tf.memory().numTensors;
    exp.step(3);
    await exp.snapshot({ grids: true, metrics: true });
    await exp.drainTrace?.(); // what the engine does with every frame
    await divergence(exp);
    expect(tf.memory().numTensors - mid).toBeLessThanOrEqual(3); // path slices of 3 more steps, no more
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("records a sampler's own per-step scalars (parallel tempering's swap rate) in its trace and snapshot, leaking nothing", async () => {
    const before = tf.memory().numTensors;
    const exp = await SamplersExperiment.create(params({ target: 'two-modes', sampler: 'pt', particles: 50 }), 1);
    exp.step(4);
    const rows = await exp.drainTrace();
    expect(rows.map((r) => r.x)).toEqual([1, 2, 3, 4]);
    for (const r of rows) {
      expect(r.m.swap_rate).toBeGreaterThan(0);
      expect(r.m.swap_rate).toBeLessThanOrEqual(1);
      expect(r.m.accept_rate).toBeGreaterThan(0);
    }
    const snap = await exp.snapshot({ grids: false, metrics: true });
    expect(snap.metrics.swap_rate).toBe(rows[3].m.swap_rate);
    exp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(samplersSchema.views.find((v) => v.id === 'swap')?.when?.({ sampler: 'pt' })).toBe(true);
    expect(samplersSchema.views.find((v) => v.id === 'swap')?.when?.({ sampler: 'mala' })).toBe(false);
  });

  it('hands out its cached grids, and frames sent by the engine (transferred, as postMessage does) leave them intact (training and sampling)', async () => {
    const out: FromWorker[] = [];
    const engine = new Engine({
      emit: (m, transfer) => out.push(structuredClone(m, { transfer })),
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
      now: () => performance.now(),
      labs: async () => (await import('./lab')).samplersLab,
      backend: () => 'cpu',
    });
    const p = params({ target: 'moons', sampler: 'ddpm', T: 5, particles: 30, trainSteps: 20, hidden: 16, field: true });
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: p, play: false });
    for (let i = 0; i < 6; i++) await engine.handle({ type: 'step', runId: 1, n: 4 });
    expect(out.filter((m) => m.type === 'error')).toEqual([]);
    const fr = out.filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');
    // through the 20 training steps to the end of the T = 5 reverse steps; the last heatmap is not empty (a detached cache would be)
    expect(fr.at(-1)!.snapshot.iteration).toBe(5);
    const last = fr.at(-1)!.snapshot;
    const grid = Object.values(last.layers).find((l) => l.kind === 'scalarGrid') as { values: Float32Array } | undefined;
    expect(grid?.values.length).toBeGreaterThan(0);
    expect((last.layers.particles as { xy: Float32Array }).xy.length).toBe(60);
    engine.dispose();
  });
});

describe('the drawn-points target before drawing', () => {
  it('sends a frame with the drawing box and says what to do', async () => {
    const { samplersLab } = await import('./lab');
    const exp = await samplersLab.create(params({ target: 'drawn', drawn: new Float32Array(0) }), { seed: 1 });
    exp.step(3);
    const s = await exp.snapshot({ grids: true, metrics: true });
    expect(s.box.xmax).toBeGreaterThan(s.box.xmin);
    expect(s.info.note0).toMatch(/Draw in the plot/);
    expect(await divergence(exp)).toBeNull();
    exp.dispose();
  });
});
