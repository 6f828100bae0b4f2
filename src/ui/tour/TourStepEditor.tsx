// One step in the tour editor: which lab it opens, its caption and "look for" text, and buttons to
// open it, move it and delete it.
import { LAB_SCHEMAS } from '../../labs/schemas';
import { TOUR_LIMITS, type TourStep } from '../../labs/codec/tour-codec';
import { parseHash } from '../../labs/codec/url-codec';
import { tourDraft } from '../../state/tour-draft';

export function TourStepEditor({ index: i, count, step, onChange }: { index: number; count: number; step: TourStep; onChange: () => void }) {
  const parsed = parseHash(step.link);
  const labTitle = parsed.lab ? LAB_SCHEMAS[parsed.lab]?.title ?? parsed.lab : 'unknown lab';
  const n = i + 1;
  const edit = (patch: Partial<TourStep>) => {
    tourDraft.edit(i, patch);
    onChange();
  };
  return (
    <li className="tour-step" data-testid="tour-step">
      <div className="tour-step-head">
        <strong>Step {n}</strong> · <a href={step.link} title="Open this step">{labTitle}</a>
        <span className="tour-spacer" />
        <button type="button" onClick={() => { tourDraft.move(i, -1); onChange(); }} disabled={i === 0} aria-label={`Move step ${n} up`}>↑</button>
        <button type="button" onClick={() => { tourDraft.move(i, 1); onChange(); }} disabled={i === count - 1} aria-label={`Move step ${n} down`}>↓</button>
        <button type="button" onClick={() => { tourDraft.remove(i); onChange(); }} aria-label={`Delete step ${n}`}>Delete</button>
      </div>
      <label className="tour-field">
        Caption
        <textarea rows={2} value={step.caption} maxLength={TOUR_LIMITS.caption} onChange={(e) => edit({ caption: e.target.value })} />
      </label>
      <label className="tour-field">
        Look for
        <textarea rows={3} value={step.lookFor} maxLength={TOUR_LIMITS.lookFor} onChange={(e) => edit({ lookFor: e.target.value })} />
      </label>
    </li>
  );
}
