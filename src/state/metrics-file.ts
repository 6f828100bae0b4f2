// The metric series as one JSON file: what the charts show, with labels, so a figure can be redrawn
// in a notebook. The series are the store's decimated ones (at most MAX_POINTS each, evenly strided
// over the whole run), which is what the page plotted.
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, LabSchema } from '../labs/types';
import type { Series } from './slices/metrics';

export const APP_NAME = 'sampling-playground';
/** the app version written into exported files (package.json's, kept in step by a unit test) */
export const APP_VERSION = '0.1.0';

export interface MetricsPayload {
  app: string;
  version: string;
  lab: LabId;
  link: string;
  iteration: number;
  series: Record<string, { label: string; xs: number[]; ys: number[] }>;
}

/** Chart labels by metric key, from the lab's chart views (a key no chart names keeps its key). */
export function metricLabels(schema: LabSchema | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of schema?.views ?? []) if (v.kind === 'chart') for (const m of v.metrics) out[m.key] ??= m.label;
  return out;
}

export function metricsPayload(lab: LabId, link: string, iteration: number, series: Record<string, Series>, schema = LAB_SCHEMAS[lab]): MetricsPayload {
  const labels = metricLabels(schema);
  const out: MetricsPayload['series'] = {};
  for (const [key, s] of Object.entries(series)) {
    if (s.xs.length === 0) continue;
    out[key] = { label: labels[key] ?? key, xs: [...s.xs], ys: [...s.ys] };
  }
  return { app: APP_NAME, version: APP_VERSION, lab, link, iteration, series: out };
}

export function encodeMetricsFile(lab: LabId, link: string, iteration: number, series: Record<string, Series>): string {
  return JSON.stringify(metricsPayload(lab, link, iteration, series));
}
