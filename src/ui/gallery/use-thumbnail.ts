// A card's thumbnail: the shipped preview when the manifest has one for exactly this preset (same
// hash; see state/gallery-previews.ts), else from the cache, else requested when the card scrolls
// into view (IntersectionObserver) and rendered in turn; a card that leaves the screen before its turn
// gives its place up. Also the page-wide service behind it (one worker, one queue, one cache).
import { useEffect, useRef, useState } from 'react';
import type { ThumbJob } from '../../state/thumbnail-runner';
import type { ThumbImage } from '../../state/thumbnail-queue';
import { browserCache } from '../../state/thumbnail-cache';
import { ThumbnailQueue } from '../../state/thumbnail-queue';
import { ThumbnailRunner } from '../../state/thumbnail-runner';
import { renderThumb } from './thumb-render';
import { freshPreview, previewUrl, type PreviewSubject } from '../../state/gallery-previews';
import { shippedPreviews } from './shipped-previews';

/** ms of stepping per thumbnail: enough for a trained generator to show its shape on a slow laptop */
export const THUMB_BUDGET_MS = 2500;

// The bundle's own URL carries a content hash in a production build, so it names the build: a new
// build (whose experiments may draw differently) renders fresh thumbnails. In development it is the
// source path, which never changes, so development does not cache across reloads.
const BUILD = import.meta.env.DEV ? `dev-${Date.now()}` : new URL(import.meta.url).pathname;

let queue: ThumbnailQueue | null = null;

/** the page-wide thumbnail service, made on first use: one worker, one queue, one cache */
export function thumbnails(): ThumbnailQueue {
  queue ??= new ThumbnailQueue(new ThumbnailRunner(), renderThumb, browserCache(BUILD));
  return queue;
}

export type ThumbState =
  | { status: 'waiting' } // not on screen yet
  | { status: 'queued' }
  /** `shipped`: the picture came with the app (public/gallery/), else it was rendered in this browser */
  | { status: 'done'; image: ThumbImage; shipped: boolean }
  | { status: 'error'; message: string };

export function useThumbnail(key: string, job: Omit<ThumbJob, 'budgetMs'>, preview?: PreviewSubject) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ThumbState>({ status: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  const jobRef = useRef(job);
  jobRef.current = job;
  const previewRef = useRef(preview);
  previewRef.current = preview;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const q = thumbnails();
    let alive = true;
    let asked = false;
    let stop = () => {};
    const ask = () => {
      if (asked) return;
      asked = true;
      setState({ status: 'queued' });
      q.request(key, { ...jobRef.current, budgetMs: THUMB_BUDGET_MS }).then(
        (image) => alive && setState({ status: 'done', image, shipped: false }),
        (e: Error) => {
          if (!alive) return;
          asked = false;
          setState(e.message === 'cancelled' ? { status: 'waiting' } : { status: 'error', message: e.message });
        },
      );
    };
    // the shipped preview first: its hash is this preset's, so it shows exactly this experiment
    const shipped = async () => {
      const e = previewRef.current && freshPreview(await shippedPreviews(), previewRef.current);
      return e ? { url: previewUrl(e), iteration: e.iteration, diverged: e.diverged } : undefined;
    };
    void shipped().then(async (image) => {
      if (image) return { image, shipped: true };
      const hit = await q.cached(key);
      return hit ? { image: hit, shipped: false } : undefined;
    }).then((found) => {
      if (!alive) return;
      if (found) {
        asked = true;
        setState({ status: 'done', ...found });
        return;
      }
      const io = new IntersectionObserver((entries) => {
        const on = entries.some((e) => e.isIntersecting);
        if (on) ask();
        else if (asked) q.cancel(key);
      }, { rootMargin: '200px' });
      io.observe(el);
      stop = () => io.disconnect();
    });
    return () => {
      alive = false;
      stop();
      q.cancel(key);
    };
  }, [key, attempt]);

  return { ref, state, retry: () => setAttempt((a) => a + 1) };
}
