// The gallery: every preset of every lab as a card, filters by lab and topic (keyboard and link),
// previews drawn by the app when none is shipped (and cached for the next visit), and a card opening its experiment.
import { expect, test } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { LAB_SCHEMAS } from '../src/labs/schemas';
import { galleryCards } from '../src/state/gallery-cards';
import './pages/samplers-lab';

const cards = galleryCards();

test('every preset is a card; a preview renders and is cached; filters work by keyboard and by link', async ({ page }) => {
  // without the shipped previews (public/gallery/, tested in gallery-previews.spec.ts) every card renders live
  await page.route('**/gallery/manifest.json*', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto('/#/gallery?backend=wasm');
  const list = page.getByTestId('gallery-card');
  await expect(list).toHaveCount(cards.length);
  expect(cards.length).toBe(Object.values(LAB_SCHEMAS).reduce((n, s) => n + s!.presets.length, 0));
  await expect(page.getByTestId('gallery-count')).toHaveText(`${cards.length} presets`);

  // the first card's preview: a PNG the app drew, decodable and not blank-sized
  const img = list.first().locator('img');
  await expect(img).toHaveAttribute('src', /^data:image\/png;base64,/, { timeout: 60_000 });
  const src = (await img.getAttribute('src'))!;
  expect(src.length).toBeGreaterThan(5_000);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThanOrEqual(200);
  await expect(list.first().locator('.g-iter')).toHaveText(/iteration \d+/);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

  // the next visit shows it from the cache at once (nothing is run again)
  await page.reload();
  await expect(list.first().locator('img')).toHaveAttribute('src', src, { timeout: 5_000 });

  // keyboard: focus the lab filter and choose with the arrow keys
  const labSelect = page.getByTestId('filter-lab');
  await labSelect.focus();
  await page.keyboard.press('ArrowDown'); // All labs -> Samplers
  await expect(labSelect).toHaveValue('samplers');
  await expect(list).toHaveCount(LAB_SCHEMAS.samplers!.presets.length);
  await labSelect.selectOption('dikl');
  await expect(list).toHaveCount(LAB_SCHEMAS.dikl!.presets.length);
  for (const lab of await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-lab')))) expect(lab).toBe('dikl');
  await expect(page).toHaveURL(/#\/gallery\?lab=dikl$/);

  // the filter is in the link
  await page.goto('/#/gallery?lab=samplers&topic=step%20size');
  const expected = cards.filter((c) => c.lab === 'samplers' && c.topics.includes('step size'));
  expect(expected.length).toBeGreaterThan(0);
  await expect(list).toHaveCount(expected.length);
  await expect(page.getByTestId('filter-topic')).toHaveValue('step size');
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(list).toHaveCount(cards.length);
});

test('a card opens its experiment with the preset\'s complete params', async ({ page }) => {
  await page.goto('/#/gallery?lab=guidance');
  const card = cards.find((c) => c.lab === 'guidance' && c.preset.id === 'front')!;
  await page.getByRole('link', { name: card.preset.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${card.link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const state = await page.evaluate(() => {
    const s = window.__playground!.store.getState();
    return { route: s.route, lab: s.lab, params: JSON.parse(JSON.stringify(s.params)) as Record<string, unknown> };
  });
  expect(state.route).toBe('lab');
  expect(state.lab).toBe('guidance');
  for (const [k, v] of Object.entries(card.preset.params)) expect(state.params[k], k).toEqual(v);
});
