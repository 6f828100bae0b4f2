// The experiment as a JSON file that opens again: the same params, page options, seed and backend a
// link holds, plus (optionally) the metric series so a figure can be redrawn elsewhere. Values are
// written with the link codec's encodeValue and read back through validateParams/parseUiOptions, so
// a file is exactly as strict as a link: unknown keys, NaN or out-of-range values come back as the
// same notices, and an imported file yields the very link it was exported from.
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, ParamValue } from '../labs/types';
import { encodeValue } from '../labs/codec/param-codec';
import { specsOf } from '../labs/modes';
import { BACKEND_REQUESTS, formatHash, RESERVED_KEYS, URL_VERSION, validateParams } from '../labs/codec/url-codec';
import { migrateRaw } from '../labs/codec/migrations';
import { ownValue, textRecord } from '../labs/codec/own';
import { COMPARE_PREFIX, parseUiOptions, type UiOptions } from '../labs/codec/ui-options';
import type { BackendRequest } from '../protocol/messages';
import { APP_NAME, APP_VERSION, metricsPayload, type MetricsPayload } from './metrics-file';
import type { Series } from './slices/metrics';

export const EXPERIMENT_FORMAT = 'sampling-playground/experiment';
export const EXPERIMENT_VERSION = 1;
/** a real experiment file is a few kB (tens with metrics); anything this big is not one */
export const MAX_EXPERIMENT_BYTES = 8 * 1024 * 1024;

export interface ExperimentState {
  lab: LabId;
  params: Record<string, ParamValue>;
  ui: UiOptions;
  backend: BackendRequest;
}

export interface ExperimentFile {
  format: typeof EXPERIMENT_FORMAT;
  version: number;
  app: string;
  appVersion: string;
  lab: LabId;
  /** every param as its link text (typed values, e.g. mixtures, survive as in a link) */
  params: Record<string, string>;
  ui: { hide: string[]; present: boolean; compare: Record<string, string> | null };
  link: string;
  seed: number;
  backend: BackendRequest;
  exportedAt: string;
  metrics?: MetricsPayload['series'];
}

export function encodeExperiment(s: ExperimentState, opts: { series?: Record<string, Series>; iteration?: number; now?: Date } = {}): string {
  const schema = ownValue(LAB_SCHEMAS, s.lab);
  if (!schema) throw new Error(`unknown lab ${s.lab}`);
  const params: Record<string, string> = {};
  for (const spec of specsOf(schema, s.params)) if (s.params[spec.key] !== undefined) params[spec.key] = encodeValue(spec, s.params[spec.key]);
  let compare: Record<string, string> | null = null;
  if (s.ui.compare) {
    compare = {};
    for (const spec of specsOf(schema, s.params)) if (Object.hasOwn(s.ui.compare, spec.key)) compare[spec.key] = encodeValue(spec, s.ui.compare[spec.key]);
  }
  const file: ExperimentFile = {
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_VERSION,
    app: APP_NAME,
    appVersion: APP_VERSION,
    lab: s.lab,
    params,
    ui: { hide: [...s.ui.hide], present: s.ui.present, compare },
    link: formatHash(s.lab, s.params, { backend: s.backend, ui: s.ui }),
    seed: Number(s.params.seed),
    backend: s.backend,
    exportedAt: (opts.now ?? new Date()).toISOString(),
  };
  if (opts.series) file.metrics = metricsPayload(s.lab, '', opts.iteration ?? 0, opts.series, undefined, schema, s.params).series;
  return JSON.stringify(file, null, 1);
}

export interface ImportedExperiment extends ExperimentState {
  /** the canonical link of the imported state (what the address bar will show) */
  link: string;
  /** one line per correction, worded like a link's notices */
  notices: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file value as link text; a hand-edited number or boolean is accepted, anything else is reported. */
function asText(key: string, v: unknown, notices: string[]): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  notices.push(`${key}: ${v === null ? 'null' : typeof v} is not a value; ignored`);
  return undefined;
}

