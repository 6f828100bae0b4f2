import type { LabDefinition } from '../types';
import { diklSchema } from './schema';
import { DiklExperiment } from './experiment';

export const diklLab: LabDefinition = {
  ...diklSchema,
  create: async (p, ctx) => DiklExperiment.create(p, ctx.seed),
};
