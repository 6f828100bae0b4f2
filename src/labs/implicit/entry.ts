// The Implicit Diffusion lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { implicitSchema } from './schema';
import { implicitEquations } from './equations';
import { implicitTour } from './tour';

export const implicitEntry = {
  /** the landing page's name for it */
  title: 'Implicit Diffusion',
  schema: implicitSchema,
  blurb: "Marion et al. 2024: single-loop optimization of a sampler's parameters.",
  equations: implicitEquations,
  tour: implicitTour,
} satisfies LabEntry;
