import type { LabDefinition } from '../types';
import type { DxmiParams } from './params';
import { dxmiSchema } from './schema';
import { DxmiExperiment } from './experiment';
import { waitForPoints } from '../common/waiting-for-points';

export const dxmiLab: LabDefinition<DxmiParams> = {
  ...dxmiSchema,
  create: async (p, ctx) => (p.data === 'drawn' ? waitForPoints(p.drawn) : null) ?? DxmiExperiment.create(p, ctx.seed),
};
