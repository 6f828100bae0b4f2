// Presenter mode on and off (also `p`, and `present=1` in a link).
import { useStore } from '../../state/use-store';

export function PresentButton() {
  const present = useStore((s) => s.ui.present);
  const setUi = useStore((s) => s.setUi);
  return (
    <button
      type="button" className="present-button" aria-pressed={present} onClick={() => setUi({ present: !present })}
      title="Plots fill the screen with large type (P); press ? for every shortcut" data-testid="present"
    >
      {present ? 'Leave presenter mode' : 'Present'}
    </button>
  );
}
