import type { LabDefinition } from '../types';
import { implicitSchema } from './schema';
import { LangevinExperiment } from './langevin-experiment';
import { EbmExperiment } from './ebm-experiment';

export const implicitLab: LabDefinition = {
  ...implicitSchema,
  create: async (p, ctx) => (p.mode === 'ebm' ? EbmExperiment.create(p, ctx.seed) : new LangevinExperiment(p, ctx.seed)),
};
