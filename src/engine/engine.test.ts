// Engine sequences with a fake host and a fake experiment: configure, frames only after acks,
// stale runIds dropped, live updates vs resets, divergence, errors as messages.
import { describe, expect, it } from 'vitest';
import { Engine, type EngineHost } from './engine';
import { divergence, divergenceMessage, formatLimit } from './divergence';
import { tf } from '../core/tf';
import type { FromWorker } from '../protocol/messages';
import type { Experiment, FiniteWatch, LabDefinition } from '../labs/types';
import type { Layer } from '../protocol/snapshot';

class FakeExperiment implements Experiment {
  iteration = 0;
  disposed = false;
  diverge = false;
  constructor(public length = Infinity) {}
  get done() { return this.iteration >= this.length; }
  step(n: number) { this.iteration = Math.min(this.length, this.iteration + n); }
  async snapshot(req: { metrics: boolean }) {
    return { iteration: this.iteration, layers: { particles: { kind: 'points' as const, xy: new Float32Array([this.iteration, 0]) }, ...this.extraLayers }, metrics: (req.metrics ? { sw2: 1 / (1 + this.iteration) } : {}) as Record<string, number>, info: {}, box: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 } };
  }
  updates: Record<string, unknown>[] = [];
  /** layers the experiment keeps and hands out on every snapshot (cached grids) */
  extraLayers: Record<string, Layer> = {};
  update(patch: Record<string, unknown>) { this.updates.push(patch); }
  /** a plain number (no tensors: the check reads nothing from a device), and a tensor-free second watch */
  stepSize = 0.5;
  watch(): FiniteWatch[] {
    return [
      { what: 'the particles', values: () => [this.diverge ? NaN : this.iteration], advice: () => `Try a smaller step size than ${this.stepSize}.` },
      { what: 'the weights', values: () => [[1, 2]], limit: 1e6, advice: () => 'Lower the learning rate.' },
    ];
  }
  dispose() { this.disposed = true; }
}

function setup(opts: { length?: number; failCreate?: boolean; clock?: { t: number }; stepMs?: number } = {}) {
  const out: FromWorker[] = [];
  const exps: FakeExperiment[] = [];
  const lab = {
    id: 'samplers',
    // the schema's live flags decide what an update may carry: step is live except for 'annealed'
    params: [
      { key: 'step', kind: 'number', live: (p: Record<string, unknown>) => p.sampler !== 'annealed' },
      { key: 'speed', kind: 'int', live: true },
      { key: 'target', kind: 'enum' },
      { key: 'sampler', kind: 'enum' },
    ],
    create: async () => {
      if (opts.failCreate) throw new Error('target "x" has no components');
      const e = new FakeExperiment(opts.length);
      if (opts.clock && opts.stepMs) {
        // a slow experiment: every iteration moves the fake clock on
        const step = e.step.bind(e);
        e.step = (n: number) => {
          step(n);
          opts.clock!.t += n * opts.stepMs!;
        };
      }
      exps.push(e);
      return e;
    },
  } as unknown as LabDefinition;
  const host: EngineHost = {
    emit: (m) => out.push(m),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    now: () => (opts.clock ? opts.clock.t : performance.now()),
    labs: async (id) => (id === 'samplers' ? lab : undefined),
    backend: () => 'cpu',
  };
  return { engine: new Engine(host), out, exps, host };
}

