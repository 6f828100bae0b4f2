// The A/B comparison's part of window.__playground: e2e tests and curious researchers read B's run
// (its store, params and frame count) without scraping pixels.
import type { CompareSession } from '../../state/compare/compare-session';
import type { AppStore } from '../../state/store';

export interface CompareHandle {
  /** a B run exists (so a second worker is running) */
  active(): boolean;
  /** B's store: params, run status, iteration, metric series */
  store(): AppStore | null;
  /** frames B has published since its run began */
  frames(): number;
  /** the shared colour range of a main plane (by view id), null when unknown or no comparison */
  range(viewId: string): readonly [number, number] | null;
}

export function compareHandle(session: () => CompareSession | null): CompareHandle {
  const run = () => session()?.current() ?? null;
  return {
    active: () => run() !== null,
    store: () => run()?.store ?? null,
    frames: () => run()?.frames() ?? 0,
    range: (id) => run()?.ranges.get(id)?.get() ?? null,
  };
}
