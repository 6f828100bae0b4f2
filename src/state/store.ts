// One zustand store made of slices (zustand's slices pattern). Vanilla, so the bridge, the URL sync and
// Node tests use it without React; the React hook lives in use-store.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createMetricsSlice, type MetricsSlice } from './slices/metrics';
import { createParamsSlice, type ParamsSlice } from './slices/params';
import { createRunSlice, type RunSlice } from './slices/run';
import { createViewSlice, type ViewSlice } from './slices/view';

export type AppState = ParamsSlice & RunSlice & MetricsSlice & ViewSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store (tests make one each; the app uses `appStore`). */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createParamsSlice(...a),
    ...createRunSlice(...a),
    ...createMetricsSlice(...a),
    ...createViewSlice(...a),
  }));
}

export const appStore: AppStore = createAppStore();

export type { ParamsSlice, ParamChange } from './slices/params';
export type { RunSlice, RunFields, Fallback } from './slices/run';
export type { MetricsSlice, Series } from './slices/metrics';
export type { ViewSlice } from './slices/view';
