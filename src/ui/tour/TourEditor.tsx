// Authoring a tour in the page: add the current view as a step (its complete link), write its caption
// and what to look for, reorder or delete steps, then copy ONE link that holds the whole tour. The
// draft survives navigation and reloads (tour-draft.ts).
import { useState, useSyncExternalStore } from 'react';
import { LAB_SCHEMAS } from '../../labs/schemas';
import { packTour, tourProblem, TOUR_LIMITS, type Tour } from '../../labs/codec/tour-codec';
import { parseHash } from '../../labs/codec/url-codec';
import type { LabId } from '../../labs/types';
import { appStore } from '../../state/store';
import { currentViewLink, tourStepHash } from '../../state/tour';
import { tourDraft } from '../../state/tour-draft';
import { goToStep } from './TourPanel';
import { TourStepEditor } from './TourStepEditor';
import './tour.css';

function defaultCaption(): string {
  const s = appStore.getState();
  const schema = s.lab ? LAB_SCHEMAS[s.lab as LabId] : undefined;
  const preset = schema?.presets.find((p) => p.id === s.preset);
  return schema ? `${schema.title}: ${preset ? preset.title : 'your settings'}` : '';
}

/** the shareable link of the whole tour, opening on its first step */
export function tourLink(tour: Tour): string {
  const ref = packTour(tour);
  return `${window.location.origin}${window.location.pathname}${tourStepHash(ref, tour, 0)}`;
}

export function TourEditor({ onClose }: { onClose: () => void }) {
  const tour = useSyncExternalStore(tourDraft.subscribe, tourDraft.get);
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const full = tour.steps.length >= TOUR_LIMITS.steps;

  const add = () => {
    const here = currentViewLink(appStore.getState());
    if (!here) return setMessage('Open a lab first: a step is a lab view.');
    const lookFor = appStore.getState().preset ? (LAB_SCHEMAS[parseHash(here).lab!]?.presets.find((p) => p.id === appStore.getState().preset)?.lookFor ?? '') : '';
    if (!tourDraft.add({ link: here, caption: defaultCaption(), lookFor: lookFor.slice(0, TOUR_LIMITS.lookFor) })) return setMessage(`A tour has at most ${TOUR_LIMITS.steps} steps.`);
    setLink(null);
    setMessage(`Added step ${tour.steps.length + 1}. Write what it shows and what to look for.`);
  };

  const copy = async () => {
    const problem = tourProblem(tour);
    if (problem) return setMessage(`This tour cannot be shared yet: ${problem}.`);
    const url = tourLink(tour);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage(`Tour link copied (${url.length} characters).`);
    } catch {
      setMessage('Copying was refused by the browser: select the link below and copy it.');
    }
  };

  const start = () => {
    const problem = tourProblem(tour);
    if (problem) return setMessage(`This tour cannot start yet: ${problem}.`);
    goToStep(packTour(tour), tour, 0);
  };

  return (
    <section className="tour-editor" aria-labelledby="tour-editor-h" data-testid="tour-editor">
      <header>
        <h2 id="tour-editor-h">Tour editor</h2>
        <button type="button" onClick={onClose} aria-label="Close the tour editor">✕</button>
      </header>
      <label className="tour-field">
        Title
        <input value={tour.title} maxLength={TOUR_LIMITS.title} onChange={(e) => tourDraft.setTitle(e.target.value)} />
      </label>
      <button type="button" className="primary" onClick={add} disabled={full} data-testid="tour-add">Add this view as a step</button>
      {tour.steps.length === 0 ? (
        <p className="tour-hint">Set up a lab the way you want students to see it, then add it as a step. Repeat on any lab.</p>
      ) : (
        <ol className="tour-steps">
          {tour.steps.map((s, i) => (
            <TourStepEditor key={i} index={i} count={tour.steps.length} step={s} onChange={() => setLink(null)} />
          ))}
        </ol>
      )}
      <div className="tour-nav">
        <button type="button" onClick={() => void copy()} disabled={tour.steps.length === 0} data-testid="tour-copy">Copy tour link</button>
        <button type="button" onClick={start} disabled={tour.steps.length === 0}>Start tour</button>
        <span className="tour-spacer" />
        <button type="button" onClick={() => { if (tour.steps.length === 0 || window.confirm('Delete every step of this draft?')) { tourDraft.clear(); setLink(null); } }}>Clear</button>
      </div>
      {message && <p className="tour-message" role="status">{message}</p>}
      {link && (
        <label className="tour-field">
          Tour link
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="tour-link" />
        </label>
      )}
    </section>
  );
}
