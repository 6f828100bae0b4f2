// Target id -> constructor. The ids are URL vocabulary (TARGET_IDS in types.ts), so this table is the one
// place that maps them to code; the UI reads labels and kinds from TARGETS_INFO without building targets.
import type { Target, TargetId, TargetKind, TargetOptions } from './types';
import { TARGET_IDS } from './types';
import { MIXTURE_LABELS, makeMixtureTarget, type MixtureId } from './mixtures';
import { makeBanana, makeFunnel } from './analytic';
import { makeDoubleWell } from './double-well';
import { DATASET_LABELS, makeDatasetTarget, type DatasetId } from './datasets';

const MIXTURE_IDS: readonly MixtureId[] = ['mog40', '8gaussians', 'hexagon', 'ring', 'two-modes', 'custom'];
const DATASET_IDS: readonly DatasetId[] = ['moons', 'spirals', 'checkerboard', 'drawn'];
const ANALYTIC: Record<'banana' | 'funnel' | 'double-well', { label: string; make: () => Target }> = {
  banana: { label: 'Banana (twisted Gaussian)', make: makeBanana },
  funnel: { label: "Neal's funnel", make: makeFunnel },
  'double-well': { label: 'Double well (DiKL)', make: makeDoubleWell },
};

const isMixture = (id: string): id is MixtureId => (MIXTURE_IDS as readonly string[]).includes(id);
const isDataset = (id: string): id is DatasetId => (DATASET_IDS as readonly string[]).includes(id);
const isAnalytic = (id: string): id is keyof typeof ANALYTIC => Object.hasOwn(ANALYTIC, id);

export const TARGETS_INFO: Readonly<Record<TargetId, { label: string; kind: TargetKind }>> = Object.fromEntries(
  TARGET_IDS.map((id) => [
    id,
    isMixture(id) ? { label: MIXTURE_LABELS[id], kind: 'mixture' }
      : isDataset(id) ? { label: DATASET_LABELS[id], kind: 'dataset' }
        : { label: ANALYTIC[id as keyof typeof ANALYTIC].label, kind: 'analytic' },
  ]),
) as Record<TargetId, { label: string; kind: TargetKind }>;

/** build a target by id; throws for an unknown id (naming the known ones) and for bad options */
export function makeTarget(id: TargetId, opts: TargetOptions = {}): Target {
  if (isMixture(id)) return makeMixtureTarget(id, opts);
  if (isDataset(id)) return makeDatasetTarget(id, opts);
  if (isAnalytic(id)) return ANALYTIC[id].make();
  throw new Error(`unknown target '${String(id)}'; known targets: ${TARGET_IDS.join(', ')}`);
}
