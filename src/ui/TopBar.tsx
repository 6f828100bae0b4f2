import { LAB_LIST, LAB_SCHEMAS } from '../labs/schemas';
import { useStore } from '../state/use-store';

export function TopBar() {
  const lab = useStore((s) => s.lab);
  const route = useStore((s) => s.route);
  const backend = useStore((s) => s.backend);
  const adapter = useStore((s) => s.adapter);
  const fallbacks = useStore((s) => s.fallbacks);
  const title = fallbacks.length ? 'Not used: ' + fallbacks.map((f) => `${f.backend} (${f.reason})`).join('; ') : undefined;
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
      </nav>
      <span className="backend" data-testid="backend" title={title}>
        {backend ? `${backend} · ${adapter}` : 'starting compute…'}
      </span>
    </header>
  );
}
