// One sentence a screen reader can speak about the run: the iteration, then the latest value of
// each metric chart on the page, named by the chart's title (the metric labels alone, "main" or
// "comparison", mean nothing out of context). Pure, so it is tested without a browser.
import type { ViewSpec } from '../../labs/types';

export type ChartSpec = Extract<ViewSpec, { kind: 'chart' }>;

/** at most this many charts are read out: the first ones of a lab are its headline metrics */
export const MAX_CHARTS = 4;

/** 3 significant digits, no exponent for everyday magnitudes, integers as integers */
export function formatValue(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace('e', ' times 10 to the ').replace('+', '');
  return String(Number(v.toPrecision(3)));
}

/** plain words for symbols a screen reader spells out badly */
export function speakable(text: string): string {
  return text
    .replace(/W₂/g, 'W2')
    .replace(/‖/g, '|')
    .replace(/→/g, 'tends to')
    .replace(/−/g, 'minus')
    .replace(/\s+/g, ' ')
    .trim();
}

function latest(s: { ys: readonly number[] } | undefined): number | undefined {
  if (!s || s.ys.length === 0) return undefined;
  const v = s.ys[s.ys.length - 1];
  return Number.isFinite(v) ? v : undefined;
}

export interface SummaryInput {
  iteration: number;
  status: string;
  charts: readonly ChartSpec[];
  series: Record<string, { ys: readonly number[] } | undefined>;
}

export function summarizeMetrics({ iteration, status, charts, series }: SummaryInput): string {
  const parts = [`Iteration ${iteration}${status === 'running' ? '' : `, ${status}`}.`];
  const said = new Set<string>();
  let n = 0;
  for (const c of charts) {
    if (n >= MAX_CHARTS) break;
    const values = c.metrics
      .filter((m) => !said.has(m.key))
      .map((m) => ({ m, v: latest(series[m.key]) }))
      .filter((x): x is { m: (typeof c.metrics)[number]; v: number } => x.v !== undefined);
    if (values.length === 0) continue;
    values.forEach(({ m }) => said.add(m.key));
    n++;
    const title = speakable(c.title);
    if (values.length === 1) parts.push(`${title} ${formatValue(values[0].v)}.`);
    else parts.push(`${title}: ${values.map(({ m, v }) => `${speakable(m.label)} ${formatValue(v)}`).join(', ')}.`);
  }
  return parts.join(' ');
}
