// Evaluate fields on a regular grid of cell centres for heatmaps and arrows. Shared by every lab.
import { tf } from '../../core/tf';
import type { Tensor1D, Tensor2D } from '../../core/tf';
import type { Box } from '../../core/types';
import type { Layer } from '../../protocol/snapshot';

/** cell centres, row-major in y: index j * nx + i */
export function gridPoints(box: Box, nx: number, ny: number): Tensor2D {
  const xy = new Float32Array(nx * ny * 2);
  const dx = (box.xmax - box.xmin) / nx;
  const dy = (box.ymax - box.ymin) / ny;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = (j * nx + i) * 2;
      xy[k] = box.xmin + (i + 0.5) * dx;
      xy[k + 1] = box.ymin + (j + 0.5) * dy;
    }
  }
  return tf.tensor2d(xy, [nx * ny, 2]);
}

export async function scalarGrid(box: Box, n: number, f: (x: Tensor2D) => Tensor1D, log: boolean): Promise<Layer> {
  const values = tf.tidy(() => f(gridPoints(box, n, n)));
  const data = (await values.data()) as Float32Array;
  values.dispose();
  return { kind: 'scalarGrid', nx: n, ny: n, box, values: new Float32Array(data), log };
}

export async function vectorGrid(box: Box, n: number, f: (x: Tensor2D) => Tensor2D): Promise<Layer> {
  const v = tf.tidy(() => f(gridPoints(box, n, n)));
  const data = (await v.data()) as Float32Array;
  v.dispose();
  const u = new Float32Array(n * n);
  const w = new Float32Array(n * n);
  for (let k = 0; k < n * n; k++) {
    u[k] = data[2 * k];
    w[k] = data[2 * k + 1];
  }
  return { kind: 'vectorGrid', nx: n, ny: n, box, u, v: w };
}

/** log of a 2D histogram of samples (a density estimate for data sets, which have no formula) */
export function histogramGrid(xy: Float32Array, box: Box, n: number): Layer {
  const counts = new Float32Array(n * n);
  const m = xy.length / 2;
  for (let k = 0; k < m; k++) {
    const i = Math.floor(((xy[2 * k] - box.xmin) / (box.xmax - box.xmin)) * n);
    const j = Math.floor(((xy[2 * k + 1] - box.ymin) / (box.ymax - box.ymin)) * n);
    if (i >= 0 && i < n && j >= 0 && j < n) counts[j * n + i] += 1;
  }
  const cell = ((box.xmax - box.xmin) / n) * ((box.ymax - box.ymin) / n);
  const values = new Float32Array(n * n);
  for (let k = 0; k < n * n; k++) values[k] = Math.log((counts[k] + 0.05) / (m * cell));
  return { kind: 'scalarGrid', nx: n, ny: n, box, values, log: true };
}

/** density histogram of one coordinate of points, with an optional reference density at bin centres */
export function marginalHistogram(
  xy: Float32Array, axis: 0 | 1, lo: number, hi: number, bins: number,
  reference?: (centres: Float32Array) => Float32Array,
): Layer {
  const edges = new Float32Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  const counts = new Float32Array(bins);
  const m = xy.length / 2;
  for (let k = 0; k < m; k++) {
    const b = Math.floor(((xy[2 * k + axis] - lo) / (hi - lo)) * bins);
    if (b >= 0 && b < bins) counts[b] += 1;
  }
  const width = (hi - lo) / bins;
  const density = counts.map((c) => c / Math.max(1, m) / width);
  const centres = new Float32Array(bins);
  for (let b = 0; b < bins; b++) centres[b] = lo + (b + 0.5) * width;
  return { kind: 'histogram', axis, edges, density, reference: reference?.(centres) };
}
