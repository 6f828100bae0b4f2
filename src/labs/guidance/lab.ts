import type { LabDefinition } from '../types';
import { guidanceSchema } from './schema';
import { GuidanceExperiment } from './experiment';

export const guidanceLab: LabDefinition = {
  ...guidanceSchema,
  create: async (p, ctx) => GuidanceExperiment.create(p, ctx.seed),
};
