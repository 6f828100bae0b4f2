// #/previews: renders the gallery's shipped previews in this browser, one preset at a time.
// `npm run gallery:previews` (scripts/gallery-previews.mjs) opens it headless and drives it through
// window.__previews: it reads every preset's key and hash, asks for the stale ones, and writes the
// pictures to public/gallery/. A person can open it too: each rendered picture is shown below.
import { useEffect, useMemo, useState } from 'react';
import { galleryCards } from '../../state/gallery-cards';
import { PREVIEW_FORMAT, previewHash, previewKey } from '../../state/gallery-previews';
import { PREVIEW_BUDGET_MS, renderPreview, type RenderedPreview } from './preview-render';
import { THUMB_SIZE } from './thumb-render';
import './gallery.css';

export interface PreviewsHandle {
  /** the manifest format the app reads (PREVIEW_FORMAT) */
  format: number;
  cards: { key: string; lab: string; presetId: string; title: string; hash: string; steps: number; budgetMs: number }[];
  render(key: string, budgetScale?: number): Promise<RenderedPreview>;
}

export function PreviewsPage() {
  const cards = useMemo(() => galleryCards(), []);
  const [done, setDone] = useState<RenderedPreview[]>([]);
  const [running, setRunning] = useState<string | null>(null);

  useEffect(() => {
    const byKey = new Map(cards.map((c) => [previewKey(c.lab, c.preset.id), c]));
    // one render at a time: the script awaits each call, and a second caller waits its turn
    let chain: Promise<unknown> = Promise.resolve();
    const handle: PreviewsHandle = {
      format: PREVIEW_FORMAT,
      cards: cards.map((c) => ({
        key: previewKey(c.lab, c.preset.id), lab: c.lab, presetId: c.preset.id, title: c.preset.title,
        hash: previewHash({ lab: c.lab, presetId: c.preset.id, params: c.params, steps: c.steps }),
        steps: c.steps, budgetMs: PREVIEW_BUDGET_MS[c.lab],
      })),
      render(key, budgetScale = 1) {
        const card = byKey.get(key);
        if (!card) return Promise.reject(new Error(`no preset "${key}"`));
        const next = chain.then(async () => {
          setRunning(key);
          try {
            const r = await renderPreview(card, budgetScale);
            setDone((d) => [...d, r]);
            return r;
          } finally {
            setRunning(null);
          }
        });
        chain = next.catch(() => undefined);
        return next;
      },
    };
    const w = window as unknown as { __previews?: PreviewsHandle };
    w.__previews = handle;
    return () => {
      if (w.__previews === handle) delete w.__previews;
    };
  }, [cards]);

  return (
    <main className="gallery">
      <h1>Gallery previews</h1>
      <p className="lede">
        Renders the pictures the gallery ships, with the same worker and plane as a card's live preview but a
        longer time budget. <code>npm run gallery:previews</code> drives this page; {cards.length} presets.
        {running ? ` Rendering ${running}…` : ''}
      </p>
      <ul className="gallery-grid" data-testid="previews-done">
        {done.map((r) => (
          <li key={`${r.key}-${r.hash}`} className="g-card">
            <div className="g-thumb"><img src={r.dataUrl} width={THUMB_SIZE} height={THUMB_SIZE} alt={`Preview of ${r.key}`} /></div>
            <div className="g-body"><h3>{r.key}</h3><p className="g-line">iteration {r.iteration}{r.diverged ? ' (diverged)' : ''}, {(r.ms / 1000).toFixed(1)} s, {Math.round(r.dataUrl.length * 0.75 / 1024)} KiB</p></div>
          </li>
        ))}
      </ul>
    </main>
  );
}
