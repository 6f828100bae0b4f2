// Heatmap of a `scalarGrid` layer: the grid is coloured once into an nx x ny image, then drawn
// scaled with smoothing onto the box's pixel rectangle. Colouring costs O(cells) and runs only when
// a new grid arrives; redraws after a resize only rescale the cached image.
import { finiteRange } from '../labs/common/extent';
import type { Layer } from '../protocol/snapshot';
import { colormapLUT, lutIndex, type ColormapName } from './colormap';
import type { PlaneScale } from './scale';

export type ScalarGrid = Extract<Layer, { kind: 'scalarGrid' }>;
export type DensityMode = 'log' | 'density' | 'off';
/** [min, max] of the values a colour map spans */
export type ValueRange = readonly [number, number];

/** log-densities more than this far below the peak share the lowest colour (e^-12 ~ 6e-6 of the peak) */
export const LOG_RANGE = 12;

/** Largest and smallest finite values; [NaN, NaN] when there are none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  const r = finiteRange(values);
  return r ? [r[0], r[1]] : [NaN, NaN];
}

/**
 * The function from a grid value to t in [0, 1]. Log grids: 'log' shows log p over [max - 12, max]
 * (deep tails would otherwise take most of the map); 'density' shows p / p_max, so a
 * log-density grid is exponentiated relative to its peak and never overflows.
 * Plain grids are shown linearly over their finite range in either mode.
 */
export function colourTransform(values: ArrayLike<number>, log: boolean, mode: DensityMode, range?: ValueRange | null): (v: number) => number {
  // an outside range (an A/B comparison's shared scale) replaces the grid's own, so equal colours mean equal values
  const [lo, hi] = range ?? finiteExtent(values);
  if (!Number.isFinite(hi)) return () => 0;
  if (log && mode === 'density') return (v) => Math.exp(v - hi);
  if (log) {
    const base = hi - LOG_RANGE;
    return (v) => (v - base) / LOG_RANGE;
  }
  const span = hi - lo || 1;
  return (v) => (v - lo) / span;
}

/**
 * RGBA bytes of the grid, image row 0 at the top: grid row j (y_j increasing upwards) goes to
 * image row ny - 1 - j, because canvas y points down and world y points up.
 */
export function gridToRGBA(
  grid: Pick<ScalarGrid, 'nx' | 'ny' | 'values' | 'log'>,
  mode: DensityMode,
  map: ColormapName = 'viridis',
  out?: Uint8ClampedArray,
  range?: ValueRange | null,
): Uint8ClampedArray {
  const { nx, ny, values } = grid;
  const rgba = out && out.length === nx * ny * 4 ? out : new Uint8ClampedArray(nx * ny * 4);
  const lut = colormapLUT(map);
  const t = colourTransform(values, grid.log, mode, range);
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const c = 4 * lutIndex(t(values[j * nx + i]));
      const o = 4 * (row + i);
      rgba[o] = lut[c];
      rgba[o + 1] = lut[c + 1];
      rgba[o + 2] = lut[c + 2];
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

/**
 * Holds the coloured image of the last grid, so a resize or a re-layout only calls drawImage.
 * The grid's pixel rectangle is its box, which need not be the plane's box.
 */
export class HeatmapLayer {
  private image: HTMLCanvasElement | null = null;
  private key: { values: Float32Array; mode: DensityMode; map: ColormapName; range: ValueRange | null } | null = null;
  private grid: ScalarGrid | null = null;

  constructor(private map: ColormapName = 'viridis') {}

  setColormap(map: ColormapName): void {
    this.map = map;
  }

  /** Recolour only when the grid's array or the mode changed (the engine sends new arrays, never mutates). */
  update(grid: ScalarGrid, mode: DensityMode, range: ValueRange | null = null): void {
    const k = this.key;
    if (k && k.values === grid.values && k.mode === mode && k.map === this.map && k.range === range) return;
    const img = this.image ?? document.createElement('canvas');
    if (img.width !== grid.nx) img.width = grid.nx;
    if (img.height !== grid.ny) img.height = grid.ny;
    const ctx = img.getContext('2d');
    if (!ctx) return;
    const data = ctx.createImageData(grid.nx, grid.ny);
    gridToRGBA(grid, mode, this.map, data.data, range);
    ctx.putImageData(data, 0, 0);
    this.image = img;
    this.grid = grid;
    this.key = { values: grid.values, mode, map: this.map, range };
  }

  draw(ctx: CanvasRenderingContext2D, s: PlaneScale): void {
    if (!this.image || !this.grid) return;
    const b = this.grid.box;
    const [x0, y0] = s.toPixel(b.xmin, b.ymax);
    const [x1, y1] = s.toPixel(b.xmax, b.ymin);
    ctx.save();
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.beginPath();
    ctx.rect(s.plot.left, s.plot.top, s.plot.width, s.plot.height);
    ctx.clip();
    ctx.drawImage(this.image, x0, y0, x1 - x0, y1 - y0);
    ctx.restore();
  }

  clear(): void {
    this.image = null;
    this.key = null;
    this.grid = null;
  }
}
