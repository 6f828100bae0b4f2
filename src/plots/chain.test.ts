import { describe, expect, it } from 'vitest';
import { chainAlpha, clipSegment } from './chain';
import type { PlaneScale } from './scale';

const s = { plot: { left: 0, top: 0, width: 100, height: 100 } } as PlaneScale;

describe('the chain layer', () => {
  it('clips a segment to a diverged proposal at the grown plot, keeping its direction', () => {
    const seg = clipSegment([50, 50], [50 + 1e30, 50], s)!;
    expect(seg[0]).toEqual([50, 50]);
    expect(seg[1][0]).toBeCloseTo(200);
    expect(seg[1][1]).toBe(50);
    const diag = clipSegment([50, 50], [1050, 1050], s)!;
    expect(diag[1][0]).toBeCloseTo(200);
    expect(diag[1][1]).toBeCloseTo(200);
  });
  it('drops what is wholly outside or not finite, keeps what is inside as is', () => {
    expect(clipSegment([500, 500], [600, 700], s)).toBeNull();
    expect(clipSegment([50, 50], [NaN, 0], s)).toBeNull();
    expect(clipSegment([10, 20], [30, 40], s)).toEqual([[10, 20], [30, 40]]);
  });
  it('fades older events', () => {
    expect(chainAlpha(39, 40)).toBe(1);
    expect(chainAlpha(0, 40)).toBeCloseTo(0.15);
  });
});
