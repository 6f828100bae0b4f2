// Seeded generators of valid param values, shared by the codec, store and bridge tests (test-only code:
// nothing in the app imports it). A seeded PRNG keeps every random test reproducible.
import type { Component, Mixture } from '../../core/types';
import type { LabSchema, ParamSpec, ParamValue } from '../types';
import { coerceValue } from './param-codec';

/** mulberry32: tiny, fast, good enough for test inputs */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export function randomMixture(r: () => number, n = 1 + Math.floor(r() * 8)): Mixture {
  const comps: Component[] = [];
  for (let i = 0; i < n; i++) {
    // cov = L Lᵀ with a lower-triangular L: PSD by construction; c = 0 sometimes gives a singular (line) component
    const a = 0.05 + r() * 2;
    const b = (r() - 0.5) * 2;
    const c = r() < 0.2 ? 0 : r() * 2;
    comps.push({ w: 0.01 + r() * 5, mean: [(r() - 0.5) * 20, (r() - 0.5) * 20], cov: [a * a, a * b, b * b + c * c] });
  }
  return comps;
}

export function randomXY(r: () => number, n = Math.floor(r() * 300)): Float32Array {
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < xy.length; i++) xy[i] = (r() - 0.5) * 10;
  return xy;
}

/** A random value that is valid for the spec and already canonical (what the store would hold). */
export function randomValue(spec: ParamSpec, r: () => number): ParamValue {
  const lo = spec.min ?? -1000;
  const hi = spec.max ?? 1000;
  const u = r();
  switch (spec.kind) {
    case 'number':
    case 'int': {
      let x = spec.scale === 'log' && lo > 0 ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
      if (spec.kind === 'int') x = Math.round(x);
      return Math.min(hi, Math.max(lo, x));
    }
    case 'enum':
      return pick(r, spec.values ?? []);
    case 'bool':
      return u < 0.5;
    case 'points':
      return coerceValue(spec, randomMixture(r)).value;
    case 'xy':
      return coerceValue(spec, randomXY(r)).value;
    case 'text': {
      // a random text with the characters a link must escape; the default when the spec's check refuses it
      const chars = 'xy+-*/^() ,;&=#%?.0123456789abe';
      const t = Array.from({ length: Math.floor(u * 40) }, () => chars[Math.floor(r() * chars.length)]).join('');
      const c = coerceValue(spec, t);
      return c.notice ? spec.default : c.value;
    }
  }
}

export function randomParams(schema: LabSchema, r: () => number): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const spec of schema.params) out[spec.key] = randomValue(spec, r);
  return out;
}
