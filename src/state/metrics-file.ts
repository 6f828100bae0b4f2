// The metric series as one JSON file: what the charts show, with labels, so a figure can be redrawn
// in a notebook. The series are the store's decimated ones (at most MAX_POINTS each, evenly strided
// over the whole run), which is what the page plotted.
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, LabSchema, ParamValue } from '../labs/types';
import { defaultsOf } from '../labs/codec/url-codec';
import { fillTokens } from '../labs/view-tokens';
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
  /** the A/B comparison's B run (present only while one runs): its overrides of A's params and its series */
  b?: { overrides: Record<string, unknown>; iteration: number; series: MetricsPayload['series'] };
}

/** B's side of an A/B comparison, for the metrics file */
export interface CompareMetrics {
  /** B's params that differ from A's (typed arrays are written as plain arrays) */
  overrides: Record<string, unknown>;
  iteration: number;
  series: Record<string, Series>;
}

/** Chart labels by metric key, from the lab's chart views (a key no chart names keeps its key). */
export function metricLabels(schema: LabSchema | undefined, params?: Record<string, ParamValue>): Record<string, string> {
  const out: Record<string, string> = {};
  // a label's {tokens} read as the run's params say (DiKL's objectives), the lab's defaults when none are given
  const tokens = schema?.tokens?.(params ?? defaultsOf(schema)) ?? {};
  for (const v of schema?.views ?? []) if (v.kind === 'chart') for (const m of v.metrics) out[m.key] ??= fillTokens(m.label, tokens);
  return out;
}

function labelled(series: Record<string, Series>, labels: Record<string, string>): MetricsPayload['series'] {
  const out: MetricsPayload['series'] = {};
  for (const [key, s] of Object.entries(series)) {
    if (s.xs.length === 0) continue;
    out[key] = { label: labels[key] ?? key, xs: [...s.xs], ys: [...s.ys] };
  }
  return out;
}

export function metricsPayload(lab: LabId, link: string, iteration: number, series: Record<string, Series>, b?: CompareMetrics, schema = LAB_SCHEMAS[lab], params?: Record<string, ParamValue>): MetricsPayload {
  const labels = metricLabels(schema, params);
  const payload: MetricsPayload = { app: APP_NAME, version: APP_VERSION, lab, link, iteration, series: labelled(series, labels) };
  if (b) {
    const overrides = Object.fromEntries(Object.entries(b.overrides).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v]));
    payload.b = { overrides, iteration: b.iteration, series: labelled(b.series, labels) };
  }
  return payload;
}

export function encodeMetricsFile(lab: LabId, link: string, iteration: number, series: Record<string, Series>, b?: CompareMetrics, params?: Record<string, ParamValue>): string {
  return JSON.stringify(metricsPayload(lab, link, iteration, series, b, LAB_SCHEMAS[lab], params));
}
