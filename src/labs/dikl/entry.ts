// The DiKL lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { diklSchema } from './schema';
import { diklEquations } from './equations';
import { diklTour } from './tour';

export const diklEntry = {
  /** the landing page's name for it */
  title: 'DiKL',
  schema: diklSchema,
  blurb: 'He et al. 2024: one-step neural samplers trained with reverse diffusive KL.',
  equations: diklEquations,
  tour: diklTour,
} satisfies LabEntry;
