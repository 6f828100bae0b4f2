// lab id -> full definition (schema + factory), loaded on demand: each lab is its own chunk, fetched
// by the worker when the lab is opened. Imports tfjs through core/: worker and CLI only.
// To add a lab: one line below, `<id>: () => import('./<id>/lab').then((m) => m.<name>Lab),`
import type { LabDefinition } from './types';

const LOADERS: Record<string, () => Promise<LabDefinition>> = {
  samplers: () => import('./samplers/lab').then((m) => m.samplersLab),
  guidance: () => import('./guidance/lab').then((m) => m.guidanceLab),
  implicit: () => import('./implicit/lab').then((m) => m.implicitLab),
  dxmi: () => import('./dxmi/lab').then((m) => m.dxmiLab),
  mismatch: () => import('./mismatch/lab').then((m) => m.mismatchLab),
  dikl: () => import('./dikl/lab').then((m) => m.diklLab),
};

export async function loadLab(id: string): Promise<LabDefinition | undefined> {
  const load = Object.hasOwn(LOADERS, id) ? LOADERS[id] : undefined;
  return load ? load() : undefined;
}

export const LAB_REGISTRY_IDS: readonly string[] = Object.keys(LOADERS);
