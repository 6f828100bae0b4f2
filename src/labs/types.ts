// The lab contract (ARCHITECTURE.md): a lab is data (params, presets, views) plus a factory.
// The UI, the URL codec, the CLI and the tests all read the same definition.
import type { Mixture } from '../core/types';
import type { Tensor } from '../core/tf';
import type { Snapshot, SnapshotRequest, TraceRow } from '../protocol/snapshot';
import type { Topic } from './topics';
import type { BackendProfile } from '../protocol/messages';

export const LAB_IDS = ['samplers', 'mismatch', 'implicit', 'dikl', 'guidance', 'dxmi'] as const;
export type LabId = (typeof LAB_IDS)[number];

export type ParamValue = number | string | boolean | Mixture | Float32Array;

export interface ParamSpec {
  key: string; // URL key
  label: string;
  help: string;
  group?: string; // control group in the panel; 'view' = a layer toggle
  kind: 'number' | 'int' | 'enum' | 'bool' | 'points' | 'xy' | 'text';
  min?: number;
  max?: number;
  step?: number;
  scale?: 'linear' | 'log';
  values?: readonly string[];
  /** 'text': the longest value accepted (a link or a control); longer falls back to the default with a notice */
  maxLength?: number;
  /** 'text': why a value is refused, or null when it is accepted (a refused one falls back to the default with a notice) */
  check?: (s: string) => string | null;
  /**
   * 'text': the control that edits it. 'formula': the formula editor (ui/formula/), which also edits the
   * keys that name this one in `editedWith`, all in one change
   */
  editor?: 'formula';
  /**
   * paces how the run is shown, not what it computes (the slow-motion pause): like a view toggle, a link
   * leaves it out at its default, wherever its control sits
   */
  pacing?: boolean;
  /** a sentence the control shows under itself (what a formula target changes in this lab) */
  note?: string;
  /** drawn by the editor of that key (a formula's parameters, sign and box), not as a control of its own */
  editedWith?: string;
  /** human labels for enum values, same order as values */
  valueLabels?: readonly string[];
  default: ParamValue;
  /**
   * true: a running experiment takes a change at once (no restart). A function when that depends on the
   * other params (the step size of annealed Langevin rescales every level: a restart there). The one
   * record of liveness: the UI and the engine read it through labs/live.ts.
   */
  live?: boolean | ((p: Record<string, ParamValue>) => boolean);
  /** show the control only when this holds (e.g. leapfrog only for hmc) */
  when?: (p: Record<string, ParamValue>) => boolean;
  /**
   * true: hidden by `when` means unused by the run (a sampler's own setting while another sampler runs).
   * The gallery's preview hash leaves such a key out, so a setting added for a new sampler leaves the
   * shipped previews of the other samplers' presets fresh.
   */
  inertWhenHidden?: boolean;
  /**
   * a multi-mode lab's own keys: the values of the schema's `modeKey` this key is a setting of (labs/modes.ts).
   * Absent: shared by every mode. A key may repeat across modes, each copy with its own range and default.
   */
  modes?: readonly string[];
}

/** the value a spec of this shape holds: numbers for sliders, an enum's own ids, a mixture for 'points' */
export type KindValue<S> = S extends { kind: 'number' | 'int' } ? number
  : S extends { kind: 'bool' } ? boolean
  : S extends { kind: 'points' } ? Mixture
  : S extends { kind: 'xy' } ? Float32Array
  : S extends { kind: 'text' } ? string
  : S extends { kind: 'enum'; values: readonly (infer V extends string)[] } ? (string extends V ? string : V)
  : string;

/**
 * A lab's params as its experiments read them, derived from its spec list (declared `as const`):
 * `p.step` is a number, `p.sampler` one of the sampler ids, without a cast. A key that several modes
 * define (labs/modes.ts) has the union of their types. The engine hands an experiment only params the
 * codec validated against the same specs (validateParams, coerceValue), which is what makes this true.
 */
export type ParamsOf<S extends readonly { key: string; kind: ParamSpec['kind'] }[]> = { -readonly [E in S[number] as LiteralKey<E>]: KindValue<E> };
/** a spec's key when it is written out (a spec built at run time, typed `string`, adds nothing: its type comes from elsewhere) */
type LiteralKey<E> = E extends { key: infer K extends string } ? (string extends K ? never : K) : never;

