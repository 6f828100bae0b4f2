// Where tours live on a lab page: the tour panel when the link names a tour, the tour editor when the
// author opens it (from the top bar's "Make a tour…", MakeTourButton). Fixed to a corner so the lab
// page is unchanged; the opening button lives in the top bar, where it covers no plot.
import { useEffect, useState } from 'react';
import { useStore } from '../../state/use-store';
import { TourEditor } from './TourEditor';
import { TourPanel } from './TourPanel';
import './tour.css';

export function TourDock() {
  const [editing, setEditing] = useState(false);
  const touring = useStore((s) => Boolean(s.ui.tour));
  useEffect(() => {
    const open = () => setEditing(true);
    window.addEventListener(OPEN_TOUR_EDITOR, open);
    return () => window.removeEventListener(OPEN_TOUR_EDITOR, open);
  }, []);
  return (
    <div className="tour-dock">
      {touring && <TourPanel onEdit={() => setEditing(true)} />}
      {editing && <TourEditor onClose={() => setEditing(false)} />}
    </div>
  );
}

const OPEN_TOUR_EDITOR = 'playground:open-tour-editor';

/** The top bar's button that opens the tour editor (on lab pages). */
export function MakeTourButton() {
  const present = useStore((s) => s.ui.present);
  if (present) return null;
  return (
    <button type="button" className="tour-open" onClick={() => window.dispatchEvent(new Event(OPEN_TOUR_EDITOR))} data-testid="tour-open-editor">Make a tour…</button>
  );
}
