// Compact, URL-safe text forms of the two array-valued param kinds.
//   points (Mixture): `x,y,w,sxx,sxy,syy;x,y,w,...`  means to 3 decimals, weights and covariances to
//                     3 significant digits (scale-free, so narrow components survive).
//   xy (drawn points): base64url of little-endian int16 pairs at a resolution of 0.001 (range ±32.767,
//                     far beyond any target box), ~5.3 characters per point.
// Decoding canonicalizes (rounds as encoding would), so a value read from a link re-encodes to the same
// text and the store holds exactly what the link says: the run a link starts is the run it replays.
import type { Component, Mixture } from '../../core/types';

export const MAX_COMPONENTS = 64;
export const MAX_XY_POINTS = 2000;
export const XY_RESOLUTION = 1e-3;
const MEAN_LIMIT = 1e3;
const WEIGHT_LIMIT = 1e6;
const VAR_LIMIT = 1e4;

/** A decode failure: `reason` says what is allowed. `truncated`: the value was cut to the cap. */
export type Decoded<T> = { ok: true; value: T; truncated?: string } | { ok: false; reason: string };

const dec3 = (x: number): number => Number(x.toFixed(3)) + 0; // +0 turns -0 into 0
const sig3 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(3)) + 0);

/** Largest 3-significant-digit r ≥ 0 with r² ≤ P: keeps |sxy| ≤ sqrt(sxx syy) after rounding. */
function sig3RootDown(P: number): number {
  if (!(P > 0)) return 0;
  let r = sig3(Math.sqrt(P));
  for (let i = 0; i < 8 && r * r > P; i++) {
    const next = sig3(r - 10 ** (Math.floor(Math.log10(r)) - 2)); // one unit in the last digit
    r = next < r ? next : 0; // guaranteed progress: never loop on a value that rounds back up
  }
  return r * r > P ? 0 : r;
}

/** Round a component the way the URL stores it; repairs a covariance that rounding made indefinite. */
export function canonicalComponent(c: Component): Component {
  const sxx = sig3(c.cov[0]);
  const syy = sig3(c.cov[2]);
  let sxy = sig3(c.cov[1]);
  if (sxy * sxy > sxx * syy) sxy = Math.sign(sxy) * sig3RootDown(sxx * syy) + 0;
  return { w: sig3(c.w), mean: [dec3(c.mean[0]), dec3(c.mean[1])], cov: [sxx, sxy, syy] };
}

/**
 * Why a component is not acceptable, or null. Singular (PSD) covariances are allowed: a line is a valid
 * component. A zero covariance is not: a point mass has no density and an infinite score, so every
 * Langevin sampler diverges on it at any step size (the link used to be accepted and the run failed).
 */
export function componentProblem(c: Component): string | null {
  const nums = [c.mean[0], c.mean[1], c.w, c.cov[0], c.cov[1], c.cov[2]];
  if (!nums.every(Number.isFinite)) return 'every number must be finite';
  if (Math.abs(c.mean[0]) > MEAN_LIMIT || Math.abs(c.mean[1]) > MEAN_LIMIT) return `means must lie in [-${MEAN_LIMIT}, ${MEAN_LIMIT}]`;
  if (!(c.w > 0) || c.w > WEIGHT_LIMIT) return `weights must be > 0 and ≤ ${WEIGHT_LIMIT}`;
  const [sxx, sxy, syy] = c.cov;
  if (sxx < 0 || syy < 0 || sxx > VAR_LIMIT || syy > VAR_LIMIT) return `variances must lie in [0, ${VAR_LIMIT}]`;
  if (sxx === 0 && syy === 0) return 'sxx and syy are both 0, a point mass, which has no density; give it a spread, e.g. sxx = syy = 0.01';
  // relative tolerance: hand-written links may be a rounding away from singular
  if (sxy * sxy > sxx * syy * (1 + 1e-9) + 1e-300) return 'the covariance must be positive semi-definite (sxy² ≤ sxx·syy)';
  return null;
}

