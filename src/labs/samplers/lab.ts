import type { LabDefinition } from '../types';
import { makeTarget } from '../../core/targets/registry';
import { samplersSchema } from './schema';
import { SamplersExperiment } from './experiment';
import { MIN_DRAWN_POINTS, WaitingForPointsExperiment } from './waiting-experiment';

export const samplersLab: LabDefinition = {
  ...samplersSchema,
  create: async (p, ctx) => {
    const drawn = (p.drawn as Float32Array | undefined)?.length ?? 0;
    if (p.target === 'drawn' && drawn / 2 < MIN_DRAWN_POINTS) return new WaitingForPointsExperiment(makeTarget('drawn', { points: p.drawn as Float32Array }).box, drawn / 2);
    return SamplersExperiment.create(p, ctx.seed);
  },
};
