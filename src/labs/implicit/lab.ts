import type { LabDefinition } from '../types';
import type { ImplicitParams } from './params';
import { implicitSchema } from './schema';
import { LangevinExperiment } from './langevin-experiment';
import { EbmExperiment } from './ebm-experiment';
import { DiffusionExperiment } from './diffusion-experiment';
import { waitForPoints } from '../common/waiting-for-points';

export const implicitLab: LabDefinition<ImplicitParams> = {
  ...implicitSchema,
  create: async (p, ctx) => {
    if (p.mode === 'ebm') return (p.data === 'drawn' ? waitForPoints(p.drawn) : null) ?? EbmExperiment.create(p, ctx.seed);
    if (p.mode === 'diffusion') return new DiffusionExperiment(p, ctx.seed);
    return new LangevinExperiment(p, ctx.seed);
  },
};
