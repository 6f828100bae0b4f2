// The 'drawn' target before any point is drawn: nothing to sample yet, but the plane must still get
// a frame (its box) so the user can draw into it, and a note that says what to do.
import type { Box } from '../../core/types';
import type { Experiment, FiniteWatch } from '../types';
import type { Snapshot } from '../../protocol/snapshot';
import { makeTarget } from '../../core/targets/registry';

/** the plane a drawing goes into: the drawn data set's own box */
const drawnBoxOf = (points: Float32Array): Box => makeTarget('drawn', { points }).box;

/** fewer points than this cannot teach a score anything */
export const MIN_DRAWN_POINTS = 5;

export class WaitingForPointsExperiment implements Experiment {
  readonly done = false;
  readonly iteration = 0;

  constructor(private box: Box, private have: number) {}

  step(): void {}

  async snapshot(): Promise<Snapshot> {
    const why = this.have === 0 ? 'No points drawn yet' : `Only ${this.have} point${this.have === 1 ? '' : 's'} drawn`;
    return {
      iteration: 0,
      layers: {},
      metrics: {},
      info: { note0: `${why}: press "Draw in the plot" and drag across the plane, or load a CSV or JSON file of points (at least ${MIN_DRAWN_POINTS}); the run starts from them.`, phase: 'waiting for drawn points' },
      box: this.box,
    };
  }

  watch(): FiniteWatch[] {
    return [];
  }

  update(): boolean {
    return true;
  }

  dispose(): void {}
}

/** the waiting experiment when a lab's drawn data set has fewer than MIN_DRAWN_POINTS points, else null (the lab builds its own) */
export function waitForPoints(points: Float32Array): WaitingForPointsExperiment | null {
  const n = points.length / 2;
  return n < MIN_DRAWN_POINTS ? new WaitingForPointsExperiment(drawnBoxOf(points), n) : null;
}
