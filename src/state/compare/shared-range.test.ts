import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/snapshot';
import { SharedRange, finiteRange, planeGrid, unionRange } from './shared-range';

const box = { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };
const snap = (values: number[], name = 'density'): Snapshot => ({
  iteration: 0, metrics: {}, info: {}, box,
  layers: { [name]: { kind: 'scalarGrid', nx: values.length, ny: 1, box, values: new Float32Array(values), log: true } },
});

describe('shared colour range', () => {
  it('ignores non-finite values and unions what is known', () => {
    expect(finiteRange([NaN, -Infinity, 2, -1, Infinity])).toEqual([-1, 2]);
    expect(finiteRange([NaN])).toBeNull();
    expect(unionRange([[0, 1], null, [-2, 0.5]])).toEqual([-2, 1]);
    expect(unionRange([null, undefined])).toBeNull();
  });

  it('takes the first scalar grid among the plane layers', () => {
    expect(planeGrid(snap([1]), ['particles', 'density'])?.values[0]).toBe(1);
    expect(planeGrid(snap([1], 'other'), ['density'])).toBeNull();
  });

  it('covers both sides, keeps a side across frames without grids, and notifies only on change', () => {
    const r = new SharedRange(['density']);
    const seen: (readonly [number, number] | null)[] = [];
    r.subscribe((x) => seen.push(x));
    r.offer('a', snap([-5, 0]));
    r.offer('b', snap([-9, -1]));
    r.offer('b', { ...snap([]), layers: {} });
    r.offer('a', snap([-5, 0]));
    expect(r.get()).toEqual([-9, 0]);
    expect(seen).toEqual([null, [-5, 0], [-9, 0]]);
    r.forget('b');
    expect(r.get()).toEqual([-5, 0]);
  });
});
