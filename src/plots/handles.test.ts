import { describe, expect, it } from 'vitest';
import type { Mixture } from '../core/types';
import { covAxes, ellipsePath, ellipsePoints } from './ellipse';
import { hitHandle, wheelFactor } from './handles';
import { planeScale } from './scale';

const s = planeScale({ xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, 200, 200, { top: 0, right: 0, bottom: 0, left: 0 });

describe('covariance ellipse', () => {
  it('eigen-decomposes diagonal and rotated covariances', () => {
    const d = covAxes([4, 0, 1]);
    expect(d.l1).toBeCloseTo(4);
    expect(d.l2).toBeCloseTo(1);
    expect(Math.abs(d.v1[0])).toBeCloseTo(1);
    const r = covAxes([1, 0.9, 1]);
    expect(r.l1).toBeCloseTo(1.9);
    expect(r.l2).toBeCloseTo(0.1);
    expect(r.v1[0]).toBeCloseTo(Math.SQRT1_2);
    expect(r.v1[1]).toBeCloseTo(Math.SQRT1_2);
  });

  it('points lie on x^T S^-1 x = 1 (1 sigma)', () => {
    const cov: [number, number, number] = [2, 0.6, 0.5];
    const det = cov[0] * cov[2] - cov[1] ** 2;
    for (const [x, y] of ellipsePoints([1, -1], cov)) {
      const a = x - 1;
      const b = y + 1;
      expect((cov[2] * a * a - 2 * cov[1] * a * b + cov[0] * b * b) / det).toBeCloseTo(1, 9);
    }
  });

  it('a singular covariance gives a segment, not nothing', () => {
    const pts = ellipsePoints([0, 0], [1, 1, 1]);
    for (const [x, y] of pts) expect(x).toBeCloseTo(y, 9);
    expect(Math.max(...pts.map((p) => p[0]))).toBeCloseTo(1, 2); // sigma sqrt(2) along the diagonal
    expect(ellipsePath([0, 0], [1, 1, 1], s)).toMatch(/^M.*Z$/);
  });
});

describe('hit-testing', () => {
  const comps: Mixture = [
    { w: 1, mean: [0, 0], cov: [0.1, 0, 0.1] },
    { w: 1, mean: [0.1, 0], cov: [0.1, 0, 0.1] },
  ];
  it('picks the nearest handle within the radius', () => {
    expect(hitHandle(comps, s, 101, 100)).toBe(0); // (0,0) is at pixel (100,100)
    expect(hitHandle(comps, s, 109, 100)).toBe(1); // (0.1,0) is at (110,100)
    expect(hitHandle(comps, s, 150, 150)).toBe(-1);
    expect(hitHandle([], s, 100, 100)).toBe(-1);
  });
  it('wheel up widens, down narrows, flings are capped', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(100) * wheelFactor(-100)).toBeCloseTo(1);
    expect(wheelFactor(1e6)).toBeCloseTo(wheelFactor(300));
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(99));
  });
});
