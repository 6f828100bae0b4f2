// Moving through a guided tour: the link of step k is the step's own link, resolved through the codec
// (a preset= link becomes the complete link), with the tour option added so the page keeps the tour.
// Pure: the tour panel sets location.hash to what these return, so a step loads exactly like a pasted
// link (and the browser's Back button walks back through the steps).
import { formatHash, parseHash } from '../labs/codec/url-codec';
import type { Tour } from '../labs/codec/tour-codec';
import type { UiOptions } from '../labs/codec/ui-options';
import type { BackendRequest } from '../protocol/messages';
import type { AppState } from './store';

/** The complete link of step k (0-based, clamped) of a tour named `ref` in links. */
export function tourStepHash(ref: string, tour: Tour, k: number, backend?: BackendRequest): string {
  const i = Math.max(0, Math.min(tour.steps.length - 1, k));
  const parsed = parseHash(tour.steps[i].link);
  if (parsed.route !== 'lab' || !parsed.lab) return tour.steps[i].link;
  const ui: UiOptions = { ...parsed.ui, tour: { ref, step: i } };
  return formatHash(parsed.lab, parsed.params, { backend: backend ?? parsed.backend, ui });
}

/** The step's link as the codec writes it without the tour: used to tell whether the user changed it. */
export function stepLinkOf(tour: Tour, k: number): string | null {
  const step = tour.steps[k];
  if (!step) return null;
  const parsed = parseHash(step.link);
  return parsed.route === 'lab' && parsed.lab ? formatHash(parsed.lab, parsed.params, { ui: parsed.ui }) : null;
}

/** The current view as a tour step's link: complete params and page options, but not the backend or a tour. */
export function currentViewLink(s: Pick<AppState, 'route' | 'lab' | 'params' | 'ui'>): string | null {
  if (s.route !== 'lab' || !s.lab) return null;
  const ui: UiOptions = { ...s.ui };
  delete ui.tour;
  return formatHash(s.lab, s.params, { ui });
}