/** Parse and validate an experiment file; throws an Error whose message says what is wrong with it. */
export function decodeExperiment(text: string): ImportedExperiment {
  if (text.length > MAX_EXPERIMENT_BYTES) throw new Error(`the file is ${(text.length / 1048576).toFixed(1)} MB; an experiment file is a few kB`);
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  if (!isObject(j) || j.format !== EXPERIMENT_FORMAT) {
    const hint = isObject(j) && typeof j.format === 'string' && j.format.includes('weights') ? ' (it is a weights file: use "Load" beside the plot)' : '';
    throw new Error(`the file is not an experiment of this playground${hint}`);
  }
  const notices: string[] = [];
  if (typeof j.version !== 'number' || !Number.isInteger(j.version) || j.version < 1) throw new Error('the file has no valid format version');
  if (j.version > EXPERIMENT_VERSION) notices.push(`This file is from a newer version (${j.version}) of the experiment format than this one (${EXPERIMENT_VERSION}); some settings may read differently.`);
  const lab = typeof j.lab === 'string' ? (j.lab as LabId) : undefined;
  // own keys only: a file saying "lab": "constructor" must not find Object.prototype.constructor
  const schema = lab ? ownValue(LAB_SCHEMAS, lab) : undefined;
  if (!lab || !schema) throw new Error(`the file names no lab of this playground (lab: ${JSON.stringify(j.lab)?.slice(0, 40)})`);
  if (!isObject(j.params)) throw new Error('the file has no params object');

  // the file's params are written with the link keys of the version its link names: migrate from there
  const linkV = typeof j.link === 'string' ? /[?&]v=(\d+)/.exec(j.link)?.[1] : undefined;
  // prototype-free: a "__proto__" key in the file is an unknown setting, reported like any other
  const raw = textRecord<string>();
  raw.v = linkV ?? String(URL_VERSION);
  for (const [key, v] of Object.entries(j.params)) {
    // link-only keys inside params would be read as a preset or page options: report them instead
    if ((RESERVED_KEYS as readonly string[]).includes(key) || key.startsWith(COMPARE_PREFIX)) {
      notices.push(`params: "${key.slice(0, 40)}" is not a setting of ${lab}; ignored`);
      continue;
    }
    const t = asText(key, v, notices);
    if (t !== undefined) raw[key] = t;
  }
  // the top-level seed is a convenience copy: it counts only when params lack one
  if (raw.seed === undefined && j.seed !== undefined) {
    const t = asText('seed', j.seed, notices);
    if (t !== undefined) raw.seed = t;
  }
  if (isObject(j.ui)) {
    const u = j.ui;
    if (Array.isArray(u.hide)) raw.hide = u.hide.filter((h): h is string => typeof h === 'string').join(',');
    if (u.present !== undefined) raw.present = u.present === true ? '1' : u.present === false ? '0' : String(u.present);
    if (isObject(u.compare)) {
      raw.ab = '1';
      for (const [key, v] of Object.entries(u.compare)) {
        const t = asText(`${COMPARE_PREFIX}${key}`, v, notices);
        if (t !== undefined) raw[`${COMPARE_PREFIX}${key}`] = t;
      }
    }
  } else if (j.ui !== undefined) notices.push('ui: not an object; ignored');

  const current = migrateRaw(schema.id, { ...raw }).raw;
  const v = validateParams(schema, current);
  const u = parseUiOptions(schema, current, v.params);
  notices.push(...v.notices.map((n) => n.message), ...u.notices.map((n) => n.message));
  let backend: BackendRequest = 'auto';
  if (j.backend !== undefined) {
    if ((BACKEND_REQUESTS as readonly unknown[]).includes(j.backend)) backend = j.backend as BackendRequest;
    else notices.push(`backend="${String(j.backend).slice(0, 40)}" is not a backend; allowed: ${BACKEND_REQUESTS.join(', ')}; using auto`);
  }
  const link = formatHash(lab, v.params, { backend, ui: u.ui });
  return { lab, params: v.params, ui: u.ui, backend, link, notices };
}
