// Guided tours in links. A tour rides on a lab link as a page option: `tour=<ref>&tstep=<k>` (1-based),
// where <ref> is a built-in tour's id (`samplers-intro`) or a whole authored tour packed into the link
// (`t1.<base64url JSON>`), so one link shares the tour and the step it is on, and the rest of the link
// stays the step's complete, editable experiment.
//
// Decisions: no compression (CompressionStream is async and parseHash is not), so a packed tour is
// compact JSON of [link, caption, lookFor] triples with the step links stored without `#/`; decoding is
// strict (alphabet, JSON shape, lengths, known labs) and every failure is one readable sentence.
import { LAB_IDS, type LabId } from '../types';
import { BUILTIN_TOURS } from '../tours';
import type { ParamNotice } from './param-codec';

export interface TourStep {
  /** a lab link, `#/<lab>?...` (a preset= link is fine: it is resolved when the step loads) */
  link: string;
  /** what the step shows, in a sentence or two */
  caption: string;
  /** what the student should notice */
  lookFor: string;
}

export interface Tour {
  /** built-in tours only (an authored tour travels whole in the link) */
  id?: string;
  title: string;
  /** built-in tours: the lab the tour is about, and one line for the gallery */
  lab?: LabId;
  blurb?: string;
  steps: readonly TourStep[];
}

/** where a link is in a tour: `ref` as written in the link, `step` 0-based */
export interface TourRef {
  ref: string;
  step: number;
}

// Globals of every runtime the codec runs in (browsers, workers, Node), typed only by the DOM lib,
// which labs/ does not load: declared here, module-scoped, for the type checker alone.
declare const btoa: (s: string) => string;
declare const atob: (s: string) => string;
declare class TextEncoder { encode(s: string): Uint8Array }
declare class TextDecoder { constructor(label?: string, opts?: { fatal?: boolean }); decode(b: Uint8Array): string }

export const PACKED_PREFIX = 't1.';
export const TOUR_LIMITS = { steps: 20, title: 120, caption: 600, lookFor: 1500, link: 6000 } as const;

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (s: string): Uint8Array => {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

const stripHash = (link: string): string => link.replace(/^#?\/?/, '');

/** Pack a tour into a link-safe ref (`t1.` + base64url of compact JSON). */
export function packTour(tour: Tour): string {
  const json = JSON.stringify({ t: tour.title, s: tour.steps.map((s) => [stripHash(s.link), s.caption, s.lookFor]) });
  return PACKED_PREFIX + toBase64Url(new TextEncoder().encode(json));
}

const labOfLink = (link: string): string => stripHash(link).split('?')[0].replace(/\/+$/, '');

/** Check a tour's shape and limits; returns the first problem as a sentence, or null. */
export function tourProblem(tour: Tour): string | null {
  if (tour.title.length > TOUR_LIMITS.title) return `its title is longer than ${TOUR_LIMITS.title} characters`;
  if (tour.steps.length === 0) return 'it has no steps';
  if (tour.steps.length > TOUR_LIMITS.steps) return `it has ${tour.steps.length} steps; at most ${TOUR_LIMITS.steps} are allowed`;
  for (const [i, s] of tour.steps.entries()) {
    const n = i + 1;
    const lab = labOfLink(s.link);
    if (!(LAB_IDS as readonly string[]).includes(lab)) return `step ${n} does not link to a lab (it names "${lab.slice(0, 30)}")`;
    if (s.link.length > TOUR_LIMITS.link) return `step ${n}'s link is longer than ${TOUR_LIMITS.link} characters`;
    if (s.caption.length > TOUR_LIMITS.caption) return `step ${n}'s caption is longer than ${TOUR_LIMITS.caption} characters`;
    if (s.lookFor.length > TOUR_LIMITS.lookFor) return `step ${n}'s "look for" is longer than ${TOUR_LIMITS.lookFor} characters`;
  }
  return null;
}

const isStr = (x: unknown): x is string => typeof x === 'string';

/** Unpack a `t1.` ref. Never throws: a damaged link gives `{ error }` saying what is wrong. */
export function unpackTour(ref: string): { tour: Tour } | { error: string } {
  if (!ref.startsWith(PACKED_PREFIX)) return { error: 'it is not a packed tour' };
  const body = ref.slice(PACKED_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return { error: 'it contains characters a packed tour never has (was the link cut or re-typed?)' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(body)));
  } catch {
    return { error: 'it does not decode (the link was probably cut short when it was copied)' };
  }
  const o = data as { t?: unknown; s?: unknown };
  if (typeof o !== 'object' || o === null || !isStr(o.t) || !Array.isArray(o.s)) return { error: 'it does not hold a title and a list of steps' };
  const steps: TourStep[] = [];
  for (const [i, s] of (o.s as unknown[]).entries()) {
    if (!Array.isArray(s) || s.length !== 3 || !s.every(isStr)) return { error: `step ${i + 1} is not a link, a caption and a "look for" text` };
    steps.push({ link: `#/${s[0]}`, caption: s[1], lookFor: s[2] });
  }
  const tour = { title: o.t, steps };
  const problem = tourProblem(tour);
  return problem ? { error: problem } : { tour };
}

/** A built-in tour by id, or a packed one. */
export function resolveTour(ref: string): { tour: Tour } | { error: string } {
  const builtin = BUILTIN_TOURS.find((t) => t.id === ref);
  if (builtin) return { tour: builtin };
  if (ref.startsWith(PACKED_PREFIX)) return unpackTour(ref);
  return { error: `there is no built-in tour "${ref.slice(0, 40)}" (built-in: ${BUILTIN_TOURS.map((t) => t.id).join(', ')})` };
}

/** Read `tour` and `tstep` from raw link strings; a bad tour is dropped with one notice. */
export function parseTourOption(raw: Record<string, string>): { tour?: TourRef; notices: ParamNotice[] } {
  const notices: ParamNotice[] = [];
  if (raw.tour === undefined) {
    if (raw.tstep !== undefined) notices.push({ key: 'tstep', value: raw.tstep, kind: 'invalid', message: 'tstep= without tour= means nothing; ignored' });
    return { notices };
  }
  const r = resolveTour(raw.tour);
  if ('error' in r) {
    notices.push({ key: 'tour', value: raw.tour.slice(0, 40), kind: 'invalid', message: `This link's tour cannot be opened: ${r.error}. The experiment opens without the tour; ask for the link again, or pick a tour in the gallery.` });
    return { notices };
  }
  const n = r.tour.steps.length;
  let step = 0;
  if (raw.tstep !== undefined) {
    const k = Number(raw.tstep);
    if (!/^\d+$/.test(raw.tstep) || k < 1 || k > n) notices.push({ key: 'tstep', value: raw.tstep, kind: 'invalid', message: `tstep="${raw.tstep.slice(0, 20)}" is not a step of this tour (1 to ${n}); showing step 1` });
    else step = k - 1;
  }
  return { tour: { ref: raw.tour, step }, notices };
}

export function formatTourOption(t: TourRef | undefined): string[] {
  return t ? [`tour=${t.ref}`, `tstep=${t.step + 1}`] : [];
}
