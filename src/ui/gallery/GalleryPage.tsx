// `#/gallery`: every preset of every lab as a card, filterable by lab and topic (the filter is in the
// link), and the built-in guided tours. Thumbnails are the shipped previews (public/gallery/) or, for a
// preset without a fresh one, render lazily, one at a time, on their own worker.
import { useMemo } from 'react';
import { LAB_LIST, LAB_SCHEMAS } from '../../labs/schemas';
import { TOPICS, type Topic } from '../../labs/topics';
import type { GalleryFilter } from '../../labs/codec/gallery-filter';
import type { LabId } from '../../labs/types';
import { filterCards, galleryCards } from '../../state/gallery-cards';
import { appStore } from '../../state/store';
import { useStore } from '../../state/use-store';
import { GalleryCard } from './GalleryCard';
import { TourList } from './TourList';
import './gallery.css';

function setFilter(f: GalleryFilter): void {
  const s = appStore.getState();
  // through the store, so the URL sync writes `#/gallery?lab=...` like any other shareable state
  s.loadParsed({ route: 'gallery', params: { ...f }, notices: s.notices });
}

export function GalleryPage() {
  const params = useStore((s) => s.params) as GalleryFilter;
  const filter: GalleryFilter = { lab: params.lab, topic: params.topic };
  const cards = useMemo(() => galleryCards(), []);
  const shown = filterCards(cards, filter);
  const labs = LAB_LIST.filter((l) => LAB_SCHEMAS[l.id]);
  const topics = TOPICS.filter((t) => cards.some((c) => c.topics.includes(t)));
  return (
    <main className="gallery">
      <h1>Gallery</h1>
      <p className="lede">
        Every classroom preset of every lab. Each card opens its experiment with the exact settings shown; the
        previews were drawn by the app, running each preset ahead of time (a preset changed since is run here, for a
        few seconds in the background).
      </p>
      <section aria-labelledby="tours-h" className="gallery-tours">
        <h2 id="tours-h">Guided tours</h2>
        <TourList />
      </section>
      <section aria-labelledby="presets-h">
        <h2 id="presets-h">Presets</h2>
        <div className="gallery-filter" role="group" aria-label="Filter presets">
          <label>
            Lab{' '}
            <select value={filter.lab ?? ''} onChange={(e) => setFilter({ ...filter, lab: (e.target.value || undefined) as LabId | undefined })} data-testid="filter-lab">
              <option value="">All labs</option>
              {labs.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
            </select>
          </label>
          <label>
            Topic{' '}
            <select value={filter.topic ?? ''} onChange={(e) => setFilter({ ...filter, topic: (e.target.value || undefined) as Topic | undefined })} data-testid="filter-topic">
              <option value="">All topics</option>
              {topics.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          {(filter.lab || filter.topic) && <button type="button" onClick={() => setFilter({})}>Show all</button>}
          <span className="gallery-count" role="status" data-testid="gallery-count">
            {shown.length === cards.length ? `${cards.length} presets` : `${shown.length} of ${cards.length} presets`}
          </span>
        </div>
        {shown.length === 0 ? (
          <p className="gallery-empty">No preset of this lab is about this topic. <button type="button" onClick={() => setFilter({ lab: filter.lab })}>Any topic</button></p>
        ) : (
          <ul className="gallery-grid">
            {shown.map((c) => <GalleryCard key={`${c.lab}/${c.preset.id}`} card={c} />)}
          </ul>
        )}
      </section>
    </main>
  );
}
