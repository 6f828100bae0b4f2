// Point layers of a frame as CSV files (`x,y` per point), for every points layer a plane shows:
// particles, samples, data, the twin run's samples... each named for what it holds.
import type { Snapshot } from '../protocol/snapshot';

const NAMES: Record<string, string> = {
  particles: 'Particles',
  samples: 'Samples',
  data: 'Data',
  others: 'Companion particles',
  reference: 'Reference samples',
  truth: 'True posterior samples',
  sweepSamples: 'Sweep samples',
  samples_tau0: 'Samples (τ = 0 twin)',
  samplesA: 'Samples (A)',
  samplesB: 'Samples (B)',
  postExact: 'Posterior samples (exact)',
  postAis: 'Posterior samples (AIS)',
};

/** A readable name for a points layer (its id when it has none). */
export function pointsLayerName(id: string): string {
  return NAMES[id] ?? id;
}

/** The points layers among `layers` that the frame holds, in the view's order. */
export function pointLayersOf(snap: Pick<Snapshot, 'layers'> | null, layers: readonly string[]): string[] {
  if (!snap) return [];
  return layers.filter((id) => snap.layers[id]?.kind === 'points');
}

/** `x,y` header and one row per point; non-finite coordinates are written as NaN so rows stay aligned. */
export function pointsCsv(xy: ArrayLike<number>): string {
  const rows = ['x,y'];
  for (let k = 0; k + 1 < xy.length; k += 2) rows.push(`${fmt(xy[k])},${fmt(xy[k + 1])}`);
  return rows.join('\n') + '\n';
}

const fmt = (v: number): string => (Number.isFinite(v) ? String(v) : 'NaN');

/** A file-name-safe slug of a layer id. */
export function fileSlug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'points';
}
