import { describe, expect, it } from 'vitest';
import { colormapCss, colormapLUT, lutIndex } from './colormap';
import { colourTransform, finiteExtent, gridToRGBA, LOG_RANGE } from './heatmap';

describe('colormap', () => {
  it('builds 256 opaque RGBA entries, dark to bright for viridis', () => {
    const lut = colormapLUT('viridis');
    expect(lut.length).toBe(1024);
    expect(lut[3]).toBe(255);
    const lum = (i: number) => lut[4 * i] + lut[4 * i + 1] + lut[4 * i + 2];
    expect(lum(255)).toBeGreaterThan(lum(0));
    expect(colormapLUT('viridis')).toBe(lut); // cached
    expect(colormapCss('magma', 0)).toMatch(/^rgb\(/);
  });
  it('lutIndex clamps and sends NaN to the low end', () => {
    expect(lutIndex(-1)).toBe(0);
    expect(lutIndex(NaN)).toBe(0);
    expect(lutIndex(2)).toBe(255);
    expect(lutIndex(0.5)).toBe(127);
  });
});

describe('heatmap colouring', () => {
  it('finiteExtent ignores NaN and infinities', () => {
    expect(finiteExtent([NaN, -Infinity, 1, 3, Infinity])).toEqual([1, 3]);
    expect(finiteExtent([NaN])).toEqual([NaN, NaN]);
  });

  it('log mode clips to [max - 12, max]', () => {
    const vals = [0, -6, -12, -100];
    const t = colourTransform(vals, true, 'log');
    expect(t(0)).toBe(1);
    expect(t(-6)).toBeCloseTo(0.5);
    expect(t(-LOG_RANGE)).toBe(0);
    expect(lutIndex(t(-100))).toBe(0);
  });

  it('density mode exponentiates relative to the peak (no overflow for large log values)', () => {
    const t = colourTransform([1000, 1000 - Math.log(2)], true, 'density');
    expect(t(1000)).toBe(1);
    expect(t(1000 - Math.log(2))).toBeCloseTo(0.5);
  });

  it('plain grids are linear over their range', () => {
    const t = colourTransform([2, 4, 6], false, 'log');
    expect(t(4)).toBeCloseTo(0.5);
  });

  it('flips rows so grid row 0 (ymin) is the bottom image row', () => {
    // 1 x 2 grid: bottom cell low, top cell high
    const rgba = gridToRGBA({ nx: 1, ny: 2, values: new Float32Array([-12, 0]), log: true }, 'log');
    const lut = colormapLUT('viridis');
    expect(Array.from(rgba.slice(0, 4))).toEqual(Array.from(lut.slice(1020, 1024))); // top row = high
    expect(Array.from(rgba.slice(4, 8))).toEqual(Array.from(lut.slice(0, 4)));
  });
});
