// Every target as data: its URL id, menu label, prose name and family (which decides what it offers a
// sampler). The one place these facts are written: the labs' target menus, the Samplers lab's "needs a
// learned score" rule and the registry's dispatch read them here. No tfjs behind this module: the UI
// thread imports it. The implementations are in mixtures.ts / analytic.ts / datasets.ts, dispatched by
// family in registry.ts (its per-family tables are typed by TargetIdOf<family>, so a missing one fails to compile).

/**
 * mixture: a Gaussian mixture: density, and the score at every noise level in closed form.
 * analytic: a normalized density and its score at the clean level only (the noised score has no closed form).
 * dataset: a generator of samples and nothing else (no density, no score: a score must be learned).
 */
export type TargetFamily = 'mixture' | 'analytic' | 'dataset';

export interface TargetEntry {
  readonly id: string;
  /** its option in the Samplers lab's target menu */
  readonly label: string;
  /** how prose names it (Target.label: "Two moons is a data set ...") */
  readonly name: string;
  readonly family: TargetFamily;
}

/** What a target of a family offers a sampler (Target's fields follow it: registry.test.ts checks). */
export interface TargetOffers {
  density: boolean;
  /** exact score at the clean level */
  score: boolean;
  /** exact score at every noise level (a diffusion or annealed sampler can use it) */
  noisedScore: boolean;
}

export function targetOffers(family: TargetFamily): TargetOffers {
  return { density: family !== 'dataset', score: family !== 'dataset', noisedScore: family === 'mixture' };
}

export const TARGET_CATALOG = [
  { id: 'mog40', label: 'MoG-40', name: 'MoG-40 (DiKL)', family: 'mixture' },
  { id: '8gaussians', label: '8 Gaussians', name: '8 Gaussians', family: 'mixture' },
  { id: 'hexagon', label: 'Hexagon (6-GMM)', name: 'Hexagon (6 Gaussians)', family: 'mixture' },
  { id: 'ring', label: 'Ring of Gaussians', name: 'Ring of 12', family: 'mixture' },
  { id: 'two-modes', label: 'Asymmetric 2 modes', name: 'Two unequal modes', family: 'mixture' },
  { id: 'custom', label: 'My mixture (edit in plot)', name: 'Custom mixture', family: 'mixture' },
  { id: 'banana', label: 'Banana', name: 'Banana (twisted Gaussian)', family: 'analytic' },
  { id: 'funnel', label: 'Funnel', name: "Neal's funnel", family: 'analytic' },
  { id: 'double-well', label: 'Double well', name: 'Double well (DiKL)', family: 'analytic' },
  { id: 'moons', label: 'Two moons (data)', name: 'Two moons', family: 'dataset' },
  { id: 'spirals', label: 'Two spirals (data)', name: 'Two spirals', family: 'dataset' },
  { id: 'checkerboard', label: 'Checkerboard (data)', name: 'Checkerboard', family: 'dataset' },
  { id: 'drawn', label: 'Drawn points (data)', name: 'Drawn points', family: 'dataset' },
  { id: 'donut', label: 'Donut', name: 'Donut (MCMC gallery)', family: 'analytic' },
  { id: 'squiggle', label: 'Squiggle', name: 'Squiggle (MCMC gallery)', family: 'analytic' },
  { id: 'formula', label: 'Your formula', name: 'Your formula', family: 'analytic' },
] as const satisfies readonly TargetEntry[];

type Entry = (typeof TARGET_CATALOG)[number];
export type TargetId = Entry['id'];
/** the ids of one family (registry.ts and the family modules key their tables by these) */
export type TargetIdOf<F extends TargetFamily> = Extract<Entry, { family: F }>['id'];

/** URL vocabulary, in menu order */
export const TARGET_IDS: readonly TargetId[] = TARGET_CATALOG.map((e) => e.id);

export const TARGETS: Readonly<Record<TargetId, TargetEntry>> = Object.fromEntries(TARGET_CATALOG.map((e): [string, TargetEntry] => [e.id, e])) as Record<TargetId, TargetEntry>;

/** the entry of an id from a URL or a test catalog; undefined when unknown */
export function targetEntry(id: unknown, catalog: readonly TargetEntry[] = TARGET_CATALOG): TargetEntry | undefined {
  return catalog.find((e) => e.id === id);
}

/**
 * An enum's values and labels for a lab that offers some of the targets (ids checked against the catalog by
 * the compiler): each id's catalog label (or its prose name, for a menu of data where "(data)" says nothing),
 * or the lab's own wording keyed by id (never by position).
 */
export function targetMenu<const I extends TargetId>(
  ids: readonly I[],
  opts: { labels?: Partial<Record<I, string>>; use?: 'label' | 'name' } = {},
): { values: readonly I[]; valueLabels: readonly string[] } {
  const use = opts.use ?? 'label';
  return { values: ids, valueLabels: ids.map((id) => opts.labels?.[id] ?? TARGETS[id][use]) };
}
