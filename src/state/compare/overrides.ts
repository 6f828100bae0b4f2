// Pure logic of an A/B comparison's B side: its params (A's with the overrides applied), which
// settings the B editor offers, the one-line summary shown over B's plot, and what B's worker must
// be told when A or the overrides change.
import type { LabSchema, ParamSpec, ParamValue } from '../../labs/types';
import { coerceValue, encodeValue, valuesEqual } from '../../labs/codec/param-codec';
import { compareParams } from '../../labs/codec/ui-options';
import { paramDiff } from '../../labs/live';
import { specOf, specsOf } from '../../labs/modes';

export type Overrides = Record<string, ParamValue>;

/** B's params: A's, with each override validated and applied (the seed is always A's). */
export function bParamsOf(schema: LabSchema, a: Record<string, ParamValue>, overrides: Overrides): Record<string, ParamValue> {
  return compareParams(schema, a, overrides);
}

/**
 * Settings a B override may change in the editor. Not the seed (shared by definition), not the
 * speed (iterations per frame: A and B should move at the same pace), not view toggles (both plots
 * share one look and one colour scale), not drawn points or mixtures (edited on A's plot only), not
 * the mode (B's keys are those of A's mode). `a`: A's params, whose mode's settings are offered.
 */
export function overridableSpecs(schema: LabSchema, a?: Record<string, ParamValue>): ParamSpec[] {
  return specsOf(schema, a).filter((s) => s.key !== 'seed' && s.key !== schema.modeKey && s.key !== 'speed' && s.group !== 'view' && s.kind !== 'points' && s.kind !== 'xy');
}

/** The overrides after setting one (validated like a control edit); unknown keys and the seed are refused. */
export function setOverride(schema: LabSchema, overrides: Overrides, key: string, value: ParamValue, a?: Record<string, ParamValue>): Overrides {
  const spec = specOf(schema, key, a);
  if (!spec || key === 'seed' || key === schema.modeKey) return overrides;
  return { ...overrides, [key]: coerceValue(spec, value).value };
}

export function removeOverride(overrides: Overrides, key: string): Overrides {
  const rest = { ...overrides };
  delete rest[key];
  return rest;
}

/** The overrides that make B differ from A, in schema order (an override equal to A's value is inert). */
export function activeOverrides(schema: LabSchema, a: Record<string, ParamValue>, overrides: Overrides): ParamSpec[] {
  return specsOf(schema, a).filter((s) => Object.hasOwn(overrides, s.key) && s.key !== 'seed' && s.key !== schema.modeKey && !(a[s.key] !== undefined && valuesEqual(s, overrides[s.key], a[s.key])));
}

/** One value as a person reads it: the enum's label, yes/no, or the link's number. */
export function valueText(spec: ParamSpec, v: ParamValue): string {
  if (spec.kind === 'enum') {
    const i = spec.values?.indexOf(String(v)) ?? -1;
    return i >= 0 && spec.valueLabels ? spec.valueLabels[i] : String(v);
  }
  if (spec.kind === 'bool') return v ? 'on' : 'off';
  if (spec.kind === 'points' || spec.kind === 'xy') return 'edited';
  return encodeValue(spec, v);
}

/** "Sampler = MALA, Step size = 0.05", or "same as A" when no override makes a difference. */
export function describeOverrides(schema: LabSchema, a: Record<string, ParamValue>, overrides: Overrides): string {
  const specs = activeOverrides(schema, a, overrides);
  if (specs.length === 0) return 'same settings as A';
  return specs.map((s) => `${s.label} = ${valueText(s, overrides[s.key])}`).join(', ');
}

export type BCommand = { kind: 'none' } | { kind: 'update'; patch: Record<string, ParamValue> } | { kind: 'restart' };

/**
 * What B's worker needs after its params went from `sent` to `next`: nothing, a live update, or a
 * restart. A restart restarts A too (the caller resets both), so the two runs stay on the same
 * iteration from the same seed.
 */
export function bCommand(schema: LabSchema, sent: Record<string, ParamValue>, next: Record<string, ParamValue>): BCommand {
  const { patch, live } = paramDiff(schema, sent, next);
  if (Object.keys(patch).length === 0) return { kind: 'none' };
  return live ? { kind: 'update', patch } : { kind: 'restart' };
}
