// The B side of an A/B comparison: a second worker running the same lab from the same seed on the
// same backend, with A's params except the overrides. It has its own small store and frame bus, so
// A's path (store, bus, bridge, URL) is exactly what it is without a comparison. B follows A: every
// restart of A (reset, a setting that rebuilds the run) restarts B; play, pause and step are
// mirrored; a live edit reaches B as a live update; an edit that rebuilds B restarts both, so the
// two runs always share iteration 0 and the seed.
import type { LabId, LabSchema, ParamValue } from '../../labs/types';
import { LAB_SCHEMAS } from '../../labs/schemas';
import { WorkerBridge, defaultWorkerFactory, type WorkerLike } from '../bridge';
import { FrameBus } from '../frame-bus';
import { createAppStore, type AppState, type AppStore } from '../store';
import { bCommand, bParamsOf } from './overrides';
import { SharedRange } from './shared-range';

export interface CompareDeps {
  store: AppStore;
  bridge: Pick<WorkerBridge, 'reset' | 'onStep'>;
  bus: Pick<FrameBus, 'subscribe'>;
  factory?: () => WorkerLike;
}

let runs = 0;

export class CompareRun {
  /** tells one B run from the next (React keys: a new run brings a new frame bus) */
  readonly id = ++runs;
  /** B's run state, metric series and params (never mirrored to the URL) */
  readonly store: AppStore = createAppStore();
  readonly bus = new FrameBus();
  readonly bridge: WorkerBridge;
  /** one shared colour scale per main plane, by view id */
  readonly ranges = new Map<string, SharedRange>();
  readonly schema: LabSchema;
  private frameCount = 0;
  private seenRunId = NaN;
  private sent: Record<string, ParamValue> | null = null;
  private aPlaying: boolean;
  private aBackend: string;
  private offs: (() => void)[] = [];
  private started = false;

  constructor(
    readonly lab: LabId,
    private readonly a: CompareDeps,
  ) {
    this.schema = LAB_SCHEMAS[lab]!;
    for (const v of this.schema.views) if (v.kind === 'plane') this.ranges.set(v.id, new SharedRange(v.layers));
    this.bridge = new WorkerBridge(a.factory ?? defaultWorkerFactory, this.store, { bus: this.bus });
    const s = a.store.getState();
    this.aPlaying = s.playing;
    this.aBackend = s.requestedBackend;
    this.store.setState({ route: 'lab', lab, params: bParamsOf(this.schema, s.params, s.ui.compare ?? {}), playing: s.playing });
    // the backend A actually runs on, once known: a fallback already paid for is not paid twice
    this.bridge.start(s.backend ?? s.requestedBackend);
    this.offs.push(
      a.bus.subscribe((snap) => this.ranges.forEach((r) => r.offer('a', snap))),
      this.bus.subscribe((snap) => {
        this.frameCount++;
        this.ranges.forEach((r) => r.offer('b', snap));
      }),
      a.bridge.onStep((n) => this.bridge.step(n)),
      a.store.subscribe((st) => this.follow(st)),
    );
  }

  /**
   * Both runs start at iteration 0 from the seed: A restarts, and B is configured on A's new run.
   * That waits for B's worker to be up (its backend takes a second or two to load), so the two runs
   * start together rather than B trailing A by the boot time; A keeps running meanwhile.
   */
  start(): void {
    const go = () => {
      this.started = true;
      this.a.bridge.reset();
      if (this.sent === null) this.follow(this.a.store.getState());
    };
    if (this.store.getState().status !== 'starting') return go();
    const off = this.store.subscribe((s) => {
      if (s.status === 'starting' || this.started) return;
      off();
      go();
    });
    this.offs.push(off);
  }

  /** frames B has drawn (tests and the debug handle read it) */
  frames(): number {
    return this.frameCount;
  }

  params(): Record<string, ParamValue> {
    return this.store.getState().params;
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.bridge.dispose();
    this.bus.clear();
  }

  private follow(s: AppState): void {
    if (!this.started) return;
    if (s.route !== 'lab' || s.lab !== this.lab || !s.ui.compare) return;
    const next = bParamsOf(this.schema, s.params, s.ui.compare);
    if (s.requestedBackend !== this.aBackend) {
      this.aBackend = s.requestedBackend;
      this.bridge.start(s.requestedBackend);
    }
    if (s.runId !== this.seenRunId) {
      // A started a new run (reset, a rebuild, a new link): B starts its own from the same seed
      this.seenRunId = s.runId;
      this.configure(next, s.playing);
    } else if (this.sent) {
      const cmd = bCommand(this.schema, this.sent, next);
      if (cmd.kind === 'update') {
        this.sent = next;
        this.store.setState({ params: next });
        this.bridge.update(cmd.patch);
      } else if (cmd.kind === 'restart') {
        // A's reset bumps its runId, and the nested call of this method configures B on the new
        // run; `sent` first, so that nested call does not see the same restart again
        const id = this.seenRunId;
        this.sent = next;
        this.a.bridge.reset();
        if (this.seenRunId === id) this.configure(next, s.playing);
      }
    }
    if (s.playing !== this.aPlaying) {
      this.aPlaying = s.playing;
      // A reaching its end (or diverging) is not a pause: B may still have iterations to go
      const finished = s.status === 'done' || s.status === 'diverged';
      if (s.playing) this.bridge.play();
      else if (!finished) this.bridge.pause();
    }
  }

  private configure(params: Record<string, ParamValue>, play: boolean): void {
    this.sent = params;
    this.store.setState({ params });
    this.bridge.configure(this.lab, params, play);
  }
}
