import { describe, expect, it } from 'vitest';
import { SLIDER_STEPS, fromSlider, toSlider } from './slider-scale';

describe('slider scale', () => {
  it('linear: ends and middle', () => {
    const spec = { min: 0, max: 2, kind: 'number' as const };
    expect(toSlider(spec, 0)).toBe(0);
    expect(toSlider(spec, 1)).toBe(SLIDER_STEPS / 2);
    expect(fromSlider(spec, SLIDER_STEPS)).toBe(2);
  });
  it('log with a positive minimum: decades are equal lengths', () => {
    const spec = { min: 1e-4, max: 1, scale: 'log' as const, kind: 'number' as const };
    expect(toSlider(spec, 1e-2)).toBe(SLIDER_STEPS / 2);
    expect(fromSlider(spec, SLIDER_STEPS / 2)).toBeCloseTo(1e-2, 6);
  });
  it('log from 0 (counts): 0 is the left end, every position is a finite value, and it round-trips', () => {
    const spec = { min: 0, max: 20000, scale: 'log' as const, kind: 'int' as const };
    expect(toSlider(spec, 0)).toBe(0);
    expect(toSlider(spec, 20000)).toBe(SLIDER_STEPS);
    expect(fromSlider(spec, 0)).toBe(0);
    expect(fromSlider(spec, SLIDER_STEPS)).toBe(20000);
    for (let s = 0; s <= SLIDER_STEPS; s += 50) {
      const v = fromSlider(spec, s);
      expect(Number.isInteger(v)).toBe(true);
      // value -> position -> value comes back (to 1 or 1 %: integers are coarse at the low end)
      expect(Math.abs(fromSlider(spec, toSlider(spec, v)) - v)).toBeLessThanOrEqual(Math.max(1, 0.01 * v));
    }
    // the default of the Samplers lab (1500) is past the middle, not pinned at an end
    expect(toSlider(spec, 1500)).toBeGreaterThan(600);
    expect(toSlider(spec, 1500)).toBeLessThan(800);
  });
  it('never returns NaN for a value outside the range', () => {
    const spec = { min: 0, max: 100, scale: 'log' as const, kind: 'int' as const };
    expect(toSlider(spec, -5)).toBe(0);
    expect(toSlider(spec, NaN)).toBe(0);
    expect(toSlider(spec, 1e9)).toBe(SLIDER_STEPS);
  });
});

describe('every numeric parameter of every lab', () => {
  it('has a slider: finite positions at min, default and max, and finite values at every position', async () => {
    const { LAB_SCHEMAS } = await import('../labs/schemas');
    let n = 0;
    for (const schema of Object.values(LAB_SCHEMAS)) {
      for (const p of schema!.params) {
        if (p.kind !== 'number' && p.kind !== 'int') continue;
        n++;
        for (const v of [p.min ?? 0, Number(p.default), p.max ?? 1]) {
          const pos = toSlider(p, v);
          expect(Number.isFinite(pos), `${schema!.id}.${p.key} at ${v}`).toBe(true);
        }
        for (const s of [0, 1, 500, 999, SLIDER_STEPS]) expect(Number.isFinite(fromSlider(p, s)), `${schema!.id}.${p.key} at position ${s}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});
