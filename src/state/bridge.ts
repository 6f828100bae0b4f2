// The UI thread's side of the worker protocol. It owns the compute worker (and is the only code that
// creates one), keeps the run's config so it can be replayed, drops stale messages, sends frames to
// the frame bus (never through React), and moves to the next backend when one fails.
import { rememberBackend, rememberedBackend } from './backend-memory';
import type { LabId, ParamValue } from '../labs/types';
import type { BackendName, BackendRequest, FromWorker, ToWorker, WeightsMsg } from '../protocol/messages';
import type { TraceRow } from '../protocol/snapshot';
import type { FormulaCheck, FormulaDraft } from '../core/targets/formula/check';
import { LAB_SCHEMAS } from '../labs/schemas';
import { frameBus as defaultBus, type FrameBus } from './frame-bus';
import type { AppStore } from './store';

/** The part of `Worker` the bridge uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  addEventListener(type: 'message' | 'error', listener: (ev: Event) => void): void;
  terminate(): void;
}

/** Fallback order when a backend fails (ARCHITECTURE.md: WebGPU, then WebGL, WASM, CPU). */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/**
 * metrics reach the store (and so React) at most this often: metric charts redraw their SVG axes on every
 * append, and four times a second reads as live and keeps the main thread free. Nothing is dropped: the
 * frames' metrics and trace rows in between are buffered and appended together.
 */
export const METRICS_INTERVAL_MS = 250;

function withoutTraced(r: TraceRow, traced: ReadonlySet<string>): TraceRow {
  const m: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.m)) if (!traced.has(k)) m[k] = v;
  return { x: r.x, m };
}

/** the run length a chart should cover: the preset's recommended steps, else the lab's */
export function horizonOf(lab: LabId, preset: string | null): number | undefined {
  const schema = LAB_SCHEMAS[lab];
  if (!schema) return undefined;
  const p = preset ? schema.presets.find((x) => x.id === preset) : undefined;
  return p?.steps ?? schema.defaultSteps;
}

const BACKEND_LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'the CPU' };

/**
 * The notice after a backend failed and the run moved to `next`: a lost GPU device says so in its own words
 * ("The GPU device was lost (…); continuing on WebGL"), other failures name the backend and the reason.
 */
export function fallbackNotice(failed: BackendName, reason: string, next: BackendName, suggestion?: string): { message: string; suggestion: string | null } {
  if (/^The GPU device was lost/.test(reason)) {
    return { message: `${reason.replace(/\.$/, '')}; continuing on ${BACKEND_LABEL[next]}.`, suggestion: 'The run restarted from the link\'s settings.' };
  }
  return { message: `${failed} failed (${reason}); restarted on ${next}.`, suggestion: suggestion ?? null };
}

export interface BridgeOptions {
  bus?: FrameBus;
  now?: () => number;
}

export function defaultWorkerFactory(): WorkerLike {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
}

interface RunConfig {
  lab: LabId;
  params: Record<string, ParamValue>;
}

export class WorkerBridge {
  private worker: WorkerLike | null = null;
  private runId = 0;
  private config: RunConfig | null = null;
  private requested: BackendRequest = 'auto';
  private forced: BackendName | null = null;
  private failed = new Set<BackendName>();
  private lastMetricsAt = -Infinity;
  /** metric points not yet in the store (flushed every METRICS_INTERVAL_MS and on a final frame) */
  private pending: TraceRow[] = [];
  /** the latest frame's iteration and info, shown with the next flush */
  private pendingRun: { iteration: number; info: Record<string, string> } | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** keys this run records in its trace (every iteration): a frame's own value of them would be a duplicate */
  private traced = new Set<string>();
  private weightsWaiter: ((w: WeightsMsg) => void) | null = null;
  private memoryId = 0;
  private formulaWaiters = new Map<number, (c: FormulaCheck) => void>();
  private memoryWaiters = new Map<number, (m: { backend: string; numTensors: number; numBytes: number }) => void>();
  private stepHooks = new Set<(n: number) => void>();
  /** the current worker said `ready` (until then the status stays 'starting') */
  private ready = false;
  private readonly bus: FrameBus;
  private readonly now: () => number;

