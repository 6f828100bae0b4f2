import { describe, expect, it } from 'vitest';
import { sameGrid } from './grid-compare';
import type { ScalarGrid } from './heatmap';

const box = { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };
const grid = (values: number[], b = box): ScalarGrid => ({ kind: 'scalarGrid', nx: 2, ny: 2, box: b, values: new Float32Array(values), log: true }) as ScalarGrid;

describe('sameGrid', () => {
  it('treats a fresh copy of the same values as the same grid', () => {
    expect(sameGrid(grid([1, 2, 3, NaN]), grid([1, 2, 3, NaN]))).toBe(true);
  });
  it('sees a changed value, box or missing grid', () => {
    expect(sameGrid(grid([1, 2, 3, 4]), grid([1, 2, 3, 5]))).toBe(false);
    expect(sameGrid(grid([1, 2, 3, 4]), grid([1, 2, 3, 4], { ...box, xmax: 2 }))).toBe(false);
    expect(sameGrid(null, grid([1, 2, 3, 4]))).toBe(false);
    expect(sameGrid(null, null)).toBe(true);
  });
});
