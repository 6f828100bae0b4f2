import { describe, expect, it } from 'vitest';
import { legendRows } from '../../plots/chart';
import { toCompareSeries } from '../plots/ChartPanel';

describe('chart series of an A/B comparison', () => {
  it('marks each side and gives B its A twin\'s colour', () => {
    const metrics = [{ key: 'sw2', label: 'sliced W₂' }, { key: 'mmd', label: 'MMD²' }];
    const s = toCompareSeries(metrics, { sw2: { xs: [1], ys: [2] } }, { sw2: { xs: [1], ys: [3] }, mmd: { xs: [1], ys: [4] } });
    expect(s.map((x) => x.label)).toEqual(['sliced W₂', 'MMD²', 'sliced W₂', 'MMD²']);
    expect(s.map((x) => x.side)).toEqual(['A', 'A', 'B', 'B']);
    expect(s.map((x) => x.colorIndex)).toEqual([0, 1, 0, 1]);
    expect(s[1].ys).toEqual([]);
    expect(s[2].ys).toEqual([3]);
  });

  it('gives one legend row per metric with both values, and says B is dashed', () => {
    const metrics = [{ key: 'sw2', label: 'sliced W₂' }];
    const s = toCompareSeries(metrics, { sw2: { xs: [1], ys: [2] } }, { sw2: { xs: [1], ys: [3] } }).map((x) => ({ ...x, color: 'red' }));
    const last = (x: { ys: ArrayLike<number> }) => String(x.ys[x.ys.length - 1] ?? '–');
    expect(legendRows(s, last).map((r) => [r.text, r.dash !== null])).toEqual([['sliced W₂  A 2 · B 3', false], ['B dashed, A solid', true]]);
    expect(legendRows(s.slice(0, 1), last).map((r) => r.text)).toEqual(['sliced W₂ 2']);
  });
});
