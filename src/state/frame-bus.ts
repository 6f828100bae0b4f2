// High-rate particle frames go from the worker bridge straight to the plot layers through this bus,
// never through React state (zustand's "transient updates" pattern): React re-renders only for
// controls and low-rate metrics.
import type { Snapshot } from '../protocol/snapshot';

export type FrameListener = (snap: Snapshot, frame: number) => void;

export class FrameBus {
  private listeners = new Set<FrameListener>();
  private last: { snap: Snapshot; frame: number } | null = null;

  subscribe(fn: FrameListener): () => void {
    this.listeners.add(fn);
    // a panel mounted mid-run draws the latest frame at once
    if (this.last) fn(this.last.snap, this.last.frame);
    return () => this.listeners.delete(fn);
  }

  publish(snap: Snapshot, frame: number): void {
    this.last = { snap, frame };
    for (const fn of this.listeners) fn(snap, frame);
  }

  latest(): Snapshot | null {
    return this.last?.snap ?? null;
  }

  clear(): void {
    this.last = null;
  }
}

export const frameBus = new FrameBus();
