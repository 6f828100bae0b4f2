// Which params a running experiment takes without a restart. The schema's `live` flags are the only
// record of it: the UI (follow-params, the A/B comparison) and the engine both ask here, and the
// experiments' `update` only applies what it is handed.
import { valuesEqual } from './codec/param-codec';
import type { LabSchema, ParamSpec, ParamValue } from './types';
import { specOf, specsOf } from './modes';

type Params = Record<string, ParamValue>;

/** whether a change of this param is applied live, with the params the change leads to */
export function isLive(spec: ParamSpec, next: Params): boolean {
  return typeof spec.live === 'function' ? spec.live(next) : spec.live === true;
}

/** what changed from `prev` to `next`, and whether every changed key is live (then an update, else a restart) */
export function paramDiff(schema: Pick<LabSchema, 'params' | 'modeKey'>, prev: Params, next: Params): { patch: Params; live: boolean } {
  const patch: Params = {};
  let live = true;
  // a change of mode changes the mode key (never live), so `next`'s specs cover every key that matters
  for (const spec of specsOf(schema, next)) {
    if (valuesEqual(spec, prev[spec.key], next[spec.key])) continue;
    patch[spec.key] = next[spec.key];
    if (!isLive(spec, next)) live = false;
  }
  return { patch, live };
}

/** the keys of `patch` that are not live for the params it leads to (unknown keys included): a non-empty answer means a restart */
export function deadKeys(schema: Pick<LabSchema, 'params' | 'modeKey'>, next: Params, patch: Params): string[] {
  return Object.keys(patch).filter((k) => {
    const spec = specOf(schema, k, next);
    return !spec || !isLive(spec, next);
  });
}
