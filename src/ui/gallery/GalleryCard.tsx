// One preset as a card: its thumbnail (shipped or rendered by the app, see use-thumbnail.ts), title, one line of
// what to look for, lab and topics. The whole card is one link to the preset's complete share URL.
import { memo } from 'react';
import type { GalleryCard as Card } from '../../state/gallery-cards';
import { useThumbnail } from './use-thumbnail';
import { THUMB_SIZE } from './thumb-render';

export const GalleryCard = memo(function GalleryCard({ card }: { card: Card }) {
  const { ref, state, retry } = useThumbnail(card.link, { lab: card.lab, params: card.params, steps: card.steps }, { lab: card.lab, presetId: card.preset.id, params: card.params, steps: card.steps });
  return (
    <li className="g-card" data-testid="gallery-card" data-lab={card.lab} data-preset={card.preset.id}>
      <div className="g-thumb" ref={ref} style={{ aspectRatio: '1 / 1' }} data-status={state.status} data-source={state.status === 'done' ? (state.shipped ? 'shipped' : 'live') : undefined}>
        {state.status === 'done' ? (
          <>
            {/* a shipped preview is a file: fetched and decoded only near the screen, its box sized before it arrives */}
            <img src={state.image.url} width={THUMB_SIZE} height={THUMB_SIZE} loading="lazy" decoding="async" alt={`Preview of "${card.preset.title}" at iteration ${state.image.iteration}, drawn by the app`} />
            <span className="g-iter">{state.image.diverged ? `diverged at ${state.image.iteration}` : `iteration ${state.image.iteration}`}</span>
          </>
        ) : state.status === 'error' ? (
          <div className="g-thumb-msg" role="note">
            <span>No preview: {state.message}</span>
            <button type="button" onClick={retry}>Try again</button>
          </div>
        ) : (
          <div className="g-thumb-msg" aria-label="Preview pending">
            <span className="g-spinner" aria-hidden="true" />
            <span>{state.status === 'queued' ? 'Running the preset…' : 'Preview when visible'}</span>
          </div>
        )}
      </div>
      <div className="g-body">
        <h3><a href={card.link} className="g-link">{card.preset.title}</a></h3>
        <p className="g-line" title={card.preset.lookFor}>{card.line}</p>
        <p className="g-tags">
          <span className="g-lab">{card.labTitle}</span>
          {card.topics.map((t) => <span key={t} className="g-topic">{t}</span>)}
        </p>
      </div>
    </li>
  );
});
