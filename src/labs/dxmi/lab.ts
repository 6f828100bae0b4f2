import type { LabDefinition } from '../types';
import type { DxmiParams } from './params';
import { dxmiSchema } from './schema';
import { DxmiExperiment } from './experiment';

export const dxmiLab: LabDefinition<DxmiParams> = {
  ...dxmiSchema,
  create: async (p, ctx) => DxmiExperiment.create(p, ctx.seed),
};
