// Target id -> implementation, dispatched by the family the catalog gives it (catalog.ts holds the ids,
// labels and families; the UI reads them there without building targets). Each family's table is keyed
// by TargetIdOf<family> (the mixture and data-set switches, the analytic table in analytic.ts), so a
// catalog entry without an implementation does not compile.
import type { Target, TargetId, TargetOptions } from './types';
import { TARGET_IDS, TARGETS, type TargetIdOf } from './catalog';
import { makeMixtureTarget } from './mixtures';
import { ANALYTIC } from './analytic';
import { makeDatasetTarget } from './datasets';

/** build a target by id; throws for an unknown id (naming the known ones) and for bad options */
export function makeTarget(id: TargetId, opts: TargetOptions = {}): Target {
  const family = Object.hasOwn(TARGETS, id) ? TARGETS[id].family : undefined;
  if (family === 'mixture') return makeMixtureTarget(id as TargetIdOf<'mixture'>, opts);
  if (family === 'dataset') return makeDatasetTarget(id as TargetIdOf<'dataset'>, opts);
  if (family === 'analytic') return ANALYTIC[id as TargetIdOf<'analytic'>](opts);
  throw new Error(`unknown target '${String(id)}'; known targets: ${TARGET_IDS.join(', ')}`);
}
