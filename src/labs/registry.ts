// lab id -> full definition (schema + factory), loaded on demand: each lab is its own chunk, fetched
// by the worker when the lab is opened. Imports tfjs through core/: worker and CLI only, which is why
// this one line per lab is not in the lab's entry (labs.ts). A missing or extra line fails the
// typecheck (Record over LabId), and a test checks that each definition carries its entry's schema.
import type { LabDefinition, LabId } from './types';
import { LAB_IDS } from './types';

const LOADERS: Record<LabId, () => Promise<LabDefinition>> = {
  samplers: () => import('./samplers/lab').then((m) => m.samplersLab),
  mismatch: () => import('./mismatch/lab').then((m) => m.mismatchLab),
  implicit: () => import('./implicit/lab').then((m) => m.implicitLab),
  dikl: () => import('./dikl/lab').then((m) => m.diklLab),
  guidance: () => import('./guidance/lab').then((m) => m.guidanceLab),
  dxmi: () => import('./dxmi/lab').then((m) => m.dxmiLab),
};

export async function loadLab(id: string): Promise<LabDefinition | undefined> {
  const load = Object.hasOwn(LOADERS, id) ? LOADERS[id as LabId] : undefined;
  return load ? load() : undefined;
}

export const LAB_REGISTRY_IDS: readonly string[] = LAB_IDS;
