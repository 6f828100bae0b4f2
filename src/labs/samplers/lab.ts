import type { LabDefinition } from '../types';
import type { SamplersParams } from './params';
import { makeTarget } from '../../core/targets/registry';
import { samplersSchema } from './schema';
import { SamplersExperiment } from './experiment';
import { MIN_DRAWN_POINTS, WaitingForPointsExperiment } from './waiting-experiment';

export const samplersLab: LabDefinition<SamplersParams> = {
  ...samplersSchema,
  create: async (p, ctx) => {
    const drawn = p.drawn.length;
    if (p.target === 'drawn' && drawn / 2 < MIN_DRAWN_POINTS) return new WaitingForPointsExperiment(makeTarget('drawn', { points: p.drawn }).box, drawn / 2);
    return SamplersExperiment.create(p, ctx.seed);
  },
};
