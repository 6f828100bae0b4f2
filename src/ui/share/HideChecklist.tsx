// "Hide for the class": tick the sections and controls a link should leave out. Each tick edits the
// store's ui.hide, so the link, the QR code and the page behind the dialog follow at once.
import { HIDE_SECTIONS } from '../../labs/codec/ui-options';
import type { LabSchema } from '../../labs/types';
import { specsOf } from '../../labs/modes';
import { SECTION_LABELS, toggleHidden } from '../../state/hidden';
import { useStore } from '../../state/use-store';

export function HideChecklist({ schema }: { schema: LabSchema }) {
  const hide = useStore((s) => s.ui.hide);
  const params = useStore((s) => s.params);
  const setUi = useStore((s) => s.setUi);
  const set = (item: string, on: boolean) => setUi({ hide: toggleHidden(hide, item, on) });
  // the controls on screen now, and any hidden one even if this configuration does not show it
  const controls = specsOf(schema, params).filter((s) => !s.when || s.when(params) || hide.includes(s.key));
  return (
    <div className="hide-checklist" data-testid="hide-checklist">
      <h3>Hide for the class</h3>
      <p className="hint">A hidden control keeps its value from the link; students see a “show all” button.</p>
      <fieldset>
        <legend>Parts of the page</legend>
        {HIDE_SECTIONS.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={hide.includes(s)} onChange={(e) => set(s, e.target.checked)} data-hide={s} />
            {SECTION_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Controls</legend>
        <div className="hide-controls">
          {controls.map((s) => (
            <label key={s.key} className="check">
              <input type="checkbox" checked={hide.includes(s.key)} onChange={(e) => set(s.key, e.target.checked)} data-hide={s.key} />
              {s.label} <code>{s.key}</code>
            </label>
          ))}
        </div>
      </fieldset>
      {hide.length > 0 && <button type="button" onClick={() => setUi({ hide: [] })}>Hide nothing</button>}
    </div>
  );
}
