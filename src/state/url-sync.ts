// Mirrors the shareable state to the URL hash and back. Writes are debounced (250 ms) and use
// history.replaceState, so dragging a slider neither floods the history nor fires `hashchange`;
// a pasted link does fire `hashchange`, and is read like a fresh load. The browser objects are
// injected so the logic is tested in Node.
import type { AppState, AppStore } from './store';
import { formatHash, parseHash, type ParsedHash } from '../labs/codec/url-codec';
import { formatGalleryHash, type GalleryFilter } from '../labs/codec/gallery-filter';

export interface LocationLike {
  readonly hash: string;
}
export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}
export interface EventTargetLike {
  addEventListener(type: 'hashchange', fn: () => void): void;
  removeEventListener(type: 'hashchange', fn: () => void): void;
}
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const URL_WRITE_DELAY_MS = 250;

/** The hash the state should have, or null when the URL should be left alone (an unknown page). */
export function hashOfState(s: Pick<AppState, 'route' | 'lab' | 'params' | 'requestedBackend'> & Partial<Pick<AppState, 'ui'>>): string | null {
  if (s.route === 'landing') return '#/';
  if (s.route === 'gallery') return formatGalleryHash(s.params as GalleryFilter);
  if (s.route === 'lab' && s.lab) return formatHash(s.lab, s.params, { backend: s.requestedBackend, ui: s.ui });
  return null;
}

/** Read a hash into the store: route, lab, params, backend and the notices to show. */
export function applyHash(store: AppStore, hash: string): ParsedHash {
  const parsed = parseHash(hash);
  store.getState().loadParsed(parsed);
  store.getState().setRun({ requestedBackend: parsed.backend ?? 'auto' });
  return parsed;
}

const sameHash = (a: string, b: string): boolean => {
  const norm = (h: string) => (h === '' || h === '#' ? '#/' : h);
  return norm(a) === norm(b);
};

export interface UrlSyncDeps {
  store: AppStore;
  location: LocationLike;
  history: HistoryLike;
  target: EventTargetLike;
  timers?: Timers;
  delayMs?: number;
}

/** Start mirroring; returns a stop function. Reads the current hash first. */
export function startUrlSync(deps: UrlSyncDeps): () => void {
  const { store, location, history, target } = deps;
  const timers: Timers = deps.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as number) };
  const delay = deps.delayMs ?? URL_WRITE_DELAY_MS;
  let pending: unknown = null;

  const write = () => {
    pending = null;
    const next = hashOfState(store.getState());
    // the bare page stays bare: no '#/' is added to a URL that has no hash
    if (next !== null && !sameHash(next, location.hash)) history.replaceState(null, '', next);
  };
  const schedule = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(write, delay);
  };

  applyHash(store, location.hash);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.route !== prev.route || s.lab !== prev.lab || s.params !== prev.params || s.ui !== prev.ui || s.requestedBackend !== prev.requestedBackend) schedule();
  });
  const onHashChange = () => {
    // a link pasted into the address bar: the URL is the source of truth now
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    applyHash(store, location.hash);
  };
  target.addEventListener('hashchange', onHashChange);
  schedule(); // canonicalize the link we were opened with (resolved preset, corrected values)

  return () => {
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
}
