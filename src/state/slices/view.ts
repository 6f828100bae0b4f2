// Per-session view state that is not in the URL. Layer toggles are params (they are in the URL);
// the zoom box is not, because a link should open on the lab's own box.
import type { StateCreator } from 'zustand/vanilla';
import type { Box } from '../../core/types';
import type { AppState } from '../store';

export interface ViewSlice {
  /** null: the box the experiment's snapshot proposes */
  zoom: Box | null;
  setZoom(box: Box | null): void;
}

/** Pure: a valid zoom box (finite, non-empty), or null to go back to the lab's box. */
export function normalizeBox(b: Box | null): Box | null {
  if (!b) return null;
  const ok = [b.xmin, b.xmax, b.ymin, b.ymax].every(Number.isFinite) && b.xmax > b.xmin && b.ymax > b.ymin;
  return ok ? { ...b } : null;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  zoom: null,
  setZoom: (box) => set({ zoom: normalizeBox(box) }),
});
