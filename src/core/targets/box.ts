// Default plot boxes. Square, so a circle looks like a circle whatever the canvas does with the aspect ratio.
import type { Box } from '../types';
import type { Mixture } from '../types';

/** the canvas a user draws on when nothing is drawn yet, the smallest box a drawing gets, and where a data file is rescaled into */
export const DRAWN_BOX: Box = { xmin: -4, xmax: 4, ymin: -4, ymax: 4 };

/** the smallest square box, on a 0.5 grid, holding every component's mean ± k standard deviations per axis */
export function mixtureBox(mix: Mixture, k = 4): Box {
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
  for (const c of mix) {
    const sx = k * Math.sqrt(c.cov[0]);
    const sy = k * Math.sqrt(c.cov[2]);
    xmin = Math.min(xmin, c.mean[0] - sx); xmax = Math.max(xmax, c.mean[0] + sx);
    ymin = Math.min(ymin, c.mean[1] - sy); ymax = Math.max(ymax, c.mean[1] + sy);
  }
  return squareBox({ xmin, xmax, ymin, ymax });
}

/** grow the shorter side about its centre to make the box square, then round outward to multiples of 0.5 */
export function squareBox(b: Box): Box {
  const half = Math.max(b.xmax - b.xmin, b.ymax - b.ymin, 1e-3) / 2;
  const cx = (b.xmin + b.xmax) / 2;
  const cy = (b.ymin + b.ymax) / 2;
  const down = (v: number) => Math.floor(v * 2) / 2;
  const up = (v: number) => Math.ceil(v * 2) / 2;
  const xmin = down(cx - half), ymin = down(cy - half);
  // one side length for both axes after rounding
  const side = Math.max(up(cx + half) - xmin, up(cy + half) - ymin);
  return { xmin, xmax: xmin + side, ymin, ymax: ymin + side };
}
