// Guided tours: a built-in tour's steps by buttons and arrow keys (the URL and the params follow),
// an authored tour shared as one link and opened in a fresh browser, and a damaged tour link.
import { expect, test, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { samplersTour } from '../src/labs/samplers/tour';
import { tourStepHash } from '../src/state/tour';
import './pages/samplers-lab';

const read = (page: Page) => page.evaluate(() => {
  const s = window.__playground!.store.getState();
  return { lab: s.lab, sampler: s.params.sampler as string, target: s.params.target as string, tour: s.ui.tour ?? null };
});

test('a built-in tour: Next, →, Previous and ← move through its steps, and the link follows', async ({ page }) => {
  await page.goto(`/${tourStepHash('samplers-intro', samplersTour, 0, 'wasm')}`);
  const panel = page.getByTestId('tour-panel');
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 1 of 5');
  await expect(panel.getByTestId('tour-caption')).toHaveText(samplersTour.steps[0].caption);
  expect(await read(page)).toMatchObject({ lab: 'samplers', sampler: 'ula', target: 'mog40' });

  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 2 of 5');
  await expect(page).toHaveURL(/tour=samplers-intro&tstep=2/);
  expect(await read(page)).toMatchObject({ sampler: 'ddpm', tour: { ref: 'samplers-intro', step: 1 } });

  await page.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 3 of 5');
  await expect(page).toHaveURL(/tstep=3/);
  expect(await read(page)).toMatchObject({ sampler: 'annealed', target: 'mog40' });

  await panel.getByRole('button', { name: '← Previous' }).click();
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 2 of 5');
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 1 of 5');
  expect(await read(page)).toMatchObject({ sampler: 'ula' });
  await expect(panel.getByRole('button', { name: '← Previous' })).toBeDisabled();

  // arrows typed into a text field stay there
  await page.getByTestId('tour-open-editor').click();
  await page.getByTestId('tour-editor').getByLabel('Title').focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 1 of 5');
});

test('an authored two-step tour is one link that opens, with its steps, in another browser', async ({ page, browser }) => {
  await page.goto('/#/samplers?backend=wasm&preset=mala-acceptance');
  await page.getByTestId('tour-open-editor').click();
  const editor = page.getByTestId('tour-editor');
  await editor.getByLabel('Title').fill('Two labs');
  await editor.getByTestId('tour-add').click();
  await editor.getByTestId('tour-step').nth(0).getByLabel('Caption').fill('First: MALA on the banana');
  await page.goto('/#/dikl?backend=wasm&preset=8g-compare');
  await expect(editor.getByTestId('tour-step')).toHaveCount(1); // the draft survives navigation
  await editor.getByTestId('tour-add').click();
  await editor.getByTestId('tour-step').nth(1).getByLabel('Caption').fill('Second: DiKL on eight Gaussians');
  await editor.getByTestId('tour-step').nth(1).getByLabel('Look for').fill('All eight modes.');
  await editor.getByTestId('tour-copy').click();
  const link = await editor.getByTestId('tour-link').inputValue();
  expect(link).toMatch(/#\/samplers\?.*tour=t1\.[A-Za-z0-9_-]+&tstep=1/);

  const other = await browser.newContext(); // no shared storage: the link alone carries the tour
  const p2 = await other.newPage();
  await p2.goto(`${link}&backend=wasm`);
  const panel = p2.getByTestId('tour-panel');
  await expect(panel).toBeVisible();
  await p2.getByTestId('tour-open-editor').click(); // the panel and the editor together pass axe
  const axe = await new AxeBuilder({ page: p2 }).include('.tour-dock').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 1 of 2');
  await expect(panel.getByText('Two labs')).toBeVisible();
  await expect(panel.getByTestId('tour-caption')).toHaveText('First: MALA on the banana');
  expect(await read(p2)).toMatchObject({ lab: 'samplers', sampler: 'mala', target: 'banana' });
  await p2.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('tour-count')).toHaveText('Step 2 of 2');
  await expect(panel.getByTestId('tour-caption')).toHaveText('Second: DiKL on eight Gaussians');
  await expect(panel).toContainText('All eight modes.');
  expect((await read(p2)).lab).toBe('dikl');
  await other.close();
});

test('a damaged tour link opens the lab with a clear notice', async ({ page }) => {
  await page.goto('/#/samplers?backend=wasm&tour=t1.eyJ0IjoiY3V0&tstep=2');
  await expect(page.getByTestId('notice')).toContainText("This link's tour cannot be opened");
  await expect(page.getByTestId('tour-panel')).toHaveCount(0);
  await expect(page.getByTestId('tour-open-editor')).toBeVisible();
});
