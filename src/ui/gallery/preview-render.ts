// Renders one shipped gallery preview exactly as a card renders its live thumbnail (the same
// ThumbnailRunner on its own WASM worker, the same renderThumb drawing the lab's plane), only with a
// longer time budget, and re-encodes the picture as WebP for shipping. The #/previews page runs it;
// scripts/gallery-previews.mjs drives that page and writes the files.
import type { LabId } from '../../labs/types';
import type { GalleryCard } from '../../state/gallery-cards';
import { previewHash, previewKey } from '../../state/gallery-previews';
import { ThumbnailRunner } from '../../state/thumbnail-runner';
import { renderThumb } from './thumb-render';

/**
 * Wall-clock budget per preset, by lab. A preview runs to the preset's recommended iterations and
 * stops earlier only at this budget (counted from the first frame, after any pre-training); the
 * live gallery gives every card 2.5 s. Measured on a busy 2-core machine (WASM, one preset at a time):
 * - samplers, mismatch: every preset reaches its steps (or its finite run ends) in under 9 s;
 * - guidance: all but one reach their steps in under 4 s (regularized-optimum: 180 of 300 in 15 s);
 * - implicit: every preset reaches its steps, the slowest (diffusion-finetune) in 20 s;
 * - dxmi: ~1000 iterations in 40 s, the point where sampler and energy show the target's modes;
 * - dikl: ~6 iterations/s, so 2500 steps are out of reach; at 40 s (~250 iterations) the generators
 *   are still lines through a few modes, at 90-120 s (~500-700) DiKL's spread against reverse KL's
 *   collapse, the story of the MoG-40 presets, is plain.
 * The manifest records the iteration each picture reached (the card shows it).
 */
export const PREVIEW_BUDGET_MS: Record<LabId, number> = {
  samplers: 10_000,
  mismatch: 10_000,
  guidance: 15_000,
  implicit: 30_000,
  dikl: 90_000,
  dxmi: 40_000,
};

export const PREVIEW_TYPE = 'image/webp';
export const PREVIEW_QUALITY = 0.82;

export interface RenderedPreview {
  key: string;
  hash: string;
  /** `data:image/webp;base64,...` */
  dataUrl: string;
  width: number;
  height: number;
  iteration: number;
  diverged: boolean;
  /** wall-clock ms for this preset: build, stepping and drawing */
  ms: number;
}

async function reencode(pngUrl: string): Promise<{ dataUrl: string; width: number; height: number }> {
  const img = new Image();
  img.src = pngUrl;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.drawImage(img, 0, 0);
  const dataUrl = c.toDataURL(PREVIEW_TYPE, PREVIEW_QUALITY);
  if (!dataUrl.startsWith(`data:${PREVIEW_TYPE}`)) throw new Error(`this browser cannot encode ${PREVIEW_TYPE}`);
  return { dataUrl, width: c.width, height: c.height };
}

let runner: ThumbnailRunner | null = null;

/** One preset's preview; `budgetScale` stretches every lab's budget (a slow machine). */
export async function renderPreview(card: GalleryCard, budgetScale = 1): Promise<RenderedPreview> {
  const t0 = performance.now();
  runner ??= new ThumbnailRunner();
  const job = { lab: card.lab, params: card.params, steps: card.steps, budgetMs: PREVIEW_BUDGET_MS[card.lab] * budgetScale };
  const run = await runner.run(job);
  const picture = await reencode(await renderThumb(run, job));
  return {
    key: previewKey(card.lab, card.preset.id),
    hash: previewHash({ lab: card.lab, presetId: card.preset.id, params: card.params, steps: card.steps }),
    ...picture,
    iteration: run.snapshot.iteration,
    diverged: run.diverged,
    ms: Math.round(performance.now() - t0),
  };
}
