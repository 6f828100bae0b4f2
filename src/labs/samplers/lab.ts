import type { LabDefinition } from '../types';
import { samplersSchema } from './schema';
import { SamplersExperiment } from './experiment';

export const samplersLab: LabDefinition = {
  ...samplersSchema,
  create: async (p, ctx) => SamplersExperiment.create(p, ctx.seed),
};
