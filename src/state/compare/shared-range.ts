// One colour scale for A's and B's heatmaps: the union of the finite value ranges of the latest grid
// on each side. Without it each heatmap stretches its own range over the colour map, and two equal
// colours would not mean equal values. Fed from both frame buses (never through React); the plots
// subscribe and repaint only when the union actually changes.
import type { Layer, Snapshot } from '../../protocol/snapshot';
import { finiteRange as finiteRangeOf } from '../../labs/common/extent';

export type ValueRange = readonly [number, number];
type ScalarGrid = Extract<Layer, { kind: 'scalarGrid' }>;

/** Smallest and largest finite values, or null when there are none. */
export const finiteRange = (values: ArrayLike<number>): ValueRange | null => finiteRangeOf(values);

/** The union of ranges, ignoring missing ones; null when none is known. */
export function unionRange(ranges: readonly (ValueRange | null | undefined)[]): ValueRange | null {
  let out: ValueRange | null = null;
  for (const r of ranges) if (r) out = out ? [Math.min(out[0], r[0]), Math.max(out[1], r[1])] : r;
  return out;
}

/** The grid a plane shows: the first of its layers that is a scalar grid in this snapshot. */
export function planeGrid(snap: Snapshot, layerNames: readonly string[]): ScalarGrid | null {
  for (const n of layerNames) {
    const l = snap.layers[n];
    if (l?.kind === 'scalarGrid') return l;
  }
  return null;
}

export type Side = 'a' | 'b';

export class SharedRange {
  private sides: Record<Side, ValueRange | null> = { a: null, b: null };
  private current: ValueRange | null = null;
  private listeners = new Set<(r: ValueRange | null) => void>();

  constructor(private readonly layerNames: readonly string[]) {}

  get(): ValueRange | null {
    return this.current;
  }

  /** A frame arrived on one side; frames without a grid keep that side's last range (grids come less often). */
  offer(side: Side, snap: Snapshot): void {
    const grid = planeGrid(snap, this.layerNames);
    if (grid) this.set(side, finiteRange(grid.values));
  }

  set(side: Side, r: ValueRange | null): void {
    this.sides[side] = r;
    const next = unionRange([this.sides.a, this.sides.b]);
    const cur = this.current;
    if (next === cur || (next && cur && next[0] === cur[0] && next[1] === cur[1])) return;
    this.current = next;
    for (const fn of this.listeners) fn(next);
  }

  /** a new run on one side: its old grid no longer counts */
  forget(side: Side): void {
    this.set(side, null);
  }

  subscribe(fn: (r: ValueRange | null) => void): () => void {
    this.listeners.add(fn);
    fn(this.current);
    return () => this.listeners.delete(fn);
  }
}
