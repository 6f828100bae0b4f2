// The Engine hosts one experiment and runs its step loop: steps in slices of about 10 ms, yielding
// between slices so messages (pause, update, ack) are handled; at most one un-acknowledged frame in
// flight; grid fields (heatmaps, vector fields) at a lower rate or when parameters change. It knows
// nothing of the DOM or of workers: the worker and the tests give it an emitter and a scheduler.
import type { FromWorker, Params, RunStatus, ToWorker } from '../protocol/messages';
import type { Experiment, LabDefinition, ParamValue } from '../labs/types';
import type { Snapshot, TraceRow } from '../protocol/snapshot';
import { describeError } from './errors';
import { withFreshArrays } from './fresh-arrays';
import { deadKeys } from '../labs/live';
import { divergence } from './divergence';
import { loadWeights, sendWeights } from './weights';

export interface EngineHost {
  emit(msg: FromWorker, transfer?: ArrayBuffer[]): void;
  /** yield to the event loop (worker: MessageChannel/setTimeout 0) */
  yieldNow(): Promise<void>;
  now(): number;
  /** wait ms (worker: setTimeout); absent: the slow-motion `delay` is not applied */
  sleep?(ms: number): Promise<void>;
  labs: (id: string) => Promise<LabDefinition | undefined>;
  backend: () => string;
  /** the reason the GPU device was lost, once it was (worker: the WebGPU device's `lost` promise); errors after it are the loss's */
  backendLost?: () => string | null;
}

const SLICE_MS = 10;
/** a frame's iterations (`speed`) that take longer than this are cut short: with slow iterations (the DiKL
 *  official config, ~5 s each) the picture still changes every iteration or two instead of every 25 s */
const FRAME_BUDGET_MS = 1000;
const GRID_EVERY_MS = 400;
/** distance metrics (sliced W2, MMD) cost more than a step at small N: a few times a second is enough for a chart */
const METRICS_EVERY_MS = 150;
/** ...and at least this often, however costly the pass (a lab whose metrics take 200 ms still charts every second) */
const METRICS_MAX_GAP_MS = 1000;
/**
 * ...and at least this many times over the recommended run of an open-ended lab, however fast it goes (the
 * preset's steps, else the lab's), so a chain that covers its 2 000 iterations in a second still charts them
 */
const METRICS_PER_PHASE = 50;
/** ...and a finite phase (a diffusion's T steps) at ~25 evenly spaced steps: a T = 100 DDPM run that takes
 *  0.3 s charts its distance to the target along the run, not at the one frame that fell in its 0.3 s */
const METRICS_PER_FINITE_PHASE = 25;

export class Engine {
  private exp: Experiment | null = null;
  /** the running experiment's lab and params: which keys an update may carry (the schema's live flags) */
  private lab: LabDefinition | null = null;
  private params: Record<string, ParamValue> = {};
  private runId = 0;
  private status: RunStatus = 'idle';
  private speed = 5;
  private frame = 0;
  private acked = 0;
  private loopActive = false;
  private lastGridAt = -Infinity;
  private lastMetricsAt = -Infinity;
  /** ms the latest snapshot with metrics took (it sets the metrics rate) */
  private metricsCost = 0;
  private gridsDirty = true;
  /** steps per slice, adapted so a slice takes about SLICE_MS */
  private sliceSteps = 1;
  /** the recommended run length (the preset's or the lab's), from configure: sets the metrics' stride */
  private horizon = 0;
  /** costly metrics are due every `metricsStride` iterations (and at each phase end); see strideNow */
  private metricsStride = Infinity;
  /** the iteration the current phase started at */
  private phaseStart = 0;
  private lastMetricsIter = 0;
  /** the last advance reached the end of a phase: the next frame carries every metric */
  private phaseEnded = false;
  /**
   * costly metrics taken between frames, at the iterations they were due: a fast run at a high speed draws a
   * frame per `speed` iterations, yet its charts get a point every stride (they go with the next frame)
   */
  private metricRows: TraceRow[] = [];
  /** resolves the loop's wait for an ack: any message or status change wakes it to look again */
  private wake: (() => void) | null = null;

  constructor(private host: EngineHost) {}

