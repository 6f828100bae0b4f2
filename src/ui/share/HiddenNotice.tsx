// What a student sees on a link that hides things: how much is hidden and a way to see it all.
// Clearing ui.hide also takes `hide=` out of the URL, so a reload keeps everything shown.
import { hiddenSummary } from '../../state/hidden';
import { useStore } from '../../state/use-store';
import { useHidden } from './use-share';

export function HiddenNotice() {
  const hidden = useHidden();
  const setUi = useStore((s) => s.setUi);
  if (!hidden.any) return null;
  return (
    <p className="hidden-notice" data-testid="hidden-notice">
      {hiddenSummary(hidden)} —{' '}
      <button type="button" className="linklike" onClick={() => setUi({ hide: [] })} data-testid="show-all">show all</button>
    </p>
  );
}
