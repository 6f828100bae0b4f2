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
  const threads = useStore((s) => s.threads);
  const fallbacks = useStore((s) => s.fallbacks);
  const measured = useStore((s) => s.measured);
  const estimates = useStore((s) => s.estimates);
  // auto chose for this lab from the probe's figures: say so, with the figures
  const lines = [
    ...(estimates.length ? ['Estimated ms per iteration of this lab: ' + estimates.map((e) => `${e.backend} ${fmtMs(e.ms)}`).join(', ')] : []),
    ...(measured.length ? ['Measured at start (ms: fused mixture step / fused DSM step / autodiff net step / tfjs ops): ' + measured.map((m) => `${m.backend} ${[m.times.mixture, m.times.fusedNet, m.times.net, m.times.ops].map(fmtMs).join(' / ')}`).join('; ')] : []),
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
        {backend ? `${backend} · ${adapter}${trainingText(backend, threads)}${choiceText(backend, estimates)}` : 'starting compute…'}
      </span>
      {route === 'lab' && <PresentButton />}
      {route === 'lab' && <ShareButton />}
      {route === 'lab' && <MakeTourButton />}
      <ThemeToggle />
    </header>
  );
}

/** ' · training on 2 threads' on the backends whose network training is the fused WebAssembly step */
function trainingText(backend: string, threads: string): string {
  return threads && (backend === 'wasm' || backend === 'cpu') ? ` · training on ${threads}` : '';
}

const fmtMs = (ms: number) => (ms >= 10 ? ms.toFixed(0) : ms.toPrecision(2));

/** ' · fastest for this lab (est. 25 ms/it; cpu 136)' when auto compared two or more backends */
function choiceText(backend: string, estimates: readonly { backend: string; ms: number }[]): string {
  if (estimates.length < 2) return '';
  const mine = estimates.find((e) => e.backend === backend);
  const others = estimates.filter((e) => e.backend !== backend).map((e) => `${e.backend} ${fmtMs(e.ms)}`).join(', ');
  return mine ? ` · fastest for this lab (est. ${fmtMs(mine.ms)} ms/it; ${others})` : '';
}