  async handle(msg: ToWorker): Promise<void> {
    this.poke();
    if (msg.type === 'init' || msg.type === 'simulateFailure' || msg.type === 'destroyDevice' || msg.type === 'memory' || msg.type === 'bench' || msg.type === 'checkFormula') return; // handled by the worker
    if (msg.type === 'configure') return this.configure(msg.runId, msg.lab, msg.params, msg.play, msg.horizon);
    if (msg.runId !== this.runId) return; // stale: a newer configure superseded it
    switch (msg.type) {
      case 'play':
        if (this.status === 'done' || this.status === 'diverged' || !this.exp) return;
        this.setStatus('running');
        this.kick();
        return;
      case 'pause':
        if (this.status === 'running') this.setStatus('paused');
        return;
      case 'step':
        if (this.status === 'running' || !this.exp || this.exp.done || this.status === 'diverged') return;
        await this.advance(Math.max(1, msg.n), false);
        await this.emitFrame(true);
        return;
      case 'update':
        return this.update(msg.patch);
      case 'ack':
        this.acked = Math.max(this.acked, msg.frame);
        return;
      case 'getWeights':
        return sendWeights(this.exp, this.runId, (m, t) => this.host.emit(m, t));
      case 'setWeights':
        if (loadWeights(this.exp, this.runId, msg.weights, (m, t) => this.host.emit(m, t))) await this.emitFrame(true);
        return;
      case 'snapshot':
        this.gridsDirty ||= msg.grids;
        await this.emitFrame(msg.grids);
        return;
    }
  }

  private async configure(runId: number, labId: string, params: Params, play: boolean, horizon?: number): Promise<void> {
    this.runId = runId;
    this.exp?.dispose();
    this.exp = null;
    this.frame = 0;
    this.acked = 0;
    this.sliceSteps = 1;
    this.phaseEnded = false;
    this.lastMetricsIter = 0;
    this.metricRows = [];
    let lab: LabDefinition | undefined;
    try {
      lab = await this.host.labs(labId);
    } catch (e) {
      return this.failOn(e, 'create');
    }
    if (runId !== this.runId) return;
    if (!lab) return this.fail(`Unknown lab "${labId}".`, 'Open the landing page and pick a lab.');
    this.speed = Number(params.speed ?? 5) || 5;
    this.horizon = horizon !== undefined && horizon > 0 ? horizon : lab.defaultSteps;
    try {
      const exp = await lab.create(params as Record<string, ParamValue>, { seed: Number(params.seed ?? 1) });
      if (runId !== this.runId) return exp.dispose(); // superseded while building
      this.exp = exp;
      this.lab = lab;
      this.params = { ...(params as Record<string, ParamValue>) };
    } catch (e) {
      return this.failOn(e, 'create');
    }
    this.startPhase();
    this.gridsDirty = true;
    this.setStatus(play ? 'running' : 'paused');
    // the picture first, then iteration 0's metrics: the first metrics pass (drawing the reference
    // samples, distances to them) can take longer than everything before it (Samplers at N = 10 000:
    // ~400 of the ~2 200 ms from navigation to the first frame on a slow 2-core machine)
    await this.emitFrame(true, 'skip');
    if (runId !== this.runId) return;
    await this.emitFrame(false, 'force');
    if (play) this.kick();
  }

  private async update(raw: Params): Promise<void> {
    const patch = raw as Record<string, ParamValue>;
    const next = { ...this.params, ...patch };
    // the schema decides, not the experiment: a key it does not mark live restarts the run
    const dead = this.lab ? deadKeys(this.lab, next, patch) : Object.keys(patch);
    if (!this.exp || dead.length) {
      this.host.emit({ type: 'needsReset', runId: this.runId, keys: dead.length ? dead : Object.keys(patch) });
      return;
    }
    if (patch.speed !== undefined) this.speed = Math.max(1, Number(patch.speed) || 1);
    try {
      this.exp.update?.(patch);
    } catch (e) {
      return this.failOn(e, 'update');
    }
    this.params = next;
    this.gridsDirty = true;
    if (this.status !== 'running') await this.emitFrame(true);
  }

  private kick(): void {
    if (this.loopActive) return;
    this.loopActive = true;
    void this.loop().finally(() => {
      this.loopActive = false;
      // a configure while the old loop was winding down: that loop saw the runId change and left,
      // so start one for the new run
      if (this.status === 'running' && this.exp && !this.exp.done) this.kick();
    });
  }

  /** a phase starts (configure, or the previous one ended): its metrics stride from its length */
  private startPhase(): void {
    const left = this.exp?.phaseLeft?.() ?? Infinity;
    const finite = Number.isFinite(left) && left > 0;
    this.metricsStride = Math.max(1, Math.floor(finite ? left / METRICS_PER_FINITE_PHASE : this.horizon / METRICS_PER_PHASE));
    this.lastMetricsIter = this.exp?.iteration ?? 0;
    this.phaseStart = this.lastMetricsIter;
  }

  /**
   * The stride at the current iteration: the phase's, until an open-ended run goes past its recommended
   * length; from there it grows with the run (~50 points per doubling), so a chain left running for 10⁶
   * iterations is not slowed by a metrics pass every 40 of them (and the chart, thinned to 2 000 points,
   * would not show them anyway).
   */
  private strideNow(): number {
    const done = (this.exp?.iteration ?? 0) - this.phaseStart;
    return Math.max(this.metricsStride, Math.floor(done / METRICS_PER_PHASE));
  }

