// The A/B comparison's shared colour scale: an outside range replaces the grid's own.
import { describe, expect, it } from 'vitest';
import { colourTransform, gridToRGBA } from './heatmap';

describe('heatmap colours over an outside range', () => {
  it('maps plain grids linearly over the given range instead of their own', () => {
    const own = colourTransform([0, 1], false, 'log');
    const shared = colourTransform([0, 1], false, 'log', [0, 2]);
    expect(own(1)).toBe(1);
    expect(shared(1)).toBe(0.5);
  });

  it('anchors log grids at the shared maximum', () => {
    const t = colourTransform([-3, -1], true, 'log', [-20, 0]);
    expect(t(0)).toBe(1);
    expect(t(-1)).toBeCloseTo(11 / 12);
    expect(colourTransform([-3, -1], true, 'density', [-20, 0])(-1)).toBeCloseTo(Math.exp(-1));
  });

  it('colours the same value the same in two grids that share a range', () => {
    const range = [0, 4] as const;
    const a = gridToRGBA({ nx: 2, ny: 1, values: new Float32Array([0, 2]), log: false }, 'log', 'viridis', undefined, range);
    const b = gridToRGBA({ nx: 2, ny: 1, values: new Float32Array([2, 4]), log: false }, 'log', 'viridis', undefined, range);
    expect([...a.slice(4, 8)]).toEqual([...b.slice(0, 4)]);
  });
});
