// The gallery's shipped previews (public/gallery/, `npm run gallery:previews`): a card whose preset
// still has the hash in the manifest shows its picture as soon as it scrolls in, without running the
// preset; a stale or missing entry never shows a picture (the card renders live); and the previews
// are in the offline cache. Which entries are fresh is read from the manifest the server ships, with
// the app's own hash, so these tests hold while presets are being edited (stale ones are left out).
import { expect, test, type Page } from '@playwright/test';
import { galleryCards } from '../src/state/gallery-cards';
import { freshPreview, parseManifest, PREVIEW_MANIFEST, previewKey, type PreviewManifest } from '../src/state/gallery-previews';

const cards = galleryCards();
const subject = (c: (typeof cards)[number]) => ({ lab: c.lab, presetId: c.preset.id, params: c.params, steps: c.steps });

async function served(page: Page): Promise<{ raw: unknown; manifest: PreviewManifest }> {
  const r = await page.request.get(PREVIEW_MANIFEST);
  expect(r.ok(), `${PREVIEW_MANIFEST} is not served; run \`npm run gallery:previews\` and build`).toBe(true);
  const raw = (await r.json()) as unknown;
  return { raw, manifest: parseManifest(raw) };
}

/** every card that ever shows "Running the preset…", noted as it happens (a MutationObserver, not a poll) */
async function noteQueued(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __queued: Set<string> }).__queued = seen;
    const note = (el: Element) => {
      if (el.getAttribute('data-status') !== 'queued') return;
      const card = el.closest('[data-testid="gallery-card"]');
      if (card) seen.add(`${card.getAttribute('data-lab')}--${card.getAttribute('data-preset')}`);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') note(r.target as Element);
        r.addedNodes.forEach((n) => n instanceof Element && n.querySelectorAll('[data-status]').forEach(note));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

const imageReady = (page: Page, key: string) => page.locator(`[data-testid="gallery-card"][data-lab="${key.split('--')[0]}"][data-preset="${key.split('--').slice(1).join('--')}"] img`)
  .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc);

test('scrolled to the bottom, every card with a fresh shipped preview shows it, and none of them runs its preset', async ({ page }) => {
  const { manifest } = await served(page);
  const fresh = cards.filter((c) => freshPreview(manifest, subject(c))).map((c) => previewKey(c.lab, c.preset.id));
  const stale = cards.map((c) => previewKey(c.lab, c.preset.id)).filter((k) => !fresh.includes(k));
  test.info().annotations.push({ type: 'previews', description: `${fresh.length} fresh, ${stale.length} stale or missing: ${stale.join(', ') || 'none'}` });
  expect(fresh.length, 'no shipped preview is fresh: run `npm run gallery:previews`').toBeGreaterThan(0);

  await noteQueued(page);
  const t0 = Date.now();
  await page.goto('/#/gallery?backend=wasm');
  const list = page.getByTestId('gallery-card');
  await expect(list).toHaveCount(cards.length);
  // scroll like a reader, a screen at a time, until the page ends
  for (;;) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.9);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    if (atEnd) break;
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  for (const key of fresh) {
    await expect.poll(() => imageReady(page, key), { message: `${key}: shipped image`, timeout: 5_000 }).toContain(`/gallery/${key}.`);
  }
  const ms = Date.now() - t0;
  test.info().annotations.push({ type: 'time to every shipped picture', description: `${ms} ms` });
  console.log(`gallery previews: ${fresh.length} shipped pictures shown ${ms} ms after opening the page`);

  // the shipped cards say so, carry their size before they load, and never ran
  for (const key of fresh.slice(0, 3)) {
    const img = page.locator(`[data-testid="gallery-card"][data-preset="${key.split('--').slice(1).join('--')}"] img`).first();
    await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('width', /\d+/);
  }
  await expect(page.locator('.g-thumb[data-source="shipped"]')).toHaveCount(fresh.length);
  const queued = await page.evaluate(() => [...(window as unknown as { __queued: Set<string> }).__queued]);
  expect(queued.filter((k) => fresh.includes(k)), 'fresh previews must not run their preset').toEqual([]);
  // a stale or missing one is not shown from the files
  for (const key of stale) {
    const thumb = page.locator(`[data-testid="gallery-card"][data-lab="${key.split('--')[0]}"][data-preset="${key.split('--').slice(1).join('--')}"] .g-thumb`);
    await expect(thumb).not.toHaveAttribute('data-source', 'shipped');
  }
});

test('a preview whose hash differs from the preset, or that is missing, is never shown: the card renders live', async ({ page }) => {
  const { raw, manifest } = await served(page);
  const samplers = cards.filter((c) => c.lab === 'samplers' && freshPreview(manifest, subject(c)));
  test.skip(samplers.length < 3, 'needs three fresh Samplers previews (run `npm run gallery:previews`)');
  const [changed, missing, kept] = samplers.map((c) => previewKey(c.lab, c.preset.id));
  const entries = { ...(raw as { entries: Record<string, { hash: string }> }).entries };
  entries[changed] = { ...entries[changed], hash: '0000000000000000' }; // as if the preset had been edited since
  delete entries[missing];
  await page.route(`**/${PREVIEW_MANIFEST}*`, (r) => r.fulfill({ json: { ...(raw as object), entries } }));

  await page.goto('/#/gallery?lab=samplers&backend=wasm');
  const thumb = (key: string) => page.locator(`[data-testid="gallery-card"][data-preset="${key.slice('samplers--'.length)}"] .g-thumb`);
  await expect(thumb(kept)).toHaveAttribute('data-source', 'shipped');
  for (const key of [changed, missing]) {
    // on screen, so it is rendered in this browser: queued, then a live picture
    await expect(thumb(key)).toHaveAttribute('data-status', /queued|done/);
    await expect(thumb(key)).not.toHaveAttribute('data-source', 'shipped');
    await expect(thumb(key).locator(`img[src*="gallery/${key}."]`)).toHaveCount(0);
  }
  await expect(thumb(changed)).toHaveAttribute('data-source', 'live', { timeout: 60_000 });
  await expect(thumb(changed).locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('the service worker precaches the previews, and the gallery shows them with the network off', async ({ page, context }) => {
    const { manifest } = await served(page);
    const sw = await (await page.request.get('sw.js')).text();
    const precache = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(sw)![1]) as string[];
    expect(precache).toContain(`./${PREVIEW_MANIFEST}`);
    const files = Object.values(manifest.entries).map((e) => `./gallery/${e.file}`);
    expect(files.filter((f) => !precache.includes(f)), 'previews missing from the precache').toEqual([]);

    await page.goto('/#/gallery?lab=guidance&backend=wasm');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    const fresh = cards.filter((c) => c.lab === 'guidance' && freshPreview(manifest, subject(c))).map((c) => previewKey(c.lab, c.preset.id));
    expect(fresh.length).toBeGreaterThan(0);
    for (const key of fresh) {
      await page.locator(`[data-testid="gallery-card"][data-preset="${key.slice('guidance--'.length)}"]`).scrollIntoViewIfNeeded();
      await expect.poll(() => imageReady(page, key), { message: `${key} offline` }).toContain(`/gallery/${key}.`);
    }
    await context.setOffline(false);
  });
});
