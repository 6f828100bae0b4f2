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
  it('writes the version of package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
