import { describe, expect, it } from 'vitest';
import { clampToBox, inPlot, planeScale, sameBox } from './scale';

const box = { xmin: -2, xmax: 2, ymin: -1, ymax: 1 };
const m = { top: 0, right: 0, bottom: 0, left: 0 };

describe('planeScale', () => {
  it('keeps equal aspect and centres the box in the spare room', () => {
    const s = planeScale(box, 400, 400, m);
    expect(s.k).toBe(100); // limited by the 4-unit width
    expect(s.plot).toEqual({ left: 0, top: 100, width: 400, height: 200 });
    expect(s.x(1) - s.x(0)).toBeCloseTo(-(s.y(1) - s.y(0)));
  });

  it('puts y up: ymax at the top of the plot', () => {
    const s = planeScale(box, 400, 400, m);
    expect(s.toPixel(-2, 1)).toEqual([0, 100]);
    expect(s.toPixel(2, -1)).toEqual([400, 300]);
    expect(s.y(1)).toBe(100);
  });

  it('round-trips world -> pixel -> world, and agrees with the d3 scales', () => {
    const s = planeScale(box, 517, 333);
    for (const [x, y] of [[0, 0], [1.3, -0.7], [-2, 1]] as const) {
      const [px, py] = s.toPixel(x, y);
      expect(px).toBeCloseTo(s.x(x), 9);
      expect(py).toBeCloseTo(s.y(y), 9);
      const [wx, wy] = s.toWorld(px, py);
      expect(wx).toBeCloseTo(x, 9);
      expect(wy).toBeCloseTo(y, 9);
    }
  });

  it('survives a degenerate box and a zero size', () => {
    const s = planeScale({ xmin: 0, xmax: 0, ymin: 0, ymax: 0 }, 0, 0);
    expect(Number.isFinite(s.k)).toBe(true);
  });
});

describe('helpers', () => {
  it('sameBox compares values, not identity', () => {
    expect(sameBox(box, { ...box })).toBe(true);
    expect(sameBox(box, { ...box, xmax: 3 })).toBe(false);
    expect(sameBox(null, null)).toBe(true);
  });
  it('inPlot and clampToBox', () => {
    const s = planeScale(box, 400, 400, m);
    expect(inPlot(s, 200, 200)).toBe(true);
    expect(inPlot(s, 200, 50)).toBe(false);
    expect(inPlot(s, 200, 95, 6)).toBe(true);
    expect(clampToBox([5, -5], box)).toEqual([2, -1]);
  });
});
