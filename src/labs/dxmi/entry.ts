// The DxMI lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { dxmiSchema } from './schema';
import { dxmiEquations } from './equations';
import { dxmiTour } from './tour';

export const dxmiEntry = {
  /** the landing page's name for it */
  title: 'DxMI',
  schema: dxmiSchema,
  blurb: 'Yoon et al. 2024: a few-step diffusion sampler and an energy-based model trained together.',
  equations: dxmiEquations,
  tour: dxmiTour,
} satisfies LabEntry;
