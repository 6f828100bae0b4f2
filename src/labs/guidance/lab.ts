import type { LabDefinition } from '../types';
import type { GuidanceParams } from './params';
import { guidanceSchema } from './schema';
import { GuidanceExperiment } from './experiment';

export const guidanceLab: LabDefinition<GuidanceParams> = {
  ...guidanceSchema,
  create: async (p, ctx) => GuidanceExperiment.create(p, ctx.seed),
};
