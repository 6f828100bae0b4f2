// The React side of the store: components select the smallest slice they need, so a metrics append
// does not re-render the controls. High-rate frames never come through here (see frame-bus.ts).
import { useStore as useZustandStore } from 'zustand';
import { appStore, type AppState } from './store';

export function useStore<U>(selector: (s: AppState) => U): U {
  return useZustandStore(appStore, selector);
}