  constructor(
    private readonly factory: () => WorkerLike = defaultWorkerFactory,
    private readonly store: AppStore,
    opts: BridgeOptions = {},
  ) {
    this.bus = opts.bus ?? defaultBus;
    this.now = opts.now ?? (() => performance.now());
  }

  get currentRunId(): number {
    return this.runId;
  }

  /** Start (or restart) the worker on a backend; a run configured before stays configured. */
  start(backend: BackendRequest): void {
    this.requested = backend;
    this.forced = null;
    this.failed.clear();
    this.store.getState().setRun({ requestedBackend: backend, fallbacks: [] });
    this.spawn(backend);
  }

  configure(lab: LabId, params: Record<string, ParamValue>, play: boolean): void {
    this.config = { lab, params: { ...params } };
    this.runId++;
    this.lastMetricsAt = -Infinity;
    this.dropPending();
    this.traced.clear();
    const s = this.store.getState();
    s.clearMetrics();
    const status = !this.ready ? 'starting' : play ? 'running' : 'paused';
    s.setRun({ runId: this.runId, iteration: 0, playing: play, status, message: null, suggestion: null, info: {} });
    this.bus.clear();
    this.post({ type: 'configure', runId: this.runId, lab, params: this.config.params, play, horizon: horizonOf(lab, s.preset) });
  }