  /** iterations to run before the next frame: the speed, cut at a phase end and at the next iteration whose metrics are due */
  private framePlan(): number {
    const exp = this.exp!;
    let n = this.speed;
    const left = exp.phaseLeft?.() ?? Infinity;
    if (left > 0) n = Math.min(n, left);
    return Math.max(1, n);
  }

  private async loop(): Promise<void> {
    const runId = this.runId;
    while (this.status === 'running' && runId === this.runId && this.exp) {
      await this.advance(this.framePlan(), true);
      if (runId !== this.runId || !this.exp) return;
      // the frame is made before the wait, while the UI still draws the previous one: the snapshot's cost
      // (metrics, grids) overlaps the page's drawing instead of following it
      let built = await this.buildFrame(false);
      if (!built || runId !== this.runId) return;
      // one frame in flight: wait until the UI drew the previous one. Sleep rather than spin: a spinning
      // worker holds a core the browser's compositor needs (on 2 cores it cost ~10 painted frames a second)
      while (this.acked < this.frame && this.status === 'running' && runId === this.runId) await this.nextMessage();
      if (runId !== this.runId) return;
      // paused while waiting: the frame the user stops at carries every metric (and keeps the trace rows)
      if (this.status !== 'running' && !built.metrics) {
        const again = await this.buildFrame(false);
        if (!again || runId !== this.runId) return;
        again.snap.trace = [...(built.snap.trace ?? []), ...(again.snap.trace ?? [])];
        built = again;
      }
      this.sendFrame(built.snap);
      if (this.exp?.done && this.status === 'running') this.setStatus('done');
      await this.slowMotion(runId);
    }
  }

  /** run n iterations in time-boxed slices, yielding between them; checks for divergence afterwards */
  private async advance(n: number, interruptible: boolean): Promise<void> {
    const runId = this.runId;
    const start = this.host.now();
    let left = n;
    while (left > 0 && this.exp && !this.exp.done && runId === this.runId) {
      const phaseLeft = this.exp.phaseLeft?.() ?? Infinity;
      const toDue = this.lastMetricsIter + this.strideNow() - this.exp.iteration;
      const k = Math.min(left, this.sliceSteps, phaseLeft > 0 ? phaseLeft : Infinity, toDue > 0 ? toDue : Infinity);
      const t0 = this.host.now();
      try {
        this.exp.step(k);
      } catch (e) {
        return this.failOn(e, 'step');
      }
      const dt = this.host.now() - t0;
      // grow or shrink the slice so it takes about SLICE_MS (the UI stays responsive to pause/update)
      this.sliceSteps = Math.max(1, Math.round(dt < SLICE_MS / 2 ? k * 2 : dt > SLICE_MS * 2 ? k / 2 : k));
      left -= k;
      if (phaseLeft > 0 && phaseLeft <= k) {
        // the phase ended (a training phase, a finite run): its last state is drawn with every metric, and the
        // next phase gets its own metrics stride
        this.phaseEnded = true;
        this.startPhase();
        left = 0;
      }
      // a stride's metrics, due before the frame: taken now, sent with it (not at a phase end: the frame does that)
      if (!this.phaseEnded && this.exp.iteration - this.lastMetricsIter >= this.strideNow() && left > 0) {
        if (!(await this.recordMetrics())) return;
      }
      await this.host.yieldNow();
      if (interruptible && this.status !== 'running') break; // paused mid-frame
      if (interruptible && left > 0 && this.host.now() - start > FRAME_BUDGET_MS) break; // slow iterations: draw now
    }
    if (!this.exp || runId !== this.runId) return;
    // what diverged and what to change come from the experiment's watches (engine/divergence.ts)
    const bad = await divergence(this.exp);
    if (bad && runId === this.runId) {
      await this.emitFrame(false);
      this.status = 'diverged';
      this.host.emit({
        type: 'error', runId, fatal: false,
        message: `The run diverged at iteration ${this.exp.iteration}: ${bad}`,
        suggestion: 'Change that setting, then reset the run: a diverged state cannot go on.',
      });
      this.setStatus('diverged');
    }
  }

  private async emitFrame(forceGrids: boolean, metricsWanted: 'auto' | 'skip' | 'force' = 'auto'): Promise<void> {
    const built = await this.buildFrame(forceGrids, metricsWanted);
    if (built) this.sendFrame(built.snap);
  }

