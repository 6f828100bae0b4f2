import { describe, expect, it } from 'vitest';
import { samplersSchema } from '../../labs/samplers/schema';
import type { ViewSpec } from '../../labs/types';
import { namedFirst } from './named-chart';

type ChartSpec = Extract<ViewSpec, { kind: 'chart' }>;
const charts = samplersSchema.views.filter((v): v is ChartSpec => v.kind === 'chart');
const ids = (cs: ChartSpec[]) => cs.map((c) => c.id);

describe('namedFirst', () => {
  it('puts the chart a Samplers preset tells the reader to watch first', () => {
    const p = samplersSchema.presets.find((x) => x.id === 'langevin-stuck')!;
    expect(ids(namedFirst(charts, p.lookFor))[0]).toBe('modes');
  });
  it('orders several named charts by where the text names them and keeps the rest in order', () => {
    const out = ids(namedFirst(charts, 'Watch the acceptance rate, then the mean log-density.'));
    expect(out.slice(0, 2)).toEqual(['accept', 'logp']);
    expect(out.slice(2)).toEqual(ids(charts).filter((id) => id !== 'accept' && id !== 'logp'));
  });
  it('keeps the schema order without a text or a mention', () => {
    expect(ids(namedFirst(charts, undefined))).toEqual(ids(charts));
    expect(ids(namedFirst(charts, 'nothing named here'))).toEqual(ids(charts));
  });
});
