// Draws a preset's first plane to a small image with the plane the lab page uses (PlaneView: heatmap,
// contours, particles, axes), mounted off-screen just long enough to export it, so a thumbnail looks
// like the experiment it opens.
import { LAB_SCHEMAS } from '../../labs/schemas';
import type { ParamValue, ViewSpec } from '../../labs/types';
import { PlaneView, type PlaneToggles } from '../../plots/plane';
import type { ThumbJob, ThumbRun } from '../../state/thumbnail-runner';

export const THUMB_SIZE = 240;
type PlaneSpec = Extract<ViewSpec, { kind: 'plane' }>;

/** the plane the lab page shows first for these params */
export function firstPlane(lab: ThumbJob['lab'], params: Record<string, ParamValue>): PlaneSpec | undefined {
  return LAB_SCHEMAS[lab]?.views.find((v): v is PlaneSpec => v.kind === 'plane' && !v.small && (!v.when || v.when(params)));
}

export function togglesOf(params: Record<string, ParamValue>): PlaneToggles {
  return {
    density: (params.density as PlaneToggles['density'] | undefined) ?? 'log',
    field: Boolean(params.field ?? true),
    paths: Boolean(params.paths ?? true),
  };
}

const blobToDataUrl = (b: Blob): Promise<string> => new Promise((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result));
  r.onerror = () => reject(r.error ?? new Error('could not read the image'));
  r.readAsDataURL(b);
});

/** the finished run's first plane as a PNG data URL, THUMB_SIZE CSS pixels square */
export async function renderThumb(run: ThumbRun, job: ThumbJob): Promise<string> {
  const view = firstPlane(job.lab, job.params);
  if (!view) throw new Error('this preset has no plane to draw');
  const host = document.createElement('div');
  // laid out (PlaneView measures its container) but out of sight and out of the accessibility tree
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${THUMB_SIZE}px;height:${THUMB_SIZE}px;pointer-events:none;`;
  document.body.append(host);
  const plane = new PlaneView(host, { ariaLabel: view.title });
  try {
    plane.render(run.snapshot, view.layers, togglesOf(job.params));
    return await blobToDataUrl(await plane.toPNG());
  } finally {
    plane.dispose();
    host.remove();
  }
}