  /** the experiment's snapshot with the grids and metrics due now, and the trace since the last one */
  private async buildFrame(forceGrids: boolean, metricsWanted: 'auto' | 'skip' | 'force' = 'auto'): Promise<{ snap: Snapshot; metrics: boolean } | null> {
    if (!this.exp) return null;
    const runId = this.runId;
    const now = this.host.now();
    // the final frame of a finite run always carries fresh grids (a diffusion's density is at its last level)
    const grids = forceGrids || this.gridsDirty || this.exp.done || now - this.lastGridAt > GRID_EVERY_MS;
    // metrics always on a frame the user stops at (paused, single step, final samples)
    // and while running at most every METRICS_EVERY_MS, and never more than ~1/13 of the time: at large N
    // a metrics pass (distances to reference samples) costs far more than a step, and every pass makes the
    // page miss display frames (Samplers at N = 10 000: a 35-50 ms pass every 150 ms cost ~13 of 60 a second)
    // ...and at every phase end and every `strideNow()` iterations, so a fast run still charts every stretch
    const metricsGap = Math.max(METRICS_EVERY_MS, Math.min(12 * this.metricsCost, METRICS_MAX_GAP_MS));
    const due = this.phaseEnded || this.exp.iteration - this.lastMetricsIter >= this.strideNow();
    let metrics = metricsWanted === 'force' || (metricsWanted === 'auto' &&
      (forceGrids || due || this.status !== 'running' || this.exp.done || now - this.lastMetricsAt > metricsGap));
    // metrics taken at this very iteration between frames are this frame's: not computed twice
    const here = this.metricRows.at(-1)?.x === this.exp.iteration ? this.metricRows.pop()! : null;
    if (here) metrics = false;
    let snap: Snapshot;
    try {
      snap = await this.exp.snapshot({ grids, metrics });
      const trace = await this.exp.drainTrace?.();
      if (trace?.length) snap.trace = trace;
    } catch (e) {
      this.failOn(e, 'snapshot');
      return null;
    }
    if (runId !== this.runId) return null;
    if (metrics) {
      this.lastMetricsAt = now;
      this.metricsCost = this.host.now() - now;
      this.lastMetricsIter = this.exp.iteration;
      this.phaseEnded = false;
    }
    if (grids) {
      this.lastGridAt = now;
      this.gridsDirty = false;
    }
    if (here) {
      snap.metrics = { ...here.m, ...snap.metrics };
      metrics = true;
    }
    if (this.metricRows.length) {
      snap.rows = this.metricRows;
      this.metricRows = [];
    }
    return { snap, metrics };
  }

  /** costly metrics now, kept for the next frame; false when the run failed or was replaced meanwhile */
  private async recordMetrics(): Promise<boolean> {
    const exp = this.exp!;
    const runId = this.runId;
    const t0 = this.host.now();
    let snap: Snapshot;
    try {
      snap = await exp.snapshot({ grids: false, metrics: true });
    } catch (e) {
      this.failOn(e, 'snapshot');
      return false;
    }
    if (runId !== this.runId) return false;
    this.metricRows.push({ x: snap.iteration, m: snap.metrics });
    this.lastMetricsAt = t0;
    this.metricsCost = this.host.now() - t0;
    this.lastMetricsIter = exp.iteration;
    return true;
  }

  private sendFrame(snap: Snapshot): void {
    if (!this.exp) return;
    this.frame += 1;
    const status: RunStatus = this.exp.done && this.status === 'running' ? 'done' : this.status;
    const fresh = withFreshArrays(snap);
    this.host.emit({ type: 'frame', runId: this.runId, frame: this.frame, status, snapshot: fresh.snap }, fresh.transfer);
  }

  /** a promise that resolves at the next message handled (or status change) */
  /**
   * a lab's `delay` param (ms, the slow-motion control): a pause after each frame, cut short by a pause,
   * a step or a new run (any message wakes it to look)
   */
  private async slowMotion(runId: number): Promise<void> {
    const sleep = this.host.sleep;
    if (!sleep) return;
    const until = this.host.now() + Math.min(1000, Number(this.params.delay ?? 0) || 0);
    while (this.host.now() < until && this.status === 'running' && runId === this.runId) {
      await Promise.race([sleep(until - this.host.now()), this.nextMessage()]);
    }
  }

  private nextMessage(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private setStatus(status: RunStatus): void {
    this.status = status;
    this.poke();
    this.host.emit({ type: 'status', runId: this.runId, status, iteration: this.exp?.iteration ?? 0 });
  }

  /** a thrown error as the run's failure; after a GPU device loss every error is the loss's (describeError) */
  private failOn(e: unknown, where: Parameters<typeof describeError>[1]): void {
    this.fail(...describeError(e, where, this.host.backendLost?.()));
  }

  private fail(message: string, suggestion: string, fatal = false): void {
    this.status = 'error';
    this.host.emit({ type: 'error', runId: this.runId, message, suggestion, fatal });
    this.host.emit({ type: 'status', runId: this.runId, status: 'error', iteration: this.exp?.iteration ?? 0, message });
  }

  dispose(): void {
    this.exp?.dispose();
    this.exp = null;
    this.poke();
  }
}
