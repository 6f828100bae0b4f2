import type { LabDefinition } from '../types';
import type { DiklParams } from './params';
import { diklSchema } from './schema';
import { DiklExperiment } from './experiment';

export const diklLab: LabDefinition<DiklParams> = {
  ...diklSchema,
  create: async (p, ctx) => DiklExperiment.create(p, ctx.seed),
};
