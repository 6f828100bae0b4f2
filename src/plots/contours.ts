// Contour lines of a `scalarGrid` as SVG path strings. d3-contour places value i at grid
// coordinate i + 0.5, which is exactly the protocol's cell centre x_i = xmin + (i + .5) dx, so grid
// coordinate g maps to world xmin + g * dx with no half-cell shift.
import { contours as d3contours, geoPath, geoTransform } from 'd3';
import type { ScalarGrid, DensityMode } from './heatmap';
import { finiteExtent, LOG_RANGE } from './heatmap';
import type { PlaneScale } from './scale';

export const CONTOUR_LEVELS = 10;

/**
 * Levels strictly inside the shown range. Log grids get levels equally spaced in log-density over
 * the same [max - 12, max] window the heatmap uses (so each line is a fixed density ratio apart)
 * whatever the colour mode; plain grids get equally spaced values over their finite range.
 */
export function contourThresholds(values: ArrayLike<number>, log: boolean, n = CONTOUR_LEVELS): number[] {
  const [lo, hi] = finiteExtent(values);
  if (!Number.isFinite(hi)) return [];
  const from = log ? hi - LOG_RANGE : lo;
  const span = hi - from;
  if (!(span > 0)) return [];
  const out: number[] = [];
  for (let k = 1; k <= n; k++) out.push(from + (span * k) / (n + 1));
  return out;
}

/** Non-finite cells become "far below every level" so marching squares never interpolates NaN. */
export function sanitize(values: Float32Array, floor: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : v === Infinity ? Number.MAX_VALUE : floor;
  }
  return out;
}

export interface ContourPath {
  value: number;
  d: string;
}

/** One SVG path per level, in the plane's pixel coordinates. */
export function contourPaths(grid: ScalarGrid, s: PlaneScale, thresholds?: number[]): ContourPath[] {
  const { nx, ny, box } = grid;
  if (nx < 2 || ny < 2) return [];
  const levels = thresholds ?? contourThresholds(grid.values, grid.log);
  if (levels.length === 0) return [];
  const dx = (box.xmax - box.xmin) / nx;
  const dy = (box.ymax - box.ymin) / ny;
  const data = sanitize(grid.values, levels[0] - 1e3);
  const polys = d3contours().size([nx, ny]).thresholds(levels)(data as unknown as number[]);
  // geoTransform streams every ring point through here: grid coords -> world -> pixels
  const project = geoTransform({
    point(gx: number, gy: number) {
      const [px, py] = s.toPixel(box.xmin + gx * dx, box.ymin + gy * dy);
      this.stream.point(px, py);
    },
  });
  const path = geoPath(project);
  const out: ContourPath[] = [];
  for (const p of polys) {
    const d = path(p);
    if (d) out.push({ value: p.value, d });
  }
  return out;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Thin light lines over the heatmap. Stroke colour and width are attributes, not CSS, so the
 * exported SVG looks the same outside the page.
 */
export function drawContours(g: SVGGElement, grid: ScalarGrid | null, s: PlaneScale, mode: DensityMode): void {
  g.replaceChildren();
  if (!grid || mode === 'off') return;
  for (const c of contourPaths(grid, s)) {
    const el = document.createElementNS(SVG_NS, 'path');
    el.setAttribute('d', c.d);
    el.setAttribute('fill', 'none');
    el.setAttribute('stroke', '#ffffff');
    el.setAttribute('stroke-opacity', '0.45');
    el.setAttribute('stroke-width', '0.8');
    el.setAttribute('vector-effect', 'non-scaling-stroke');
    g.appendChild(el);
  }
}
