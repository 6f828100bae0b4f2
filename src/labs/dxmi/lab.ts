import type { LabDefinition } from '../types';
import { dxmiSchema } from './schema';
import { DxmiExperiment } from './experiment';

export const dxmiLab: LabDefinition = {
  ...dxmiSchema,
  create: async (p, ctx) => DxmiExperiment.create(p, ctx.seed),
};
