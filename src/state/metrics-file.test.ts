import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, encodeMetricsFile, metricLabels } from './metrics-file';
import { LAB_SCHEMAS } from '../labs/schemas';
import { emptySeries } from './slices/metrics';

describe('metrics file', () => {
  it('holds every series with data, labelled from the charts', () => {
    const j = JSON.parse(encodeMetricsFile('samplers', '#/samplers?v=1', 40, {
      sw2: { ...emptySeries(), xs: [10, 20], ys: [1.5, 0.7] },
      mmd: emptySeries(),
      extra: { ...emptySeries(), xs: [1], ys: [2] },
    }));
    expect(j).toMatchObject({ app: 'sampling-playground', lab: 'samplers', link: '#/samplers?v=1', iteration: 40 });
    expect(Object.keys(j.series).sort()).toEqual(['extra', 'sw2']);
    expect(j.series.sw2).toEqual({ label: metricLabels(LAB_SCHEMAS.samplers).sw2, xs: [10, 20], ys: [1.5, 0.7] });
    expect(j.series.sw2.label).not.toBe('sw2');
    expect(j.series.extra.label).toBe('extra');
  });
  it("adds B's series and overrides under b while an A/B comparison runs, and only then", () => {
    const a = { sw2: { ...emptySeries(), xs: [10], ys: [1.5] } };
    const b = { sw2: { ...emptySeries(), xs: [10, 20], ys: [2.5, 2] }, mmd: emptySeries() };
    const j = JSON.parse(encodeMetricsFile('samplers', '#/samplers?v=2&ab=1&b.sampler=mala', 20, a, { overrides: { sampler: 'mala', xy: new Float32Array([1, 2]) }, iteration: 20, series: b }));
    expect(j.b).toEqual({ overrides: { sampler: 'mala', xy: [1, 2] }, iteration: 20, series: { sw2: { label: metricLabels(LAB_SCHEMAS.samplers).sw2, xs: [10, 20], ys: [2.5, 2] } } });
    expect(j.series.sw2.ys).toEqual([1.5]);
    expect(JSON.parse(encodeMetricsFile('samplers', '', 20, a))).not.toHaveProperty('b');
  });
  it('writes the version of package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
