// Turns param edits in the store into worker commands: live keys (ParamSpec.live) go as `update`,
// anything else (or a new lab, or a pasted link) reconfigures the run. Diffing the params, rather than
// trusting lastChange, also covers presets and hashchange, which replace many keys at once.
import type { ParamValue } from '../labs/types';
import type { WorkerBridge } from './bridge';
import { paramDiff } from '../labs/live';
import { schemaOf } from './slices/params';
import type { AppState, AppStore } from './store';

export type ParamsCommand =
  | { kind: 'none' }
  | { kind: 'update'; patch: Record<string, ParamValue> }
  | { kind: 'configure' };

/** Pure: what the worker must be told after the state went from `prev` to `next`. */
export function commandFor(prev: Pick<AppState, 'route' | 'lab' | 'params'>, next: Pick<AppState, 'route' | 'lab' | 'params'>): ParamsCommand {
  if (next.route !== 'lab' || !next.lab) return { kind: 'none' };
  if (prev.route !== 'lab' || prev.lab !== next.lab) return { kind: 'configure' };
  if (prev.params === next.params) return { kind: 'none' };
  const schema = schemaOf(next.lab);
  if (!schema) return { kind: 'none' };
  const { patch, live } = paramDiff(schema, prev.params, next.params);
  if (Object.keys(patch).length === 0) return { kind: 'none' };
  return live ? { kind: 'update', patch } : { kind: 'configure' };
}

/** Keep the worker in step with the store; returns an unsubscribe. Configures the current lab at once. */
export function followParams(store: AppStore, bridge: Pick<WorkerBridge, 'configure' | 'update'>): () => void {
  const apply = (cmd: ParamsCommand, s: AppState) => {
    if (cmd.kind === 'update') bridge.update(cmd.patch);
    else if (cmd.kind === 'configure' && s.lab) bridge.configure(s.lab, s.params, s.playing);
  };
  const s0 = store.getState();
  apply(commandFor({ route: 'landing', lab: null, params: {} }, s0), s0);
  return store.subscribe((s, prev) => apply(commandFor(prev, s), s));
}
