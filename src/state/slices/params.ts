// The shareable part of the state: which page, which lab, its params (mirrored to the URL), and the
// notices about corrections made while reading a link or a control. Pure helpers are exported for tests.
import type { StateCreator } from 'zustand/vanilla';
import { LAB_SCHEMAS } from '../../labs/schemas';
import type { LabId, LabSchema, ParamValue } from '../../labs/types';
import { coerceValue } from '../../labs/codec/param-codec';
import { isLive } from '../../labs/live';
import { specOf, switchMode } from '../../labs/modes';
import { defaultsOf, type ParsedHash, type Route } from '../../labs/codec/url-codec';
import { defaultUi, type UiOptions } from '../../labs/codec/ui-options';
import { ownValue } from '../../labs/codec/own';
import type { AppState } from '../store';

export interface ParamChange {
  key: string;
  /** true: the worker can apply it mid-run (ParamSpec.live); false: it needs a reconfigure */
  live: boolean;
  /** increments on every edit so subscribers can tell two equal edits apart */
  seq: number;
}

export interface ParamsSlice {
  route: Route;
  lab: LabId | null;
  params: Record<string, ParamValue>;
  /** the preset a link or a click named (its params are merged in) */
  preset: string | null;
  notices: string[];
  lastChange: ParamChange | null;
  /** hidden controls, presenter mode and the A/B comparison: in the link, not in the computation */
  ui: UiOptions;
  setUi(patch: Partial<UiOptions>): void;
  /** load what a link says (on start and on hashchange) */
  loadParsed(parsed: Pick<ParsedHash, 'route' | 'lab' | 'params' | 'preset' | 'notices'> & { ui?: UiOptions }): void;
  /** open a lab with its defaults (from the landing page) */
  openLab(lab: LabId): void;
  /** a control edit: the value is validated and rounded like the URL would, so the link replays it exactly */
  setParam(key: string, value: ParamValue): ParamChange | null;
  /** several edits as one change (a formula and its parameters): one reconfigure, never a half-applied state */
  setParams(patch: Record<string, ParamValue>): ParamChange | null;
  applyPreset(id: string): void;
  dismissNotices(): void;
}

export function schemaOf(lab: LabId | null): LabSchema | undefined {
  // own keys only: the lab id may have come from a link (parseHash checks it too)
  return lab ? ownValue(LAB_SCHEMAS, lab) : undefined;
}

/** Pure: the params after one edit, whether the edit is live, and a notice if the value was corrected. */
export function applyParam(
  schema: LabSchema,
  params: Record<string, ParamValue>,
  key: string,
  value: ParamValue,
): { params: Record<string, ParamValue>; live: boolean; notice?: string } | null {
  const spec = specOf(schema, key, params);
  if (!spec) return null;
  const c = coerceValue(spec, value);
  // a new mode brings its own keys (labs/modes.ts); the keys both modes share keep their values
  const next = key === schema.modeKey ? (c.value === params[key] ? params : switchMode(schema, params, c.value as string)) : { ...params, [key]: c.value };
  return { params: next, live: isLive(spec, next), notice: c.notice?.message };
}

/** Pure: defaults <- preset params, each validated. */
export function presetParams(schema: LabSchema, id: string): Record<string, ParamValue> | null {
  const preset = schema.presets.find((p) => p.id === id);
  if (!preset) return null;
  let params = defaultsOf(schema);
  // the mode first: it decides which of the preset's keys exist
  const entries = Object.entries(preset.params).sort(([a], [b]) => Number(b === schema.modeKey) - Number(a === schema.modeKey));
  for (const [key, value] of entries) params = applyParam(schema, params, key, value)?.params ?? params;
  return params;
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set, get) => ({
  route: 'landing',
  lab: null,
  params: {},
  preset: null,
  notices: [],
  lastChange: null,
  ui: defaultUi(),
  setUi: (patch) => set((s) => ({ ui: { ...s.ui, ...patch } })),
  loadParsed: (p) => set({ route: p.route, lab: p.lab ?? null, params: p.params, preset: p.preset ?? null, notices: p.notices, ui: p.ui ?? defaultUi() }),
  openLab: (lab) => {
    const schema = schemaOf(lab);
    if (schema) set({ route: 'lab', lab, params: defaultsOf(schema), preset: null, notices: [], ui: defaultUi() });
  },
  setParam: (key, value) => {
    const { lab, params, lastChange, notices } = get();
    const schema = schemaOf(lab);
    const r = schema && applyParam(schema, params, key, value);
    if (!r) return null;
    const change = { key, live: r.live, seq: (lastChange?.seq ?? 0) + 1 };
    set({ params: r.params, lastChange: change, notices: r.notice ? [...notices, r.notice] : notices });
    return change;
  },
  setParams: (patch) => {
    const { lab, params, lastChange, notices } = get();
    const schema = schemaOf(lab);
    if (!schema) return null;
    let next = params;
    let live = true;
    const added: string[] = [];
    for (const [key, value] of Object.entries(patch)) {
      const r = applyParam(schema, next, key, value);
      if (!r) continue;
      next = r.params;
      live &&= r.live;
      if (r.notice) added.push(r.notice);
    }
    const keys = Object.keys(patch);
    if (next === params || keys.length === 0) return null;
    const change = { key: keys[0], live, seq: (lastChange?.seq ?? 0) + 1 };
    set({ params: next, lastChange: change, notices: added.length ? [...notices, ...added] : notices });
    return change;
  },
  applyPreset: (id) => {
    const schema = schemaOf(get().lab);
    const params = schema && presetParams(schema, id);
    if (params) set({ params, preset: id, lastChange: null });
  },
  dismissNotices: () => set({ notices: [] }),
});
