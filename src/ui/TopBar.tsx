import { LAB_LIST, LAB_SCHEMAS } from '../labs/schemas';
import { useStore } from '../state/use-store';
import { ThemeToggle } from './a11y/ThemeToggle';
import { PresentButton } from './present/PresentButton';
import { ShareButton } from './share/ShareButton';
import { MakeTourButton } from './tour/TourDock';

export function TopBar() {
  const lab = useStore((s) => s.lab);
  const route = useStore((s) => s.route);
  const backend = useStore((s) => s.backend);
  const adapter = useStore((s) => s.adapter);
  const fallbacks = useStore((s) => s.fallbacks);
  const measured = useStore((s) => s.measured);
  // auto measured one real step on each backend that started and kept the fastest: say so
  const lines = [
    ...(measured.length ? ['Measured at start (ms per probe step): ' + measured.map((m) => `${m.backend} ${m.ms.toFixed(1)}`).join(', ')] : []),
    ...(fallbacks.length ? ['Not used: ' + fallbacks.map((f) => `${f.backend} (${f.reason})`).join('; ')] : []),
  ];
  const title = lines.length ? lines.join('\n') : undefined;
  return (
    <header className="topbar">
      <a className="brand" href="#/">Sampling Playground</a>
      <nav aria-label="Labs">
        {LAB_LIST.map((l) =>
          LAB_SCHEMAS[l.id] ? (
            <a key={l.id} href={`#/${l.id}`} aria-current={route === 'lab' && lab === l.id ? 'page' : undefined}>{l.title}</a>
          ) : (
            <span key={l.id} className="soon" title="In development">{l.title}</span>
          ),
        )}
        <a href="#/gallery" className="nav-gallery" aria-current={route === 'gallery' ? 'page' : undefined}>Gallery</a>
      </nav>
      <span className="backend" data-testid="backend" title={title}>
        {backend ? `${backend} · ${adapter}${measured.length > 1 ? ` · fastest of ${measured.length} measured` : ''}` : 'starting compute…'}
      </span>
      {route === 'lab' && <PresentButton />}
      {route === 'lab' && <ShareButton />}
      {route === 'lab' && <MakeTourButton />}
      <ThemeToggle />
    </header>
  );
}
