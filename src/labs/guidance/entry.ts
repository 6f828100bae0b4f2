// The Gradient guidance lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { guidanceSchema } from './schema';
import { guidanceEquations } from './equations';
import { guidanceTour } from './tour';

export const guidanceEntry = {
  /** the landing page's name for it */
  title: 'Gradient guidance',
  schema: guidanceSchema,
  blurb: 'Guo et al. 2024: naive vs look-ahead guidance, iterative fine-tuning.',
  equations: guidanceEquations,
  tour: guidanceTour,
} satisfies LabEntry;
