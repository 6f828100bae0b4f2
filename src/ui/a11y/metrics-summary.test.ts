import { describe, expect, it } from 'vitest';
import { formatValue, summarizeMetrics, type ChartSpec } from './metrics-summary';

const chart = (id: string, title: string, keys: string[]): ChartSpec => ({
  id, kind: 'chart', title, metrics: keys.map((k) => ({ key: k, label: k })),
});
const s = (...ys: number[]) => ({ ys });

describe('metrics summary', () => {
  it('names each chart and reads its latest value', () => {
    const text = summarizeMetrics({
      iteration: 1200, status: 'running',
      charts: [chart('m', 'Modes covered', ['modes']), chart('w', 'Sliced W₂ to exact samples', ['sw2'])],
      series: { modes: s(30, 38), sw2: s(2, 1.7123) },
    });
    expect(text).toBe('Iteration 1200. Modes covered 38. Sliced W2 to exact samples 1.71.');
  });

  it('lists the labels of a chart with several series, and says when the run is not running', () => {
    const text = summarizeMetrics({
      iteration: 40, status: 'paused',
      charts: [chart('a', 'Acceptance', ['main', 'comparison'])],
      series: { main: s(0.5), comparison: s(0.25) },
    });
    expect(text).toBe('Iteration 40, paused. Acceptance: main 0.5, comparison 0.25.');
  });

  it('skips charts without finite data and metrics already read out', () => {
    const text = summarizeMetrics({
      iteration: 3, status: 'running',
      charts: [chart('a', 'J', ['J']), chart('b', 'J again', ['J']), chart('c', 'Loss', ['loss'])],
      series: { J: s(1), loss: s(NaN) },
    });
    expect(text).toBe('Iteration 3. J 1.');
  });

  it('reads at most four charts', () => {
    const charts = ['a', 'b', 'c', 'd', 'e'].map((k) => chart(k, k.toUpperCase(), [k]));
    const text = summarizeMetrics({ iteration: 0, status: 'running', charts, series: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, s(1)])) });
    expect(text).toBe('Iteration 0. A 1. B 1. C 1. D 1.');
  });

  it('formats numbers for speech', () => {
    expect(formatValue(38)).toBe('38');
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(2.5e-5)).toBe('2.50 times 10 to the -5');
  });
});
