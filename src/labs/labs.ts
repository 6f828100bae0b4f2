// Every lab, registered once. An entry (src/labs/<id>/entry.ts) holds what the UI thread needs: the
// schema (params, presets, views), the landing page's title and blurb, the equations, the built-in tour.
// The derived tables (LAB_SCHEMAS, LAB_LIST, LAB_EQUATIONS, BUILTIN_TOURS) are read from here; the
// compiler checks that every id of LAB_IDS has exactly one entry (labs.test.ts: under its own id). The worker's loader
// (registry.ts) is the one other line a lab takes: it imports tfjs, so it cannot sit in the entry,
// which the UI thread imports (a dynamic import there would put every lab and tfjs in the page's build).
import type { LabId, LabSchema } from './types';
import type { EquationBuilder } from './common/latex';
import type { Tour } from './codec/tour-codec';
import { samplersEntry } from './samplers/entry';
import { mismatchEntry } from './mismatch/entry';
import { implicitEntry } from './implicit/entry';
import { diklEntry } from './dikl/entry';
import { guidanceEntry } from './guidance/entry';
import { dxmiEntry } from './dxmi/entry';

export interface LabEntry {
  /** the landing page's short name ('Score mismatch'); the schema's title is the page's */
  title: string;
  blurb: string;
  /** its `id` is the entry's key (labs.test.ts) */
  schema: LabSchema;
  equations: EquationBuilder;
  /** the built-in guided tour through its presets */
  tour: Tour;
}

/** in LAB_IDS' order (the landing page's) */
export const LABS: Readonly<Record<LabId, LabEntry>> = {
  samplers: samplersEntry,
  mismatch: mismatchEntry,
  implicit: implicitEntry,
  dikl: diklEntry,
  guidance: guidanceEntry,
  dxmi: dxmiEntry,
};
