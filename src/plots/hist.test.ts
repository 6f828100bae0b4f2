import { describe, expect, it } from 'vitest';
import { histMax, histogramPath, nextYMax, outlinePath, referencePoints } from './hist';

const id = (v: number) => v;
const flip = (v: number) => 100 - v;

describe('histogram geometry', () => {
  it('one closed rectangle per non-empty bin, from the baseline', () => {
    const d = histogramPath([0, 1, 2, 3], [10, 0, 20], id, flip);
    expect(d).toBe('M0.0,100.0V90.0H1.0V100.0ZM2.0,100.0V80.0H3.0V100.0Z');
  });
  it('skips NaN bins and tolerates a short edges array', () => {
    expect(histogramPath([0, 1], [NaN, 5], id, flip)).toBe('');
  });
  it('reference points sit at bin centres', () => {
    expect(referencePoints([0, 2, 4], [0.1, 0.2])).toEqual([[1, 0.1], [3, 0.2]]);
  });
  it('histMax covers bars and reference, ignoring non-finite values', () => {
    expect(histMax({ density: new Float32Array([1, NaN]), reference: new Float32Array([3, Infinity]) })).toBe(3);
  });
  it('y range grows at once and shrinks only with hysteresis', () => {
    expect(nextYMax(0, 1)).toBeCloseTo(1.1);
    expect(nextYMax(1.1, 0.9)).toBe(1.1);
    expect(nextYMax(1.1, 0.5)).toBeCloseTo(0.55);
    expect(nextYMax(1.1, 2)).toBeCloseTo(2.2);
    expect(nextYMax(1.1, 0)).toBe(1.1);
  });
});

describe('outlinePath (the B run over A in an A/B comparison)', () => {
  it('is one step line over every bin, at zero where a bin is empty or not finite', () => {
    expect(outlinePath([0, 1, 2, 3], [2, 0, NaN], id, (v) => 10 - v)).toBe('M0.0,8.0H1.0L1.0,10.0H2.0L2.0,10.0H3.0');
    expect(outlinePath([0, 1], [], id, id)).toBe('');
  });
});
