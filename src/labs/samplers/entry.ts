// The Samplers lab's registration: everything the UI thread needs about it, in one place (no tfjs
// behind any of it). labs.ts lists the entries; the worker's loader is in registry.ts (see there why).
import type { LabEntry } from '../labs';
import { samplersSchema } from './schema';
import { samplersEquations } from './equations';
import { samplersTour } from './tour';

export const samplersEntry = {
  /** the landing page's name for it */
  title: 'Samplers',
  schema: samplersSchema,
  blurb: 'Langevin, MALA, HMC, annealed Langevin, DDPM, DDIM and the probability-flow ODE on 2D targets.',
  equations: samplersEquations,
  tour: samplersTour,
} satisfies LabEntry;