/** whether a spec is a setting of mode M (shared specs carry no `modes`) */
type InMode<E, M extends string> = E extends { modes: readonly (infer X)[] } ? (M extends X ? true : false) : true;

/**
 * The params of one mode of a multi-mode lab (labs/modes.ts: the specs forModes stamped): its own keys and the
 * shared ones, the mode key narrowed to M. A union over the modes is what the lab's `create` receives and
 * narrows by its mode key: in the diffusion mode `p.param` is 'logits' | 'mlp', in the Langevin mode 'logits' | 'means'.
 */
export type ModeParamsOf<S extends readonly { key: string; kind: ParamSpec['kind'] }[], K extends string, M extends string> =
  { -readonly [E in S[number] as InMode<E, M> extends true ? LiteralKey<E> : never]: E['key'] extends K ? M : KindValue<E> };

export interface Preset {
  id: string;
  title: string;
  /** one paragraph: what to look for */
  lookFor: string;
  params: Record<string, ParamValue>;
  /** recommended iterations for the CLI and the gallery */
  steps?: number;
  /** 1 to 3 words from TOPICS (topics.ts): what the gallery filters by */
  topics?: readonly Topic[];
}

/** a plain click on the plane sets params x and y to the world point; `when`: only while it means something (a bump reward) */
export interface PlaneClick {
  x: string;
  y: string;
  hint: string;
  when?: (p: Record<string, ParamValue>) => boolean;
}

/** the plane's click binding if it applies to these params */
export function activeClick(view: { click?: PlaneClick }, params: Record<string, ParamValue>): PlaneClick | undefined {
  return view.click && (!view.click.when || view.click.when(params)) ? view.click : undefined;
}

/** one series of a chart: a metric key, its legend label, and how its axis is ranged */
export interface ChartMetricSpec {
  key: string;
  label: string;
  log?: boolean;
  /** a bounded quantity's natural range: rates and AUROC [0, 1]; null leaves that end to the data */
  range?: readonly [number | null, number | null];
  /** the axis reaches up to the latest value of this metric (modes covered: up to the number of modes) */
  maxKey?: string;
  /** the y axis spans at least this much (default: 10% of the values' magnitude) */
  minSpan?: number;
}

/** shown only when this holds for the current params (e.g. a panel of one mode) */
type ViewWhen = { when?: (p: Record<string, ParamValue>) => boolean };

export type ViewSpec = ViewWhen & (
  /**
   * The 2D plane. `click`: a click (without modifiers) sets these two number params to the world point
   * (e.g. a reward bump's centre, a measurement). Editable 'points' params and drawable 'xy' params are
   * bound automatically to the plane's handles and drawing mode.
   */
  | {
    id: string; kind: 'plane'; title: string; layers: readonly string[]; click?: PlaneClick; /** one of a row of small multiples (e.g. V(·, t) per t) */ small?: boolean;
    /** the plot's key: what each layer is ('white: data'), by layer name; the plane shows the entries of the layers it draws */
    legend: Readonly<Record<string, string>>;
  }
  | { id: string; kind: 'hist'; title: string; axis: 0 | 1; layer: string }
  /**
   * metric series over iterations. `x`: plot against another metric instead (e.g. cumulative gradient
   * evaluations): both must be in the same snapshots.
   */
  | { id: string; kind: 'chart'; title: string; metrics: readonly ChartMetricSpec[]; x?: { key: string; label: string } }
  /** a `bars` layer (e.g. mixture weights) */
  | { id: string; kind: 'bars'; title: string; layer: string }
  /** a `series` layer: curves over a shared x (sweeps), optionally log axes */
  /** `current`: the param whose value is this run's x (T for a sweep over T): marked, and the legend reads the curves there */
  /** `afterCharts`: a diagnostic read after the run's charts (the Samplers lab's autocorrelation), not before them */
  | { id: string; kind: 'xy'; title: string; layer: string; xLabel: string; logX?: boolean; logY?: boolean; legendValues?: boolean; current?: { key: string; label: string }; afterCharts?: boolean }
);

