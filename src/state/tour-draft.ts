// The tour being authored: a small external store (React reads it with useSyncExternalStore) kept in
// localStorage, so an author can wander between labs adding steps and find the draft after a reload.
// It is not in the app store: it is neither shareable state nor part of any run until it is packed
// into a link.
import { TOUR_LIMITS, type Tour, type TourStep } from '../labs/codec/tour-codec';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const DRAFT_KEY = 'playground.tourDraft.v1';
const EMPTY: Tour = { title: 'My tour', steps: [] };

export class TourDraft {
  private tour: Tour;
  private listeners = new Set<() => void>();

  constructor(private storage: StorageLike | null) {
    this.tour = this.load();
  }

  get = (): Tour => this.tour;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  replace(tour: Tour): void {
    this.set({ title: tour.title.slice(0, TOUR_LIMITS.title), steps: tour.steps.slice(0, TOUR_LIMITS.steps).map((s) => ({ ...s })) });
  }

  setTitle(title: string): void {
    this.set({ ...this.tour, title: title.slice(0, TOUR_LIMITS.title) });
  }

  /** false when the tour is already at its step limit */
  add(step: TourStep): boolean {
    if (this.tour.steps.length >= TOUR_LIMITS.steps) return false;
    this.set({ ...this.tour, steps: [...this.tour.steps, step] });
    return true;
  }

  edit(i: number, patch: Partial<TourStep>): void {
    const cap = (k: keyof TourStep, v: string) => v.slice(0, TOUR_LIMITS[k]);
    const steps = this.tour.steps.map((s, j) => (j === i ? { link: cap('link', patch.link ?? s.link), caption: cap('caption', patch.caption ?? s.caption), lookFor: cap('lookFor', patch.lookFor ?? s.lookFor) } : s));
    this.set({ ...this.tour, steps });
  }

  move(i: number, by: -1 | 1): void {
    const j = i + by;
    if (i < 0 || j < 0 || i >= this.tour.steps.length || j >= this.tour.steps.length) return;
    const steps = [...this.tour.steps];
    [steps[i], steps[j]] = [steps[j], steps[i]];
    this.set({ ...this.tour, steps });
  }

  remove(i: number): void {
    this.set({ ...this.tour, steps: this.tour.steps.filter((_, j) => j !== i) });
  }

  clear(): void {
    this.set({ ...EMPTY });
  }

  private set(tour: Tour): void {
    this.tour = tour;
    try {
      this.storage?.setItem(DRAFT_KEY, JSON.stringify(tour));
    } catch {
      // storage full or blocked (private mode): the draft still works for this page's life
    }
    for (const fn of this.listeners) fn();
  }

  private load(): Tour {
    try {
      const raw = this.storage?.getItem(DRAFT_KEY);
      if (!raw) return { ...EMPTY };
      const o = JSON.parse(raw) as Tour;
      const ok = typeof o.title === 'string' && Array.isArray(o.steps) && o.steps.every((s) => typeof s?.link === 'string' && typeof s.caption === 'string' && typeof s.lookFor === 'string');
      return ok ? { title: o.title, steps: o.steps.slice(0, TOUR_LIMITS.steps) } : { ...EMPTY };
    } catch {
      return { ...EMPTY };
    }
  }
}

const browserStorage = (): StorageLike | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

export const tourDraft = new TourDraft(browserStorage());
