import type { LabDefinition } from '../types';
import { waitForPoints } from '../common/waiting-for-points';
import type { GuidanceParams } from './params';
import { guidanceSchema } from './schema';
import { GuidanceExperiment } from './experiment';

export const guidanceLab: LabDefinition<GuidanceParams> = {
  ...guidanceSchema,
  create: async (p, ctx) => (p.data === 'drawn' ? waitForPoints(p.drawn) : null) ?? GuidanceExperiment.create(p, ctx.seed),
};
