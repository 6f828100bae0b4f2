import type { LabDefinition } from '../types';
import type { SamplersParams } from './params';
import { samplersSchema } from './schema';
import { SamplersExperiment } from './experiment';
import { waitForPoints } from '../common/waiting-for-points';

export const samplersLab: LabDefinition<SamplersParams> = {
  ...samplersSchema,
  create: async (p, ctx) => {
    return (p.target === 'drawn' ? waitForPoints(p.drawn) : null) ?? SamplersExperiment.create(p, ctx.seed);
  },
};
