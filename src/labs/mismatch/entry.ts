// The Score mismatch lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { mismatchSchema } from './schema';
import { mismatchEquations } from './equations';
import { mismatchTour } from './tour';

export const mismatchEntry = {
  /** the landing page's name for it */
  title: 'Score mismatch',
  schema: mismatchSchema,
  blurb: 'Liang et al. 2024: the bias of diffusion samplers with mismatched scores; zero-shot conditional samplers.',
  equations: mismatchEquations,
  tour: mismatchTour,
} satisfies LabEntry;
