// Starts and stops the B run as the link's `ab=1` comes and goes: no comparison, no second worker.
// A link to another lab with `ab=1` replaces the B run (its plots and colour scales are the lab's).
// The UI reads the current run through subscribe/current (React's useSyncExternalStore).
import type { AppState } from '../store';
import { CompareRun, type CompareDeps } from './compare-run';

export class CompareSession {
  private run: CompareRun | null = null;
  private listeners = new Set<() => void>();
  private off: () => void;

  constructor(private readonly deps: CompareDeps) {
    this.off = deps.store.subscribe((s) => this.sync(s));
    this.sync(deps.store.getState());
  }

  current(): CompareRun | null {
    return this.run;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): CompareRun | null => this.run;

  dispose(): void {
    this.off();
    this.replace(null);
  }

  private sync(s: AppState): void {
    const lab = s.route === 'lab' && s.ui.compare ? s.lab : null;
    if (lab === (this.run?.lab ?? null)) return;
    this.replace(null);
    if (!lab) return;
    // published before it starts: starting restarts A, and that store change comes back through here
    const run = new CompareRun(lab, this.deps);
    this.replace(run);
    run.start();
  }

  private replace(run: CompareRun | null): void {
    if (this.run === run) return;
    this.run?.dispose();
    this.run = run;
    for (const fn of this.listeners) fn();
  }
}
