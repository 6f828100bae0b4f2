// The lab pages' keyboard shortcuts, in one table: whoever adds a key registers it here (presenter
// keys in present/LabKeys.tsx, tours register ArrowLeft/ArrowRight), and the `?` overlay lists the
// table, so the help can never miss a key. One window listener dispatches (installShortcuts).
//
// Why keys are ignored in some places: a shortcut must never steal a keystroke the user meant for
// a control. Typing in a text field, a select or a slider keeps every key; Space and Enter on a
// button, link or checkbox keep their native meaning; a modal dialog other than the help overlay
// takes the keyboard; modified keys (Ctrl, Alt, Meta) belong to the browser.

export interface Shortcut {
  /** KeyboardEvent.key: ' ', 's', '?', 'ArrowLeft' ... */
  key: string;
  /** how the key is shown in the help: 'Space', '←' */
  label: string;
  description: string;
  run(): void;
  /** optional group heading in the help overlay ('Run', 'Presenter', 'Tour') */
  group?: string;
}

type Listener = () => void;

const table = new Map<string, Shortcut[]>();
const listeners = new Set<Listener>();
// cached so React's useSyncExternalStore sees a stable snapshot between changes
let snapshot: readonly Shortcut[] = [];
const emit = () => {
  snapshot = [...table.values()].map((list) => list[list.length - 1]);
  listeners.forEach((f) => f());
};

/**
 * Add a shortcut; returns its removal. A later registration of the same key takes precedence until
 * it is removed (a tour's arrows over nothing, a nested page's keys over the page's).
 */
export function registerShortcut(s: Shortcut): () => void {
  const list = table.get(s.key) ?? [];
  table.set(s.key, [...list, s]);
  emit();
  return () => {
    const now = (table.get(s.key) ?? []).filter((x) => x !== s);
    if (now.length) table.set(s.key, now);
    else table.delete(s.key);
    emit();
  };
}

/** The active shortcut of every key, in registration order of the keys (what `?` shows); stable between changes. */
export function listShortcuts(): readonly Shortcut[] {
  return snapshot;
}

export function subscribeShortcuts(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The parts of an event target the filter reads (an Element in the browser, a plain object in tests). */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  target?: unknown;
  defaultPrevented?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

/** True when the key belongs to what has focus, not to the page. */
export function keyBelongsToTarget(e: KeyLike): boolean {
  const t = (e.target ?? null) as TargetLike | null;
  if (!t || typeof t.tagName !== 'string') return false;
  const tag = t.tagName.toUpperCase();
  if (t.isContentEditable) return true;
  if (TYPING_TAGS.has(tag)) {
    // a checkbox or radio keeps Space (it toggles), other keys are free for the page
    const kind = (t.type ?? '').toLowerCase();
    if (tag === 'INPUT' && (kind === 'checkbox' || kind === 'radio' || kind === 'button')) return e.key === ' ' || e.key === 'Enter';
    return true;
  }
  if (e.key === ' ' || e.key === 'Enter') return ACTIVATES.has(tag) || t.getAttribute?.('role') === 'button';
  return false;
}

/** Run the shortcut for this key if the page owns the key; true when one ran (the caller prevents the default). */
export function dispatchKey(e: KeyLike, modalOpen: boolean): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (modalOpen || keyBelongsToTarget(e)) return false;
  const list = table.get(e.key) ?? table.get(e.key.length === 1 ? e.key.toLowerCase() : e.key);
  const s = list?.[list.length - 1];
  if (!s) return false;
  // holding a key down must not toggle play twenty times a second
  if (e.repeat && !e.key.startsWith('Arrow')) return true;
  s.run();
  return true;
}

/** Listen on the window; a modal dialog (aria-modal) that is open takes the keyboard. Returns the removal. */
export function installShortcuts(win: Window = window): () => void {
  const onKey = (ev: KeyboardEvent) => {
    const modalOpen = win.document.querySelector('[aria-modal="true"]') !== null;
    if (dispatchKey(ev, modalOpen)) ev.preventDefault();
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
