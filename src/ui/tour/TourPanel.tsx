// The guided tour over a lab page: step k of n, its caption and what to look for, Previous/Next (and
// ←/→ through the shared shortcut table). A step is loaded by setting the location's hash to its
// complete link, so it goes through exactly the path a pasted link takes, and Back walks the steps.
import { useEffect, useMemo, useState } from 'react';
import { resolveTour, type Tour } from '../../labs/codec/tour-codec';
import { appStore } from '../../state/store';
import { currentViewLink, stepLinkOf, tourStepHash } from '../../state/tour';
import { tourDraft } from '../../state/tour-draft';
import { useStore } from '../../state/use-store';
import { installShortcuts, registerShortcut } from '../shortcuts';
import './tour.css';

export function goToStep(ref: string, tour: Tour, k: number): void {
  window.location.hash = tourStepHash(ref, tour, k, appStore.getState().requestedBackend);
}

export function TourPanel({ onEdit }: { onEdit: () => void }) {
  const at = useStore((s) => s.ui.tour);
  const ref = at?.ref;
  const resolved = useMemo(() => (ref ? resolveTour(ref) : null), [ref]);
  const tour = resolved && 'tour' in resolved ? resolved.tour : null;
  const k = at?.step ?? 0;
  // compared as links: any edit the link would carry (a setting, a shown layer, a hidden control) counts
  const here = useStore((s) => currentViewLink(s));
  const changed = tour ? stepLinkOf(tour, k) !== here : false;
  // on a phone or under a projector the panel may hide the plot: it folds to its caption and buttons
  const [folded, setFolded] = useState(false);

  useEffect(() => {
    if (!tour || !ref) return;
    const n = tour.steps.length;
    const step = () => appStore.getState().ui.tour?.step ?? 0;
    const offs = [
      registerShortcut({ key: 'ArrowLeft', label: '←', group: 'Tour', description: 'Previous step of the tour', run: () => step() > 0 && goToStep(ref, tour, step() - 1) }),
      registerShortcut({ key: 'ArrowRight', label: '→', group: 'Tour', description: 'Next step of the tour', run: () => step() < n - 1 && goToStep(ref, tour, step() + 1) }),
    ];
    // harmless if the lab's own keys are installed too: the first listener marks the event handled
    const uninstall = installShortcuts();
    return () => {
      uninstall();
      offs.forEach((off) => off());
    };
  }, [ref, tour]);

  if (!at || !tour || !ref) return null;
  const n = tour.steps.length;
  const step = tour.steps[k];
  const end = () => appStore.getState().setUi({ tour: undefined });
  return (
    <section className="tour-panel" aria-label={`Guided tour: ${tour.title}`} data-testid="tour-panel" data-collapsed={folded}>
      <header>
        <span className="tour-title">{tour.title}</span>
        <span className="tour-count" data-testid="tour-count" aria-live="polite">Step {k + 1} of {n}</span>
        <button type="button" className="tour-collapse" onClick={() => setFolded((f) => !f)} aria-expanded={!folded} aria-label={folded ? 'Show what to look for' : 'Fold the tour panel'}>{folded ? '▴' : '▾'}</button>
      </header>
      <h2 className="tour-caption" data-testid="tour-caption">{step.caption}</h2>
      {step.lookFor && !folded && (
        <p className="tour-lookfor"><strong>Look for: </strong>{step.lookFor}</p>
      )}
      {changed && !folded && (
        <p className="tour-changed">
          You changed this step's settings. <button type="button" onClick={() => goToStep(ref, tour, k)}>Back to the step</button>
        </p>
      )}
      <div className="tour-nav">
        <button type="button" onClick={() => goToStep(ref, tour, k - 1)} disabled={k === 0} aria-keyshortcuts="ArrowLeft">← Previous</button>
        <button type="button" className="primary" onClick={() => goToStep(ref, tour, k + 1)} disabled={k >= n - 1} aria-keyshortcuts="ArrowRight">Next →</button>
        <span className="tour-spacer" />
        <button type="button" onClick={() => { tourDraft.replace(tour); onEdit(); }} title="Copy this tour into your tour editor">Edit a copy</button>
        <button type="button" onClick={end}>End tour</button>
      </div>
    </section>
  );
}
