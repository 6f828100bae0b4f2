// The built-in guided tours as a list of links (gallery and landing page). A tour opens on its first
// step's lab page with the tour panel; `compact` leaves out the blurbs.
import { BUILTIN_TOURS } from '../../labs/tours';
import { LAB_LIST } from '../../labs/schemas';
import { tourStepHash } from '../../state/tour';
import './gallery.css';

export function TourList({ compact = false }: { compact?: boolean }) {
  return (
    <ul className={compact ? 'tour-list tour-list-compact' : 'tour-list'} data-testid="tour-list">
      {BUILTIN_TOURS.map((t) => (
        <li key={t.id}>
          <a href={tourStepHash(t.id!, t, 0)} data-tour={t.id}>
            <strong>{t.title}</strong>
          </a>
          <span className="tour-meta"> · {LAB_LIST.find((l) => l.id === t.lab)?.title} · {t.steps.length} steps</span>
          {!compact && t.blurb && <p>{t.blurb}</p>}
        </li>
      ))}
    </ul>
  );
}
