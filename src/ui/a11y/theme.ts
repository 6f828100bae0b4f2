// Light and dark themes. The system preference (prefers-color-scheme) decides until the user picks
// one with the top-bar toggle; that pick is stored per browser in localStorage and deliberately kept
// out of the share link: a theme is about the viewer's screen and eyes (a dark room, a projector),
// not about the experiment, so a link opened by a class must not force the sender's theme on it.
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'playground.theme';

/** The stored choice wins; anything else stored (or nothing) follows the system. */
export function resolveTheme(stored: string | null, systemDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemDark ? 'dark' : 'light';
}

/**
 * What to store after the user picks `next`: picking what the system already says forgets the
 * choice (null), so the page follows the system again, e.g. when the OS switches at sunset.
 */
export function choiceToStore(next: Theme, systemDark: boolean): Theme | null {
  return next === (systemDark ? 'dark' : 'light') ? null : next;
}

const media = (): MediaQueryList | null => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

function readStored(): string | null {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed iframe): follow the system
  }
}

export function currentTheme(): Theme {
  return resolveTheme(readStored(), media()?.matches ?? false);
}

export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.dataset.theme = theme;
}

export function setTheme(next: Theme): void {
  const keep = choiceToStore(next, media()?.matches ?? false);
  try {
    if (keep) localStorage.setItem(THEME_KEY, keep);
    else localStorage.removeItem(THEME_KEY);
  } catch {
    // not persisted; the page still switches
  }
  applyTheme(next);
}

/** Apply now and follow system changes while the user has no stored choice; returns the unsubscribe. */
export function followSystemTheme(onChange: (t: Theme) => void): () => void {
  applyTheme();
  const m = media();
  if (!m) return () => {};
  const listener = () => {
    applyTheme();
    onChange(currentTheme());
  };
  m.addEventListener('change', listener);
  return () => m.removeEventListener('change', listener);
}