  /** Play; on a finished (or diverged) run, run it again from its seed. */
  play(): void {
    const s = this.store.getState();
    if ((s.status === 'done' || s.status === 'diverged') && this.config) {
      this.configure(this.config.lab, this.config.params, true);
      return;
    }
    s.setRun({ playing: true });
    this.post({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.store.getState().setRun({ playing: false });
    this.post({ type: 'pause', runId: this.runId });
  }

  step(n: number): void {
    this.post({ type: 'step', runId: this.runId, n });
    for (const fn of this.stepHooks) fn(n);
  }

  /** Also step another run whenever this one steps (an A/B comparison's B); returns an unsubscribe. */
  onStep(fn: (n: number) => void): () => void {
    this.stepHooks.add(fn);
    return () => this.stepHooks.delete(fn);
  }

  /** Live change; the config keeps it so a backend restart resumes with the latest values. */
  update(patch: Record<string, ParamValue>): void {
    if (this.config) this.config.params = { ...this.config.params, ...patch };
    this.post({ type: 'update', runId: this.runId, patch });
  }

  /** Back to iteration 0 with the same params; playing stays as it was. */
  reset(): void {
    if (this.config) this.configure(this.config.lab, this.config.params, this.store.getState().playing);
  }

  /** the current experiment's trained weights (resolves on the worker's answer) */
  getWeights(): Promise<WeightsMsg> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.weightsWaiter = null;
        reject(new Error('the worker did not answer'));
      }, 30000);
      this.weightsWaiter = (w) => {
        clearTimeout(t);
        resolve(w);
      };
      this.post({ type: 'getWeights', runId: this.runId });
    });
  }

  setWeights(weights: WeightsMsg): void {
    this.post({ type: 'setWeights', runId: this.runId, weights });
  }

  /** test hook: make the worker report its backend as failed (see protocol `simulateFailure`) */
  simulateFailure(): void {
    this.worker?.postMessage({ type: 'simulateFailure' });
  }

  /** test hook: the worker destroys its real WebGPU device; the loss then takes the same path as any failure */
  destroyDevice(): void {
    this.worker?.postMessage({ type: 'destroyDevice' });
  }

  /** the worker's check of a formula draft (core/targets/formula/check.ts); rejects when there is no worker or it does not answer */
  checkFormula(draft: FormulaDraft): Promise<FormulaCheck> {
    return this.ask(this.formulaWaiters, (id) => ({ type: 'checkFormula', id, draft }), true);
  }

  /** debug: the worker's tfjs tensor count and bytes (the soak samples them); rejects if the worker does not answer */
  memory(): Promise<{ backend: string; numTensors: number; numBytes: number }> {
    return this.ask(this.memoryWaiters, (id) => ({ type: 'memory', id }), false);
  }

  /** a question to the worker answered by a message with the same id (within 30 s) */
  private ask<T>(waiters: Map<number, (v: T) => void>, msg: (id: number) => ToWorker, needWorker: boolean): Promise<T> {
    const id = ++this.memoryId;
    return new Promise((resolve, reject) => {
      if (needWorker && !this.worker) return reject(new Error('no worker'));
      const t = setTimeout(() => {
        waiters.delete(id);
        reject(new Error('the worker did not answer'));
      }, 30000);
      waiters.set(id, (v) => {
        clearTimeout(t);
        resolve(v);
      });
      this.post(msg(id));
    });
  }

  dispose(): void {
    this.dropPending();
    this.worker?.terminate();
    this.worker = null;
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private spawn(backend: BackendRequest): void {
    this.worker?.terminate();
    const w = this.factory();
    this.worker = w;
    this.ready = false;
    // events from a worker we already replaced are ignored
    w.addEventListener('message', (ev) => { if (w === this.worker) this.onMessage((ev as MessageEvent<FromWorker>).data); });
    w.addEventListener('error', (ev) => { if (w === this.worker) this.fail(undefined, (ev as ErrorEvent).message || 'the worker crashed'); });
    this.store.getState().setRun({ status: 'starting', backend: null, adapter: '' });
    // `skip`: backends that already failed in this session; the worker falls through the rest in order
    // auto: the figures measured earlier on this device, if any (backend-memory.ts), and the lab to choose for
    const remembered = backend === 'auto' ? rememberedBackend()?.measured : undefined;
    const lab = this.config?.lab ?? this.store.getState().lab ?? undefined;
    w.postMessage({ type: 'init', backend, skip: [...this.failed], remembered, ...(lab ? { lab } : {}) });
    if (this.config) this.configure(this.config.lab, this.config.params, this.store.getState().playing);
  }

  /**
   * Ack a frame (the worker sends the next one only then) at the next animation frame: the worker then
   * delivers at most one frame per display frame instead of ~100/s, whose copies and handlers took the
   * main thread's time away from painting. A 100 ms timer covers a page without animation frames.
   */
  private ackSoon(runId: number, frame: number): void {
    let sent = false;
    const ack = () => {
      if (sent) return;
      sent = true;
      this.post({ type: 'ack', runId, frame });
    };
    const raf = (globalThis as { requestAnimationFrame?: (fn: () => void) => number }).requestAnimationFrame;
    if (!raf) return ack();
    raf(ack);
    setTimeout(ack, 100);
  }

  private onMessage(msg: FromWorker): void {
    const s = this.store.getState();
    if ('runId' in msg && msg.runId !== undefined && msg.runId !== this.runId) return; // stale run
    switch (msg.type) {
      case 'ready': {
        const wasReady = this.ready;
        this.forced = msg.backend;
        this.ready = true;
        for (const f of msg.fallbackFrom ?? []) {
          this.failed.add(f.backend);
          s.addFallback(f);
        }
        if (msg.measured?.length) rememberBackend(msg.measured);
        s.setRun({
          backend: msg.backend, adapter: msg.adapter, threads: msg.threads ?? '', measured: msg.measured ?? [], estimates: msg.estimates ?? [],
          // a second `ready` (auto moving a new lab to another backend) leaves the run's status alone
          ...(wasReady ? {} : { status: this.config ? (s.playing ? 'running' : 'paused') : 'idle' }),
        });
        return;
      }
      case 'frame': {
        this.bus.publish(msg.snapshot, msg.frame);
        this.ackSoon(msg.runId, msg.frame);
        this.collect(msg.snapshot);
        const t = this.now();
        const final = msg.status !== 'running';
        if (final || t - this.lastMetricsAt >= METRICS_INTERVAL_MS) this.flush();
        else this.flushLater();
        if (msg.status !== s.status) s.setRun({ status: msg.status });
        return;
      }
      case 'status':
        // a finished run keeps `playing` (the user's intent): the next configuration starts at once
        s.setRun({ status: msg.status, iteration: msg.iteration, ...(msg.message ? { message: msg.message } : {}) });
        return;
      case 'weights':
        this.weightsWaiter?.(msg.weights);
        this.weightsWaiter = null;
        return;
      case 'formulaChecked':
        this.formulaWaiters.get(msg.id)?.(msg.check);
        this.formulaWaiters.delete(msg.id);
        return;
      case 'memory':
        this.memoryWaiters.get(msg.id)?.({ backend: msg.backend, numTensors: msg.numTensors, numBytes: msg.numBytes });
        this.memoryWaiters.delete(msg.id);
        return;
      case 'needsReset':
        if (this.config) this.configure(this.config.lab, this.config.params, s.playing);
        return;
      case 'error':
        if (msg.fatal) this.fail(msg.backend, msg.message, msg.suggestion);
        else s.setRun({ status: 'error', message: msg.message, suggestion: msg.suggestion ?? null });
        return;
    }
  }

  /** a frame's trace rows (every iteration since the last frame), then its own metrics at its iteration */
  private collect(snap: { iteration: number; metrics: Record<string, number>; info: Record<string, string>; trace?: TraceRow[]; rows?: TraceRow[] }): void {
    for (const r of snap.trace ?? []) {
      for (const k in r.m) this.traced.add(k);
      this.pending.push(r);
    }
    // metrics taken between frames: their traced keys are the trace's, as for the frame's own
    for (const r of snap.rows ?? []) this.pending.push(withoutTraced(r, this.traced));
    const own: Record<string, number> = {};
    let any = false;
    for (const [k, v] of Object.entries(snap.metrics)) if (!this.traced.has(k)) { own[k] = v; any = true; }
    if (any) this.pending.push({ x: snap.iteration, m: own });
    this.pendingRun = { iteration: snap.iteration, info: snap.info };
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.lastMetricsAt = this.now();
    const s = this.store.getState();
    if (this.pending.length) s.appendRows(this.pending);
    this.pending = [];
    if (this.pendingRun) s.setRun(this.pendingRun);
    this.pendingRun = null;
  }

  /** the last frames before a pause in the stream (a slow iteration) still reach the charts */
  private flushLater(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, METRICS_INTERVAL_MS);
  }

  private dropPending(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.pendingRun = null;
  }

  /** A backend failed: record it and restart on the next one in BACKEND_ORDER. */
  private fail(backend: BackendName | undefined, reason: string, suggestion?: string): void {
    const s = this.store.getState();
    const failed = backend ?? s.backend ?? this.forced ?? (this.requested === 'auto' ? BACKEND_ORDER[0] : this.requested);
    this.failed.add(failed);
    s.addFallback({ backend: failed, reason });
    const from = BACKEND_ORDER.indexOf(failed);
    const next = BACKEND_ORDER.find((b, i) => i > from && !this.failed.has(b));
    if (!next) {
      this.dispose();
      s.setRun({ status: 'error', message: `No backend could run this: ${reason}`, suggestion: suggestion ?? 'Reload the page, or try another browser.' });
      return;
    }
    this.forced = next;
    this.spawn(next);
    // after spawn: its configure clears the message, and this one should stay visible
    s.setRun(fallbackNotice(failed, reason, next, suggestion));
  }
}
