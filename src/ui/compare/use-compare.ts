// React access to the A/B comparison's B run: which run is current (null without `ab=1`), and
// selections from B's own store, shaped like useStore's so components read A and B the same way.
import { useSyncExternalStore } from 'react';
import { useStore as useZustandStore } from 'zustand';
import type { CompareRun } from '../../state/compare/compare-run';
import { useShallow } from 'zustand/react/shallow';
import { createAppStore, type AppState, type Series } from '../../state/store';
import { compareSession } from '../boot';

const noop = () => () => undefined;
// selectors need a store even when no comparison runs; this one never changes
const idle = createAppStore();

export function useCompareRun(): CompareRun | null {
  const session = compareSession();
  return useSyncExternalStore(session?.subscribe ?? noop, () => session?.current() ?? null);
}

/** A selection from B's store (from an idle store when no comparison runs). */
export function useBStore<U>(run: CompareRun | null, selector: (s: AppState) => U): U {
  return useZustandStore(run?.store ?? idle, selector);
}

/** B's metric series for one chart's keys; undefined without a comparison (the chart draws A only). */
export function useCompareSeries(keys: readonly string[]): Record<string, Series | undefined> | undefined {
  const run = useCompareRun();
  const mine = useBStore(run, useShallow((s) => Object.fromEntries(keys.map((k) => [k, s.series[k]]))));
  return run ? mine : undefined;
}
