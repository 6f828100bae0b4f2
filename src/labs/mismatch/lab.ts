// The lab definition: schema + a factory that picks the mode's experiment.
import type { LabDefinition } from '../types';
import type { MismatchParams } from './params';
import { mismatchSchema } from './schema';
import { CondExperiment } from './cond-experiment';
import { UncondExperiment } from './uncond-experiment';

export const mismatchLab: LabDefinition<MismatchParams> = {
  ...mismatchSchema,
  create: async (p, ctx) => (p.mode === 'uncond' ? UncondExperiment.create(p, ctx.seed) : CondExperiment.create(p, ctx.seed)),
};
