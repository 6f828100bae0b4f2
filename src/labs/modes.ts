// Labs with several modes (Implicit: Langevin, EBM, diffusion; Mismatch: unconditional, conditional)
// hold a schema per mode: the shared keys (seed, speed, the mode itself) once, then each mode's own
// keys, stamped with `modes`. A key may appear in several modes with its own range, default and help
// (`eta` is the learning rate of every Implicit mode), so one concept has one name in the URL and in
// the code. Everything that reads a lab's params asks here which specs are active: a params record
// holds exactly the keys of its mode (specsOf), and switching the mode re-defaults the keys that mean
// something else in the new mode (switchMode).
import type { LabSchema, ParamSpec, ParamValue } from './types';

type Params = Record<string, ParamValue>;
type ModeSchema = Pick<LabSchema, 'params' | 'modeKey'>;

/**
 * stamp a mode's (or several modes') own specs: `...forModes(['ebm'], [...])` in a schema's params. The
 * specs keep their literal types (ParamsOf reads the keys and kinds); the stamp is for the run time.
 */
export function forModes<const M extends string, const S extends readonly ParamSpec[]>(modes: readonly M[], specs: S): { [I in keyof S]: S[I] & { readonly modes: readonly M[] } } {
  return specs.map((s) => ({ ...s, modes })) as readonly ParamSpec[] as { [I in keyof S]: S[I] & { readonly modes: readonly M[] } };
}

/** the mode these params are in (the mode key's value, else its default); undefined for a one-mode lab */
export function modeOf(schema: ModeSchema, params?: Params): string | undefined {
  if (!schema.modeKey) return undefined;
  const spec = schema.params.find((s) => s.key === schema.modeKey && !s.modes);
  const v = params?.[schema.modeKey];
  return typeof v === 'string' && spec?.values?.includes(v) ? v : (spec?.default as string | undefined);
}

const inMode = (s: ParamSpec, mode: string | undefined): boolean => !s.modes || (mode !== undefined && s.modes.includes(mode));

/** the specs of one mode (shared ones first, in schema order): each key once */
export function specsOf(schema: ModeSchema, params?: Params): ParamSpec[] {
  const mode = modeOf(schema, params);
  return schema.params.filter((s) => inMode(s, mode));
}

/** the spec of `key` in the mode of `params`, if the key is a setting of that mode */
export function specOf(schema: ModeSchema, key: string, params?: Params): ParamSpec | undefined {
  const mode = modeOf(schema, params);
  return schema.params.find((s) => s.key === key && inMode(s, mode));
}

/** every key the lab has in any mode (hide= may name any of them) */
export function allKeys(schema: ModeSchema): Set<string> {
  return new Set(schema.params.map((s) => s.key));
}

/** fresh copies of a mode's defaults (typed arrays copied so no one mutates the schema) */
export function defaultsOf(schema: ModeSchema, mode?: string): Params {
  const out: Params = {};
  const probe = schema.modeKey && mode !== undefined ? { [schema.modeKey]: mode } : undefined;
  for (const s of specsOf(schema, probe)) out[s.key] = s.default instanceof Float32Array ? s.default.slice() : s.default;
  if (probe) Object.assign(out, probe);
  return out;
}

/**
 * The params of `mode`: every key the old and the new mode share through the same spec keeps its value
 * (the seed, the potential shared by Langevin and diffusion); a key the new mode defines anew (its own
 * `eta`) gets that mode's default; keys of the old mode only are dropped.
 */
export function switchMode(schema: ModeSchema, params: Params, mode: string): Params {
  const before = new Set(specsOf(schema, params));
  const out = defaultsOf(schema, mode);
  for (const s of specsOf(schema, { [schema.modeKey!]: mode })) if (before.has(s) && params[s.key] !== undefined) out[s.key] = params[s.key];
  out[schema.modeKey!] = mode;
  return out;
}

/** a mode's defaults with `patch` on top, the patch's mode picking the defaults (tests, a preset's full params) */
export function paramsWith(schema: ModeSchema, patch: Params): Params {
  const mode = schema.modeKey ? (patch[schema.modeKey] as string | undefined) : undefined;
  return { ...defaultsOf(schema, mode), ...patch };
}