export function encodeMixture(m: Mixture): string {
  return m
    .map(canonicalComponent)
    .map((c) => [c.mean[0], c.mean[1], c.w, c.cov[0], c.cov[1], c.cov[2]].map(String).join(','))
    .join(';');
}

// unambiguous on purpose: `\d+\.?\d*` backtracks quadratically on a long run of digits (a 40 000-digit
// value took 5 s to reject), `\d+(\.\d*)?` reads each character once
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** Strict decimal number (no hex, no '', no 'Infinity'); NaN when not one. */
export function parseDecimal(s: string): number {
  const t = s.trim();
  return NUMBER_RE.test(t) ? Number(t) : NaN;
}

const POINTS_FORMAT = `components "x,y,w,sxx,sxy,syy" separated by ";", 1 to ${MAX_COMPONENTS}`;

export function decodeMixture(text: string): Decoded<Mixture> {
  const parts = text.split(';').filter((p) => p.trim() !== '');
  if (parts.length === 0) return { ok: false, reason: POINTS_FORMAT };
  const out: Component[] = [];
  for (const [i, part] of parts.slice(0, MAX_COMPONENTS).entries()) {
    const n = part.split(',').map(parseDecimal);
    if (n.length !== 6) return { ok: false, reason: `component ${i + 1} has ${n.length} numbers; expected ${POINTS_FORMAT}` };
    const c: Component = { mean: [n[0], n[1]], w: n[2], cov: [n[3], n[4], n[5]] };
    const problem = componentProblem(c);
    if (problem) return { ok: false, reason: `component ${i + 1}: ${problem}` };
    out.push(canonicalComponent(c));
  }
  const truncated = parts.length > MAX_COMPONENTS ? `kept the first ${MAX_COMPONENTS} of ${parts.length} components` : undefined;
  return { ok: true, value: out, truncated };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));

function toBase64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) s += B64[(n >> (18 - 6 * k)) & 63];
  }
  return s;
}

function fromBase64url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const ch of s) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const quantize = (x: number): number => Math.max(-32767, Math.min(32767, Math.round(x / XY_RESOLUTION)));

/** Quantize drawn points as the URL stores them (cap, clamp, resolution). Non-finite pairs are dropped. */
export function canonicalXY(xy: Float32Array): Float32Array {
  const out: number[] = [];
  for (let i = 0; i + 1 < xy.length && out.length < 2 * MAX_XY_POINTS; i += 2) {
    if (Number.isFinite(xy[i]) && Number.isFinite(xy[i + 1])) out.push(quantize(xy[i]) * XY_RESOLUTION, quantize(xy[i + 1]) * XY_RESOLUTION);
  }
  return new Float32Array(out);
}

export function encodeXY(xy: Float32Array): string {
  const c = canonicalXY(xy);
  const view = new DataView(new ArrayBuffer(c.length * 2));
  c.forEach((v, i) => view.setInt16(2 * i, quantize(v), true));
  return toBase64url(new Uint8Array(view.buffer));
}

export function decodeXY(text: string): Decoded<Float32Array> {
  const bytes = fromBase64url(text.trim());
  if (!bytes || bytes.length % 4 !== 0) return { ok: false, reason: 'base64url-encoded int16 (x, y) pairs at a resolution of 0.001' };
  const view = new DataView(bytes.buffer);
  const n = Math.min(bytes.length / 4, MAX_XY_POINTS);
  const out = new Float32Array(2 * n);
  // -32768 is a valid int16 but not a canonical value: clamp so decode output re-encodes unchanged
  for (let i = 0; i < 2 * n; i++) out[i] = Math.max(-32767, view.getInt16(2 * i, true)) * XY_RESOLUTION;
  const truncated = bytes.length / 4 > MAX_XY_POINTS ? `kept the first ${MAX_XY_POINTS} of ${bytes.length / 4} points` : undefined;
  return { ok: true, value: out, truncated };
}