const frames = (out: FromWorker[]) => out.filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Engine', () => {
  it('configure emits the picture, then iteration 0 with its metrics; step advances by n', async () => {
    const { engine, out } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { speed: 5 }, play: false });
    const [picture, withMetrics] = frames(out);
    expect(frames(out)).toHaveLength(2);
    expect([picture.snapshot.iteration, withMetrics.snapshot.iteration]).toEqual([0, 0]);
    expect(picture.snapshot.metrics).toEqual({});
    expect(withMetrics.snapshot.metrics).toEqual({ sw2: 1 });
    await engine.handle({ type: 'step', runId: 1, n: 3 });
    expect(frames(out).at(-1)!.snapshot.iteration).toBe(3);
  });

  it('cuts a frame short when its iterations are slow, so the picture still changes', async () => {
    // speed 5 at 600 ms an iteration: a frame after 2 iterations (1.2 s > the 1 s budget), not after 5
    const { engine, out, exps } = setup({ clock: { t: 0 }, stepMs: 600 });
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { speed: 5 }, play: true });
    for (let k = 0; k < 3; k++) {
      await expect.poll(() => frames(out).length).toBeGreaterThan(k);
      await engine.handle({ type: 'ack', runId: 1, frame: frames(out).at(-1)!.frame });
    }
    await expect.poll(() => frames(out).length).toBeGreaterThanOrEqual(4);
    await engine.handle({ type: 'pause', runId: 1 });
    const its = frames(out).slice(0, 4).map((f) => f.snapshot.iteration);
    expect(its).toEqual([0, 0, 2, 4]);
    // an explicit step of n runs all n, however slow
    await wait(20);
    const before = exps[0].iteration;
    await engine.handle({ type: 'step', runId: 1, n: 5 });
    expect(frames(out).at(-1)!.snapshot.iteration).toBe(before + 5);
  });

  it('keeps at most one frame in flight until the UI acknowledges it', async () => {
    const { engine, out } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { speed: 2 }, play: true });
    await wait(30);
    const n = frames(out).length;
    expect(n).toBeLessThanOrEqual(2); // configure's two frames (un-acked) + nothing more
    await engine.handle({ type: 'ack', runId: 1, frame: frames(out).at(-1)!.frame });
    await wait(30);
    expect(frames(out).length).toBe(n + 1);
    await engine.handle({ type: 'pause', runId: 1 });
  });

  it('drops messages from a stale run and disposes the old experiment on reconfigure', async () => {
    const { engine, out, exps } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: {}, play: false });
    await engine.handle({ type: 'configure', runId: 2, lab: 'samplers', params: {}, play: false });
    expect(exps[0].disposed).toBe(true);
    const before = out.length;
    await engine.handle({ type: 'step', runId: 1, n: 5 });
    await engine.handle({ type: 'play', runId: 1 });
    expect(out.length).toBe(before);
    expect(exps[1].iteration).toBe(0);
  });

  it('applies the keys the schema marks live and asks for a reset otherwise, without calling the experiment', async () => {
    const { engine, out, exps } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { sampler: 'ula' }, play: false });
    await engine.handle({ type: 'update', runId: 1, patch: { step: 0.1 } });
    expect(out.some((m) => m.type === 'needsReset')).toBe(false);
    expect(exps[0].updates).toEqual([{ step: 0.1 }]);
    await engine.handle({ type: 'update', runId: 1, patch: { target: 'ring', speed: 3 } });
    expect(out.find((m) => m.type === 'needsReset')).toMatchObject({ runId: 1, keys: ['target'] });
    expect(exps[0].updates).toHaveLength(1);
  });

  it('a flag that depends on the params reads them as the change leaves them', async () => {
    const { engine, out, exps } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { sampler: 'annealed' }, play: false });
    await engine.handle({ type: 'update', runId: 1, patch: { step: 0.1 } });
    expect(out.find((m) => m.type === 'needsReset')).toMatchObject({ keys: ['step'] });
    expect(exps[0].updates).toEqual([]);
  });

  it('sends copies of every array, so an experiment may hand out its cached layers and the frames be transferred', async () => {
    const { engine, out, exps, host } = setup();
    const cached = new Float32Array([1, 2, 3, 4]);
    const curve = { a: new Float32Array([5, 6]), b: new Float32Array([7, 8]) };
    host.emit = (m, transfer) => out.push(structuredClone(m, { transfer })); // detaches what is transferred, as postMessage does
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: {}, play: false });
    exps[0].extraLayers = { grid: { kind: 'points', xy: cached }, sweep: { kind: 'series', xs: cached, ys: curve } };
    await engine.handle({ type: 'step', runId: 1, n: 1 });
    await engine.handle({ type: 'step', runId: 1, n: 1 });
    // the experiment's own arrays are intact (a transferred buffer would have length 0)
    expect(Array.from(cached)).toEqual([1, 2, 3, 4]);
    expect(Array.from(curve.b)).toEqual([7, 8]);
    const last = frames(out).at(-1)!.snapshot.layers;
    expect(Array.from((last.grid as { xy: Float32Array }).xy)).toEqual([1, 2, 3, 4]);
    expect(Array.from((last.sweep as { ys: Record<string, Float32Array> }).ys.b)).toEqual([7, 8]);
  });

  it('stops a finite run at the end with status done', async () => {
    const { engine, out } = setup({ length: 10 });
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { speed: 4 }, play: true });
    for (let i = 0; i < 20; i++) {
      const f = frames(out).at(-1);
      if (f) await engine.handle({ type: 'ack', runId: 1, frame: f.frame });
      await wait(5);
    }
    expect(frames(out).at(-1)!.snapshot.iteration).toBe(10);
    expect(out.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'done' });
  });

  it('pauses a diverging run with a message and a suggestion', async () => {
    const { engine, out, exps } = setup();
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: {}, play: false });
    exps[0].diverge = true;
    await engine.handle({ type: 'step', runId: 1, n: 1 });
    const err = out.find((m) => m.type === 'error');
    expect(err).toMatchObject({ fatal: false });
    // one message shape for every lab: what diverged (the experiment's watch), then its advice
    expect((err as { message: string }).message).toBe('The run diverged at iteration 1: the particles became NaN or infinite. Try a smaller step size than 0.5.');
    expect((err as { suggestion: string }).suggestion).toMatch(/reset/);
    expect(out.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'diverged' });
  });

  it('divergence(): null while finite, else the first failing watch with its limit and advice', async () => {
    const e = new FakeExperiment();
    expect(await divergence(e)).toBeNull();
    e.watch = () => [
      { what: 'the particles', values: () => [1], advice: () => 'unused' },
      { what: "the generator's samples", values: () => [tf.tensor1d([0, 2e6])], limit: 1e6, advice: () => 'Try a smaller generator lr than 0.01.' },
      { what: 'the weights', values: () => [NaN], advice: () => 'unused' },
    ];
    expect(await divergence(e)).toBe("the generator's samples became NaN or infinite (or beyond 1e6). Try a smaller generator lr than 0.01.");
    expect(divergenceMessage({ what: 'the DPS particles', values: () => [], limit: 400, advice: () => '' })).toBe('the DPS particles became NaN or infinite (or beyond 400).');
    expect(formatLimit(1e8)).toBe('1e8');
    expect(formatLimit(1234.5)).toBe('1230');
  });

  it('turns a failure to build the experiment into a readable error', async () => {
    const { engine, out } = setup({ failCreate: true });
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: {}, play: true });
    const err = out.find((m) => m.type === 'error') as { message: string; suggestion: string };
    expect(err.message).toMatch(/Could not set up the experiment: target "x" has no components/);
    expect(err.suggestion).toBeTruthy();
    await engine.handle({ type: 'configure', runId: 2, lab: 'nope', params: {}, play: true });
    expect(out.filter((m) => m.type === 'error').at(-1)).toMatchObject({ message: 'Unknown lab "nope".' });
  });

  it('a run reconfigured while the previous loop winds down still advances', async () => {
    const { engine, out } = setup();
    const ackAll = async () => {
      const f = frames(out).at(-1);
      if (f) await engine.handle({ type: 'ack', runId: f.runId, frame: f.frame });
    };
    await engine.handle({ type: 'configure', runId: 1, lab: 'samplers', params: { speed: 1 }, play: true });
    await ackAll();
    // two reconfigures back to back, while the first loop is still inside its slice
    void engine.handle({ type: 'configure', runId: 2, lab: 'samplers', params: { speed: 1 }, play: true });
    await engine.handle({ type: 'configure', runId: 3, lab: 'samplers', params: { speed: 1 }, play: true });
    for (let i = 0; i < 20; i++) {
      await ackAll();
      await wait(5);
    }
    const last = frames(out).filter((f) => f.runId === 3).at(-1);
    expect(last!.snapshot.iteration).toBeGreaterThan(3);
    await engine.handle({ type: 'pause', runId: 3 });
  });
});
