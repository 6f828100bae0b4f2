// The share link as the store says it is now (not the debounced URL), and copying it.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LAB_SCHEMAS } from '../../labs/schemas';
import { hiddenOf, type Hidden } from '../../state/hidden';
import { hashOfState } from '../../state/url-sync';
import { useStore } from '../../state/use-store';

/** The full link: this page's address with the hash the store will write (hashOfState, not location.hash). */
export function useShareLink(): string {
  const s = useStore(useShallow((x) => ({ route: x.route, lab: x.lab, params: x.params, requestedBackend: x.requestedBackend, ui: x.ui })));
  const hash = hashOfState(s) ?? window.location.hash;
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${hash}`;
}

/** The controls and sections the current link hides on this lab. */
export function useHidden(): Hidden {
  const lab = useStore((s) => s.lab);
  const hide = useStore((s) => s.ui.hide);
  return useMemo(() => hiddenOf(lab ? LAB_SCHEMAS[lab] : undefined, hide), [lab, hide]);
}

export type CopyResult = 'copied' | 'selected';

/**
 * Copy to the clipboard. The async Clipboard API first; where it is refused (no permission, an
 * insecure origin, a headless browser) the read-only field is selected and the old copy command
 * tried; if that fails too the text stays selected so Ctrl+C / ⌘C copies it.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<CopyResult> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!field) return 'selected';
    field.focus();
    field.select();
    try {
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}