/** network weights as plain arrays; a lab may add fields it needs to check they fit (width, depth, scale): they travel along */
export interface PlainWeights {
  shapes: number[][];
  values: Float32Array[];
}

/**
 * One part of an experiment's state the engine checks for NaN/Inf (core/finite.ts). When it fails the run
 * stops with "The run diverged at iteration N: <what> became NaN or infinite (or beyond <limit>). <advice>"
 */
export interface FiniteWatch {
  /** what diverged, as the message names it: 'the particles', "the generator's samples" */
  what: string;
  /**
   * what to check now: tensors (the experiment's own are not disposed; ones created inside are freed by the
   * checker), plain arrays or numbers (checked in JS); null/undefined entries are skipped. Synchronous.
   */
  values: () => ReadonlyArray<Tensor | ArrayLike<number> | number | null | undefined>;
  /** a magnitude beyond which a value counts as diverged too (particles far off the plot); default none */
  limit?: number;
  /** what to change, with the current values, as sentences: "Try a smaller step size than 0.5." */
  advice: () => string;
}

export interface Experiment {
  /** advance n iterations (tensors freed inside) */
  step(n: number): void;
  snapshot(req: SnapshotRequest): Promise<Snapshot>;
  /**
   * a live change: the engine calls it only with keys the schema marks live for the params it leads to
   * (labs/live.ts), so it applies them and never refuses
   */
  update?(patch: Record<string, ParamValue>): void;
  /** finite experiments (a diffusion run) say when they are finished */
  readonly done: boolean;
  readonly iteration: number;
  /**
   * iterations until the current phase ends (a training phase, a finite run), Infinity when open-ended: the
   * engine stops there, so a phase's last state and the run's end each get a frame with every metric
   */
  phaseLeft?(): number;
  /** the cheap scalars recorded at every iteration since the last call (labs/common/trace.ts), oldest first */
  drainTrace?(): Promise<TraceRow[]>;
  /** trained network weights (labs with `weights` in their schema): saved to a file and loaded back */
  getWeights?(): PlainWeights;
  /** throws a readable Error when the weights do not fit this experiment (shape, width, scale) */
  setWeights?(w: PlainWeights): void;
  /** a headless run's end: evaluations made once, of the final state (DiKL's paper evaluation), land in the next snapshot's metrics */
  finish?(): Promise<void>;
  /**
   * the parts of the state that must stay finite, checked by the engine between slices (engine/divergence.ts,
   * one device read for all of them); called at every check, so it may return different watches per phase
   */
  watch(): FiniteWatch[];
  dispose(): void;
}

/** The part of a lab the UI thread may import: no tfjs behind it. */
export interface LabSchema {
  id: LabId;
  title: string;
  paper?: string;
  /** what one iteration means in this lab */
  iterationMeans: string;
  params: readonly ParamSpec[]; // includes 'seed'; every mode's keys (labs/modes.ts: specsOf reads one mode)
  /** the enum param that picks a schema per mode ('mode'); its specs with `modes` belong to those modes only */
  modeKey?: string;
  presets: readonly Preset[];
  views: readonly ViewSpec[];
  /** what each `{NAME}` in the views' titles, chart labels and legends reads as for these params (view-tokens.ts) */
  tokens?: (p: Record<string, ParamValue>) => Record<string, string>;
  /** recommended iteration count for headless runs */
  defaultSteps: number;
  /** the lab trains a network the user can save to a file and load back */
  weights?: { label: string };
  /**
   * one iteration's work (of the headline preset) in units of the backend probe's four timings
   * (engine/bench/probe.ts): auto runs the lab on the backend where this mix is cheapest
   */
  backendProfile: BackendProfile;
}

/**
 * Schema plus the factory (imports core/ and so tfjs: worker and CLI only). `P`: the lab's typed params
 * (ParamsOf its specs); the engine, which holds every lab, sees the plain record.
 */
export interface LabDefinition<P = Record<string, ParamValue>> extends LabSchema {
  // a method, so a lab's definition over its own P is one the engine can hold (the params are validated against the same specs)
  create(p: P, ctx: { seed: number }): Promise<Experiment>;
}
