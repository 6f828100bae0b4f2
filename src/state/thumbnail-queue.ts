// One thumbnail at a time: presets run one after another on the thumbnail worker, so the gallery page
// stays responsive and the machine is not flooded when forty cards scroll into view. Requests are
// deduplicated by link, a card that scrolls away before its turn is dropped, and a finished image is
// cached (the cache answers before anything runs).
import type { ThumbCache } from './thumbnail-cache';
import type { ThumbJob, ThumbRun } from './thumbnail-runner';

export interface Runner {
  run(job: ThumbJob): Promise<ThumbRun>;
}
/** draws a finished run to an image data URL (the UI side: it owns the canvas) */
export type Renderer = (run: ThumbRun, job: ThumbJob) => Promise<string>;

export interface ThumbImage {
  url: string;
  /** the iteration the picture shows (a preview may stop before the preset's steps) */
  iteration: number;
  diverged: boolean;
}

function readImage(raw: string | undefined): ThumbImage | undefined {
  if (!raw) return undefined;
  try {
    const o = JSON.parse(raw) as ThumbImage;
    return typeof o.url === 'string' && o.url.startsWith('data:image/') && typeof o.iteration === 'number' ? o : undefined;
  } catch {
    return undefined; // an entry from an older format: render again
  }
}

interface Pending {
  key: string;
  job: ThumbJob;
  resolve: (img: ThumbImage) => void;
  reject: (e: Error) => void;
  started: boolean;
}

export class ThumbnailQueue {
  private pending: Pending[] = [];
  private inflight = new Map<string, Promise<ThumbImage>>();
  private busy = false;

  constructor(
    private readonly runner: Runner,
    private readonly render: Renderer,
    private readonly cache: ThumbCache,
  ) {}

  /** the cached image, if any, without running anything */
  cached(key: string): Promise<ThumbImage | undefined> {
    return this.cache.get(key).then(readImage, () => undefined);
  }

  /** the image for this link: from the cache, or queued behind the ones asked for earlier */
  request(key: string, job: ThumbJob): Promise<ThumbImage> {
    const known = this.inflight.get(key);
    if (known) return known;
    const p = this.cached(key).then((hit) => hit ?? new Promise<ThumbImage>((resolve, reject) => {
      this.pending.push({ key, job, resolve, reject, started: false });
      void this.pump();
    }));
    this.inflight.set(key, p);
    const forget = () => this.inflight.delete(key);
    p.then(forget, forget);
    return p;
  }

  /** drop a request that has not started (its card left the screen); it rejects with `cancelled` */
  cancel(key: string): void {
    const i = this.pending.findIndex((p) => p.key === key && !p.started);
    if (i < 0) return;
    const [p] = this.pending.splice(i, 1);
    p.reject(new Error('cancelled'));
  }

  get queued(): number {
    return this.pending.length;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let next = this.pending[0]; next; next = this.pending[0]) {
        next.started = true;
        try {
          const run = await this.runner.run(next.job);
          const img: ThumbImage = { url: await this.render(run, next.job), iteration: run.snapshot.iteration, diverged: run.diverged };
          await this.cache.put(next.key, JSON.stringify(img)).catch(() => undefined);
          next.resolve(img);
        } catch (e) {
          next.reject(e instanceof Error ? e : new Error(String(e)));
        }
        this.pending.shift();
      }
    } finally {
      this.busy = false;
    }
  }
}
