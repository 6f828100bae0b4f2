// What a link's `hide=` list means for the page: which controls and which sections are left out,
// and how the Share dialog edits the list. Pure, so the page, the dialog and the tests agree.
import type { LabSchema } from '../labs/types';
import { allKeys } from '../labs/modes';
import { HIDE_SECTIONS, type HideSection } from '../labs/codec/ui-options';

/** how each section reads in the Share dialog's checklist */
export const SECTION_LABELS: Record<HideSection, string> = {
  presets: 'Preset menu',
  help: 'Help texts and tooltips',
  notes: 'Notes under the run bar',
  charts: 'Metric charts',
  export: 'Export buttons',
  runbar: 'Run bar (play, step, reset)',
  controls: 'The whole controls panel (plots get the width)',
};

export interface Hidden {
  /** param keys whose controls are not drawn (the lab still uses their values) */
  controls: ReadonlySet<string>;
  sections: ReadonlySet<HideSection>;
  /** anything hidden at all */
  any: boolean;
}

const isSection = (s: string): s is HideSection => (HIDE_SECTIONS as readonly string[]).includes(s);

/** Split a validated `hide` list into controls of this lab and sections; unknown names are dropped. */
export function hiddenOf(schema: LabSchema | undefined, hide: readonly string[]): Hidden {
  const keys = schema ? allKeys(schema) : new Set<string>();
  const controls = new Set(hide.filter((h) => keys.has(h)));
  const sections = new Set(hide.filter(isSection));
  return { controls, sections, any: controls.size + sections.size > 0 };
}

/** The list with `item` added (at the end, like a link author would) or removed; the input is not changed. */
export function toggleHidden(hide: readonly string[], item: string, on: boolean): string[] {
  const rest = hide.filter((h) => h !== item);
  return on ? [...rest, item] : rest;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 controls and the run bar hidden by this link" style summary, or '' when nothing is hidden. */
export function hiddenSummary(h: Hidden): string {
  const parts: string[] = [];
  if (h.controls.size) parts.push(count(h.controls.size, 'control', 'controls'));
  if (h.sections.size) parts.push(count(h.sections.size, 'section', 'sections'));
  return parts.length ? `${parts.join(' and ')} hidden by this link` : '';
}
