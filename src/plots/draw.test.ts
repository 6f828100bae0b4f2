import { describe, expect, it } from 'vitest';
import { PointRecorder } from './draw';
import { planeScale } from './scale';

describe('PointRecorder', () => {
  it('keeps a point only after the pointer moved minStep pixels', () => {
    const r = new PointRecorder(4, 100);
    expect(r.add(0, 0)).toBe(true);
    expect(r.add(2, 2)).toBe(false);
    expect(r.add(3, 3)).toBe(true);
    expect(r.add(3, 6)).toBe(false);
    expect(r.add(3, 7)).toBe(true);
    expect(r.count).toBe(3);
  });
  it('stops at the cap', () => {
    const r = new PointRecorder(1, 3);
    for (let i = 0; i < 10; i++) r.add(10 * i, 0);
    expect(r.count).toBe(3);
  });
  it('converts to world coordinates with y up', () => {
    const s = planeScale({ xmin: 0, xmax: 2, ymin: 0, ymax: 2 }, 200, 200, { top: 0, right: 0, bottom: 0, left: 0 });
    const r = new PointRecorder();
    r.add(0, 0);
    r.add(100, 200);
    expect(Array.from(r.toWorld(s))).toEqual([0, 2, 1, 0]);
  });
});
