// The copy a frame gets before the worker transfers it (the engine's part of the snapshot contract).
import type { Snapshot } from '../protocol/snapshot';

/**
 * The snapshot contract's copy, made here once for every lab: experiments hand out their cached grids and
 * layers as they are, and the frame carries copies of every typed array (series curves included), which
 * are then transferred (zero-copy to the UI) while the experiment keeps its own. A copy of a 10 000-particle
 * layer is 80 kB, a few microseconds.
 */
export function withFreshArrays(s: Snapshot): { snap: Snapshot; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const copy = (a: Float32Array) => {
    const c = a.slice();
    transfer.push(c.buffer as ArrayBuffer);
    return c;
  };
  const layers: Snapshot['layers'] = {};
  for (const [name, layer] of Object.entries(s.layers)) {
    const out: Record<string, unknown> = { ...layer };
    for (const [k, v] of Object.entries(out)) {
      if (v instanceof Float32Array) out[k] = copy(v);
      else if (layer.kind === 'series' && k === 'ys') out[k] = Object.fromEntries(Object.entries(layer.ys).map(([n, a]) => [n, copy(a)]));
    }
    layers[name] = out as Snapshot['layers'][string];
  }
  return { snap: { ...s, layers }, transfer };
}
