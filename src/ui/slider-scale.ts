// A parameter's value <-> a range input's position (0..SLIDER_STEPS), linear or logarithmic.
// A log scale over a range that starts at 0 (counts such as training steps: 0 means "none") maps
// log(1 + v - min), so 0 sits at the left end instead of at log(0) = -infinity (which made the slider NaN).
import type { ParamSpec } from '../labs/types';

export const SLIDER_STEPS = 1000;

type Scale = Pick<ParamSpec, 'min' | 'max' | 'scale' | 'kind'>;

function transform(spec: Scale): { f: (v: number) => number; inv: (t: number) => number } {
  const lo = spec.min ?? 0;
  if (spec.scale !== 'log') return { f: (v) => v, inv: (t) => t };
  if (lo > 0) return { f: Math.log, inv: Math.exp };
  return { f: (v) => Math.log1p(v - lo), inv: (t) => lo + Math.expm1(t) };
}

export function toSlider(spec: Scale, v: number): number {
  const lo = spec.min ?? 0;
  const hi = spec.max ?? 1;
  const { f } = transform(spec);
  const pos = Math.round(((f(v) - f(lo)) / (f(hi) - f(lo))) * SLIDER_STEPS);
  return Number.isFinite(pos) ? Math.min(SLIDER_STEPS, Math.max(0, pos)) : 0;
}

export function fromSlider(spec: Scale, s: number): number {
  const lo = spec.min ?? 0;
  const hi = spec.max ?? 1;
  const { f, inv } = transform(spec);
  const v = inv(f(lo) + (s / SLIDER_STEPS) * (f(hi) - f(lo)));
  if (spec.kind === 'int') return Math.min(hi, Math.max(lo, Math.round(v)));
  // 3 significant digits keeps URLs short and values readable
  return Math.min(hi, Math.max(lo, Number(v.toPrecision(3))));
}
