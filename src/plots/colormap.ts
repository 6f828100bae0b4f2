// Perceptually uniform colour maps as 256-entry RGBA lookup tables. A heatmap of 200x200 cells is
// coloured every time the grid arrives; indexing a typed array is far cheaper than calling a d3
// interpolator and parsing a CSS colour string per cell.
import { interpolateCividis, interpolateMagma, interpolateViridis, rgb } from 'd3';

export type ColormapName = 'viridis' | 'magma' | 'cividis';

const INTERPOLATORS: Record<ColormapName, (t: number) => string> = {
  viridis: interpolateViridis,
  magma: interpolateMagma,
  cividis: interpolateCividis,
};

const cache = new Map<ColormapName, Uint8ClampedArray>();

/** RGBA bytes, 256 x 4, entry 0 = low end of the map. Built once per map and shared. */
export function colormapLUT(name: ColormapName = 'viridis'): Uint8ClampedArray {
  let lut = cache.get(name);
  if (lut) return lut;
  const interp = INTERPOLATORS[name];
  lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = rgb(interp(i / 255));
    lut[4 * i] = c.r;
    lut[4 * i + 1] = c.g;
    lut[4 * i + 2] = c.b;
    lut[4 * i + 3] = 255;
  }
  cache.set(name, lut);
  return lut;
}

/** Map t in [0, 1] to a LUT entry; out-of-range values clamp, NaN goes to the low end. */
export function lutIndex(t: number): number {
  if (!(t > 0)) return 0;
  if (t >= 1) return 255;
  return Math.floor(t * 255.999);
}

/** CSS colour of a map at t, for legends and colour bars. */
export function colormapCss(name: ColormapName, t: number): string {
  const lut = colormapLUT(name);
  const i = 4 * lutIndex(t);
  return `rgb(${lut[i]},${lut[i + 1]},${lut[i + 2]})`;
}
