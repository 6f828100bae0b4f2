// lab id -> full definition (schema + factory). Imports tfjs through core/: worker and CLI only.
import type { LabDefinition } from './types';
import { samplersLab } from './samplers/lab';

const LABS: Record<string, LabDefinition> = {
  samplers: samplersLab,
};

export function getLab(id: string): LabDefinition | undefined {
  return LABS[id];
}

export const LAB_DEFINITIONS: readonly LabDefinition[] = Object.values(LABS);
