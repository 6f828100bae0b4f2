// A data set from a file: CSV (or TSV, or whitespace-separated) with two numeric columns, or JSON ([[x, y],
// ...], [{x, y}, ...] or {"points": ...}). Read strictly and within bounds: rows whose two values are not
// finite numbers are dropped and counted, a header row is recognised, a file past the size bound is
// refused. The points become a lab's `drawn` data (the codec's xy param: at most MAX_XY_POINTS, which is
// what a link carries; a larger file is thinned to an even stride, and the report says so). Pure: the
// UI reads the file's text and shows the report.
import type { Box } from '../core/types';
import { MAX_XY_POINTS, XY_RESOLUTION } from '../labs/codec/points-codec';

/** a data file of points is a few hundred kB at most; past this it is not one */
export const MAX_POINTS_FILE_BYTES = 5 * 1024 * 1024;
/** rows read (and checked) before the file is called too long */
export const MAX_POINTS_ROWS = 200_000;
/** fewer points than this is not a data set a score can be learned from */
export const MIN_FILE_POINTS = 2;
/** the largest |coordinate| a link stores (int16 at XY_RESOLUTION) */
export const XY_LIMIT = 32767 * XY_RESOLUTION;

export interface PointsReport {
  /** interleaved x, y, at most MAX_XY_POINTS pairs */
  points: Float32Array;
  /** rows that held two finite numbers */
  valid: number;
  /** rows dropped for a missing or non-numeric value, and the first few of their line numbers */
  dropped: number;
  droppedLines: number[];
  /** a header row was skipped */
  header: boolean;
  /** valid rows left out to stay within MAX_XY_POINTS (an even stride keeps the shape) */
  thinned: number;
  /** the points were mapped into the box (on request, or because they did not fit a link) */
  rescaled: boolean;
}

export type PointsResult = { ok: true; report: PointsReport } | { ok: false; message: string };

const SEPARATOR = /[,;\t ]+/;
const num = (s: string | undefined): number => {
  const t = (s ?? '').trim();
  return t === '' ? NaN : Number(t);
};

function fromCsv(text: string): { rows: [number, number][]; dropped: number[]; header: boolean } | string {
  const lines = text.split(/\r\n|\n|\r/);
  const rows: [number, number][] = [];
  const dropped: number[] = [];
  let header = false;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (++seen > MAX_POINTS_ROWS) return `the file has more than ${MAX_POINTS_ROWS.toLocaleString('en')} rows`;
    const cells = line.split(SEPARATOR);
    const x = num(cells[0]);
    const y = num(cells[1]);
    if (Number.isFinite(x) && Number.isFinite(y)) rows.push([x, y]);
    // a first row of names (x,y or anything not numeric) is a header, not a bad row
    else if (seen === 1 && cells.some((c) => /[a-z_]/i.test(c) && !/^(nan|inf|-inf|infinity|-infinity|null)$/i.test(c.trim()))) header = true;
    else dropped.push(i + 1);
  }
  return { rows, dropped, header };
}

function fromJson(text: string): { rows: [number, number][]; dropped: number[]; header: boolean } | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `it is not valid JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { points?: unknown }).points) ? (data as { points: unknown[] }).points : null;
  if (!list) return 'expected a list of points: [[x, y], ...], [{"x": .., "y": ..}, ...] or {"points": [...]}';
  if (list.length > MAX_POINTS_ROWS) return `the file has more than ${MAX_POINTS_ROWS.toLocaleString('en')} points`;
  const rows: [number, number][] = [];
  const dropped: number[] = [];
  list.forEach((p: unknown, i) => {
    const [x, y] = Array.isArray(p) ? [p[0], p[1]] : p && typeof p === 'object' ? [(p as { x?: unknown }).x, (p as { y?: unknown }).y] : [NaN, NaN];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) rows.push([x, y]);
    else dropped.push(i + 1);
  });
  return { rows, dropped, header: false };
}

/** an affine map, the same scale on both axes (a circle stays a circle), putting the points in the box with a 10% margin */
function rescaleInto(rows: [number, number][], box: Box): [number, number][] {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of rows) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const span = Math.max(x1 - x0, y1 - y0, 1e-9);
  const s = (0.8 * Math.min(box.xmax - box.xmin, box.ymax - box.ymin)) / span;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [bx, by] = [(box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2];
  return rows.map(([x, y]) => [bx + (x - cx) * s, by + (y - cy) * s]);
}

/**
 * Read a file's text. `name` picks the format (.json: JSON, anything else: CSV unless the text starts with
 * '[' or '{'). `rescale`: map the points into `box`; points beyond what a link stores are rescaled anyway.
 */
export function readPointsFile(name: string, text: string, opts: { rescale: boolean; box: Box }): PointsResult {
  if (text.length > MAX_POINTS_FILE_BYTES) return { ok: false, message: `${name} is ${(text.length / 1e6).toFixed(1)} MB; a points file may be at most ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB.` };
  const json = /\.json$/i.test(name) || /^\s*[[{]/.test(text);
  const parsed = json ? fromJson(text) : fromCsv(text);
  if (typeof parsed === 'string') return { ok: false, message: `${name} could not be read: ${parsed}.` };
  const { rows, dropped, header } = parsed;
  if (rows.length < MIN_FILE_POINTS) {
    const why = dropped.length ? ` (${dropped.length} rows without two numbers, the first at line ${dropped[0]})` : '';
    return { ok: false, message: `${name} holds ${rows.length} usable points${why}; a data set needs at least ${MIN_FILE_POINTS}: two numeric columns, x and y.` };
  }
  const tooWide = rows.some(([x, y]) => Math.abs(x) > XY_LIMIT || Math.abs(y) > XY_LIMIT);
  const rescaled = opts.rescale || tooWide;
  let kept = rescaled ? rescaleInto(rows, opts.box) : rows;
  const thinned = Math.max(0, kept.length - MAX_XY_POINTS);
  if (thinned > 0) {
    const stride = kept.length / MAX_XY_POINTS;
    kept = Array.from({ length: MAX_XY_POINTS }, (_, i) => kept[Math.floor(i * stride)]);
  }
  const points = new Float32Array(kept.flat());
  return { ok: true, report: { points, valid: rows.length, dropped: dropped.length, droppedLines: dropped.slice(0, 5), header, thinned, rescaled } };
}

/** the report as the control shows it: "Loaded 1 234 points from moons.csv; 3 rows dropped (lines 4, 9, 17): ..." */
export function describeReport(name: string, r: PointsReport, requested: boolean): string {
  const n = (k: number) => k.toLocaleString('en');
  const parts = [`Loaded ${n(r.points.length / 2)} points from ${name}`];
  if (r.header) parts.push('a header row skipped');
  if (r.dropped) parts.push(`${n(r.dropped)} row${r.dropped > 1 ? 's' : ''} without two finite numbers dropped (line${r.dropped > 1 ? 's' : ''} ${r.droppedLines.join(', ')}${r.dropped > r.droppedLines.length ? ', …' : ''})`);
  if (r.thinned) parts.push(`${n(r.valid)} valid rows thinned to ${n(MAX_XY_POINTS)} evenly spaced ones (a link and an experiment file carry at most ${n(MAX_XY_POINTS)} points; for more, sample the file down yourself)`);
  if (r.rescaled) parts.push(requested ? 'rescaled into the box' : `rescaled into the box (coordinates beyond ±${XY_LIMIT.toFixed(0)} do not fit a link)`);
  return `${parts.join('; ')}.`;
}
