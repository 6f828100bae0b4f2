// What the worker sends the UI each frame: plain typed arrays keyed by layer name, plus scalar
// metrics. No tensors, no tfjs types: protocol/ is imported by the UI thread.
import type { Box, Mixture } from '../core/types';

export type Layer =
  /** particles or samples, interleaved x,y */
  | { kind: 'points'; xy: Float32Array }
  /** nPaths polylines of `length` points each, interleaved x,y, path-major */
  | { kind: 'paths'; xy: Float32Array; nPaths: number; length: number }
  /** values[j * nx + i] at x_i = xmin + (i + .5) * dx, y_j = ymin + (j + .5) * dy; `log`: values are log-densities */
  | { kind: 'scalarGrid'; nx: number; ny: number; box: Box; values: Float32Array; log: boolean }
  /** arrows (u, v) at the same cell centres as scalarGrid */
  | { kind: 'vectorGrid'; nx: number; ny: number; box: Box; u: Float32Array; v: Float32Array }
  /** density histogram of one axis; reference = the true marginal density at the bin centres */
  | { kind: 'histogram'; axis: 0 | 1; edges: Float32Array; density: Float32Array; reference?: Float32Array }
  /** editable mixture components (drawn as handles over the plane) */
  | { kind: 'handles'; components: Mixture }
  /** one bar per label (e.g. mixture weights); `reference` = a second value per bar drawn as a tick (e.g. the exact flow) */
  | { kind: 'bars'; labels: string[]; values: Float32Array; reference?: Float32Array }
  /** curves over a shared x that is not the iteration (a sweep over T, a front over δ): ys[name] has one value per x */
  | { kind: 'series'; xs: Float32Array; ys: Record<string, Float32Array> }
  /**
   * one chain followed step by step (the single-chain view): per event, oldest first, [from x, y, proposal x, y]
   * and whether the chain moved to the proposal; the latest event's path (HMC's leapfrog positions) and the
   * chain's position now
   */
  | { kind: 'chain'; moves: Float32Array; accepted: Uint8Array; path: Float32Array; /** the index of the path's start point (where the chain was): 0 for HMC, inside NUTS's tree */ pathStart: number; /** each path point's place in build order (NUTS's doublings go either way); empty: the path's own order */ pathOrder: Float32Array; current: Float32Array };

/** cheap scalars of one iteration (a loss, an acceptance, a closed-form KL), recorded in the worker at every
 *  iteration and sent in batches with the frames, so a chart shows every point however fast the run goes */
export interface TraceRow {
  /** the x the values belong to (the lab's iteration, or a training phase's step) */
  x: number;
  m: Record<string, number>;
}

/**
 * A problem with a run that does not stop it (a Metropolis chain that rejects every proposal), with the
 * change that fixes it; the page shows it as a notice with `fix` as a button, the CLI as one warning line.
 * Present on every frame while the problem lasts, absent once it is gone.
 */
export interface RunAdvice {
  message: string;
  suggestion: string;
  /** the param change the notice offers as a button */
  fix?: { key: string; value: number; label: string };
}

export interface Snapshot {
  iteration: number;
  /** rows recorded since the previous frame, oldest first (the engine fills it from Experiment.drainTrace) */
  trace?: TraceRow[];
  /** costly metrics the engine took between this frame and the previous one, at the iterations they were due */
  rows?: TraceRow[];
  layers: Record<string, Layer>;
  /** metric values at this iteration; the UI appends them to its series */
  metrics: Record<string, number>;
  /** short facts for the status line, e.g. { level: 't = 40/100', score: 'learned (1200 steps)' } */
  info: Record<string, string>;
  /** the world box the plane views should show */
  box: Box;
  /** a problem the run has now that does not stop it, and its fix (see RunAdvice) */
  advice?: RunAdvice;
}

/** What the engine asks an experiment for. Grid fields cost more, so they are requested less often. */
export interface SnapshotRequest {
  grids: boolean;
  metrics: boolean;
}
