import { describe, expect, it } from 'vitest';
import { contourPaths, contourThresholds, sanitize } from './contours';
import type { ScalarGrid } from './heatmap';
import { planeScale } from './scale';

describe('contourThresholds', () => {
  it('log grids: 10 levels equally spaced inside [max - 12, max]', () => {
    const t = contourThresholds([0, -3, -50], true);
    expect(t).toHaveLength(10);
    expect(t[0]).toBeGreaterThan(-12);
    expect(t[9]).toBeLessThan(0);
    const d = t[1] - t[0];
    for (let i = 2; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(d, 9);
  });
  it('plain grids span their range; flat or empty grids have none', () => {
    const t = contourThresholds([0, 11], false);
    expect(t[0]).toBeCloseTo(1);
    expect(t[9]).toBeCloseTo(10);
    expect(contourThresholds([5, 5], false)).toEqual([]);
    expect(contourThresholds([NaN], true)).toEqual([]);
  });
  it('sanitize replaces non-finite cells', () => {
    expect(Array.from(sanitize(new Float32Array([NaN, -Infinity, 1]), -99))).toEqual([-99, -99, 1]);
  });
});

describe('contourPaths', () => {
  it('a radial log-density gives closed rings centred on the peak, in pixel space', () => {
    const n = 40;
    const box = { xmin: -2, xmax: 2, ymin: -2, ymax: 2 };
    const values = new Float32Array(n * n);
    const dx = 4 / n;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const x = -2 + (i + 0.5) * dx;
        const y = -2 + (j + 0.5) * dx;
        values[j * n + i] = -((x - 0.5) ** 2 + y ** 2) / 0.5;
      }
    const grid: ScalarGrid = { kind: 'scalarGrid', nx: n, ny: n, box, values, log: true };
    const s = planeScale(box, 400, 400, { top: 0, right: 0, bottom: 0, left: 0 });
    const paths = contourPaths(grid, s, [-1]);
    expect(paths).toHaveLength(1);
    // the -1 level is the circle of radius sqrt(0.5) around (0.5, 0)
    const nums = paths[0].d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const r = Math.sqrt(0.5) * s.k;
    const [cx, cy] = s.toPixel(0.5, 0);
    for (let k = 0; k < nums.length; k += 2) {
      expect(Math.hypot(nums[k] - cx, nums[k + 1] - cy)).toBeCloseTo(r, -0.5); // within ~3 px
    }
  });
});
