// Runs presets headlessly for the gallery's thumbnails, on a compute worker of its own so the main
// run is never disturbed. It speaks the ordinary worker protocol (init on WASM, configure playing,
// ack frames, pause at the preset's steps or the time budget): no message exists only for thumbnails.
import type { LabId, ParamValue } from '../labs/types';
import type { FromWorker } from '../protocol/messages';
import type { Snapshot } from '../protocol/snapshot';
import { defaultWorkerFactory, type WorkerLike } from './bridge';

export interface ThumbJob {
  lab: LabId;
  params: Record<string, ParamValue>;
  /** the preset's recommended iterations: the run stops there or at the time budget */
  steps: number;
  /** wall-clock budget for stepping (ms); a thumbnail is a glimpse, not a converged run */
  budgetMs: number;
}

export interface ThumbRun {
  snapshot: Snapshot;
  /** the run stopped because it diverged (the snapshot shows where) */
  diverged: boolean;
}

/** iterations per frame at most: finite runs must not overshoot their end by much */
const MAX_SPEED = 100;
/** no message for this long: the worker is stuck; give it up */
const SILENCE_MS = 45_000;

export class ThumbnailRunner {
  private worker: WorkerLike | null = null;
  private ready: Promise<void> | null = null;
  private runId = 0;
  /** the run in progress hears its messages here */
  private handler: ((m: FromWorker) => void) | null = null;

  constructor(
    private readonly factory: () => WorkerLike = defaultWorkerFactory,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async run(job: ThumbJob): Promise<ThumbRun> {
    await this.start();
    const runId = ++this.runId;
    // playing (not `step`) lets the engine refresh grid fields a few times a second instead of
    // every step; the first frame at or past the preset's steps (or the budget) is the picture
    const speed = Math.max(1, Math.min(MAX_SPEED, Math.round(job.steps / 30)));
    return new Promise<ThumbRun>((resolve, reject) => {
      let t0 = -1;
      let last: Snapshot | null = null;
      let diverged = false;
      let timer = setTimeout(() => {}, 0);
      let budget: ReturnType<typeof setTimeout> | undefined;
      let stopping = false;
      const finish = (r: ThumbRun | Error) => {
        clearTimeout(timer);
        clearTimeout(budget);
        this.handler = null;
        if (this.runId === runId) this.post({ type: 'pause', runId });
        if (r instanceof Error) reject(r);
        else resolve(r);
      };
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (last) return finish({ snapshot: last, diverged });
          finish(new Error('the preset did not produce a picture in 45 s'));
          this.dispose();
        }, SILENCE_MS);
      };
      this.handler = (m) => {
        watch();
        if (m.type === 'frame') {
          last = m.snapshot;
          if (t0 < 0) {
            // the budget counts from the first frame (building may train a net). A frame comes only
            // after `speed` iterations, so a slow preset is paused by the clock: the engine stops
            // between slices and sends the frame it has
            t0 = this.now();
            budget = setTimeout(() => {
              stopping = true;
              this.post({ type: 'pause', runId });
            }, job.budgetMs);
          }
          const end = stopping || m.status === 'done' || m.status === 'diverged' || last.iteration >= job.steps || this.now() - t0 >= job.budgetMs;
          if (end) finish({ snapshot: last, diverged: diverged || m.status === 'diverged' });
        } else if (m.type === 'status') {
          if (m.status === 'diverged') diverged = true;
          if ((m.status === 'done' || m.status === 'diverged') && last) finish({ snapshot: last, diverged });
        } else if (m.type === 'error') {
          // a diverged run still has a picture: the frame before it stopped (the status follows)
          if (/diverged/i.test(m.message) && last) diverged = true;
          else finish(new Error(m.message));
        }
      };
      watch();
      this.post({ type: 'configure', runId, lab: job.lab, params: { ...job.params, speed }, play: true });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    const h = this.handler;
    this.handler = null;
    h?.({ type: 'error', message: 'the thumbnail worker was stopped', fatal: true });
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const w = this.factory();
    this.worker = w;
    this.ready = new Promise<void>((resolve, reject) => {
      w.addEventListener('message', (ev) => {
        const m = (ev as MessageEvent<FromWorker>).data;
        if (m.type === 'ready') resolve();
        else if (m.type === 'error' && m.runId === undefined) reject(new Error(m.message));
        this.onMessage(m);
      });
      w.addEventListener('error', (ev) => {
        const e = new Error((ev as ErrorEvent).message || 'the thumbnail worker crashed');
        reject(e);
        this.handler?.({ type: 'error', message: e.message, fatal: true });
        this.dispose();
      });
    });
    // thumbnails must not compete with the main run for the GPU, and WASM replays bit for bit
    w.postMessage({ type: 'init', backend: 'wasm' });
    this.ready.catch(() => this.dispose());
    return this.ready;
  }

  private post(msg: Parameters<WorkerLike['postMessage']>[0]): void {
    this.worker?.postMessage(msg);
  }

  private onMessage(m: FromWorker): void {
    if (!('runId' in m) || m.runId === undefined || m.runId !== this.runId) return;
    // acknowledged at once: the engine sends the next frame only after the last one was "drawn"
    if (m.type === 'frame' && this.handler) this.post({ type: 'ack', runId: m.runId, frame: m.frame });
    this.handler?.(m);
  }
}
