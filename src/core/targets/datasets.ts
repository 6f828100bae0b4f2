// Data-set targets: a generator and nothing else (no density, no score), for the labs that learn a score
// from samples. Generators follow the toy data of FFJORD / DxMI (loader/synthetic.py), drawn in JS from
// the seeded Rng so a seed gives the same data on every backend.
import type { Box } from '../types';
import type { Rng } from '../rng';
import type { Target, TargetOptions } from './types';
import { sampleRows } from './analytic';
import { DRAWN_BOX, squareBox } from './box';
import { TARGETS, type TargetIdOf } from './catalog';

export type DatasetId = TargetIdOf<'dataset'>;

export { DRAWN_BOX } from './box';
/** jitter around a drawn point, as a fraction of the box width */
export const DRAWN_JITTER = 0.05;

// sklearn's make_moons (outer arc (cos t, sin t), inner arc (1 − cos t, ½ − sin t)), centred at
// (0.5, 0.25) and scaled by 1.3 so the data span about [−2, 2] × [−1, 1]; noise 0.05 in unscaled units
const MOON_SCALE = 1.3;

function moons(n: number, rng: Rng) {
  return sampleRows(n, (o, i) => {
    const t = Math.PI * rng.uniform();
    const inner = rng.uniform() < 0.5;
    const x = inner ? 1 - Math.cos(t) : Math.cos(t);
    const y = inner ? 0.5 - Math.sin(t) : Math.sin(t);
    o[i] = MOON_SCALE * (x - 0.5 + 0.05 * rng.normal());
    o[i + 1] = MOON_SCALE * (y - 0.25 + 0.05 * rng.normal());
  });
}

// DxMI '2spirals': radius-angle n = √U · 3π, arm (−cos n · n, sin n · n) + U[0, 0.5) offsets, the second arm
// its point reflection, all divided by 3, plus N(0, 0.1²) noise
function spirals(n: number, rng: Rng) {
  return sampleRows(n, (o, i) => {
    const r = Math.sqrt(rng.uniform()) * 3 * Math.PI;
    const sign = rng.uniform() < 0.5 ? 1 : -1;
    const dx = -Math.cos(r) * r + 0.5 * rng.uniform();
    const dy = Math.sin(r) * r + 0.5 * rng.uniform();
    o[i] = (sign * dx) / 3 + 0.1 * rng.normal();
    o[i + 1] = (sign * dy) / 3 + 0.1 * rng.normal();
  });
}

// DxMI 'checkerboard': 8 filled unit squares of a 4x4 board on [−2, 2]², then doubled to [−4, 4]²
function checkerboard(n: number, rng: Rng) {
  return sampleRows(n, (o, i) => {
    const x1 = 4 * rng.uniform() - 2;
    const x2 = rng.uniform() - 2 * rng.int(2) + (((Math.floor(x1) % 2) + 2) % 2);
    o[i] = 2 * x1;
    o[i + 1] = 2 * x2;
  });
}

function drawnBox(points: Float32Array | undefined): Box {
  let { xmin, xmax, ymin, ymax } = DRAWN_BOX;
  const m = points ? points.length >> 1 : 0;
  for (let i = 0; i < m; i++) {
    xmin = Math.min(xmin, points![2 * i] - 1); xmax = Math.max(xmax, points![2 * i] + 1);
    ymin = Math.min(ymin, points![2 * i + 1] - 1); ymax = Math.max(ymax, points![2 * i + 1] + 1);
  }
  return squareBox({ xmin, xmax, ymin, ymax });
}

/** resample the drawn points with replacement, each with Gaussian jitter of std DRAWN_JITTER × box width */
function drawn(points: Float32Array | undefined, box: Box) {
  // copy: the UI keeps editing its own array
  const pts = points ? Float32Array.from(points) : new Float32Array(0);
  const m = pts.length >> 1;
  const std = DRAWN_JITTER * (box.xmax - box.xmin);
  return (n: number, rng: Rng) => {
    if (m === 0) throw new Error("target 'drawn' has no points: draw some points on the canvas first");
    return sampleRows(n, (o, i) => {
      const k = rng.int(m);
      o[i] = pts[2 * k] + std * rng.normal();
      o[i + 1] = pts[2 * k + 1] + std * rng.normal();
    });
  };
}

export function makeDatasetTarget(id: DatasetId, opts: TargetOptions = {}): Target {
  const base = { id, label: TARGETS[id].name, kind: 'dataset' as const, exactNoisedScore: false };
  switch (id) {
    case 'moons':
      return { ...base, box: { xmin: -3, xmax: 3, ymin: -3, ymax: 3 }, sample: moons };
    case 'spirals':
      return { ...base, box: { xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 }, sample: spirals };
    case 'checkerboard':
      return { ...base, box: { xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 }, sample: checkerboard };
    case 'drawn': {
      if (opts.points && opts.points.length % 2 !== 0) throw new Error("target 'drawn': points must be interleaved x,y pairs");
      const box = drawnBox(opts.points);
      // creating the target with no points is allowed (the UI shows the empty canvas); sampling is not
      return { ...base, box, sample: drawn(opts.points, box) };
    }
  }
}
