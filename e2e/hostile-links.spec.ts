// Hostile links in the real page (the codec's own cases are in src/labs/codec/hostile-corpus.ts):
// routes named like Object's properties used to draw "Something went wrong ... e.params is not
// iterable" on load and throw an uncaught TypeError on hashchange; a repeated `ab` was reported as
// "using the last value 0" while the page kept comparing.
import { expect, test, type Page } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

const ROUTES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty?x=1'];

/** the page errors seen from now on */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function expectUnknownPage(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('notice')).toContainText(`There is no page called "${name}"`);
  await expect(page.getByRole('alert')).toContainText('does not name a page');
  await expect(page.locator('main.landing .lab-cards > li')).toHaveCount(6);
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
}

test('routes named like Object properties open the landing page with a notice, on load and on hashchange', async ({ page }) => {
  const errors = pageErrors(page);
  for (const route of ROUTES) {
    const name = route.split('?')[0];
    await page.goto(`/#/${route}`);
    await page.waitForFunction(() => window.__playground !== undefined);
    await expectUnknownPage(page, name);
  }
  // reached from a working page, as a pasted link is
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sampling Playground' })).toBeVisible();
  for (const route of ROUTES) {
    await page.evaluate((h) => { location.hash = h; }, `#/${route}`);
    await expectUnknownPage(page, route.split('?')[0]);
  }
  // and the landing page still leads to a lab
  await page.locator('main.landing').getByRole('link', { name: 'Samplers' }).first().click();
  await expect(page.getByRole('region', { name: 'Samplers lab' })).toBeVisible();
  expect(errors).toEqual([]);
});

const uiState = (page: Page) => page.evaluate(() => {
  const s = window.__playground!.store.getState();
  return { compare: s.ui.compare, present: s.ui.present, hide: s.ui.hide, notices: s.notices };
});

test('a repeated page option: the notice and the page agree on the last value', async ({ page }) => {
  const errors = pageErrors(page);
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=200&ab=1&b.sampler=mala&ab=0&present=1&present=0&hide=step&hide=presets');
  await expect(lab.notice).toContainText('ab is given 2 times; using the last value "0"');
  await expect(lab.notice).toContainText('present is given 2 times; using the last value "0"');
  await expect(lab.notice).toContainText('hide is given 2 times; using the last value "presets"');
  const s = await uiState(page);
  expect(s).toMatchObject({ compare: null, present: false, hide: ['presets'] });
  await expect(page.getByTestId('compare-split')).toHaveCount(0);
  await expect(lab.numberInput('Step size')).toBeVisible(); // hide=step was overridden by the last hide
  // the canonical link says the same
  await expect.poll(() => lab.hashParam('hide')).toBe('presets');
  expect(await lab.hashParam('ab')).toBeNull();
  expect(await lab.hashParam('b.sampler')).toBeNull();

  // the other way round, by hashchange: the last ab=1 wins and B runs MALA
  await page.evaluate(() => { location.hash = '#/samplers?backend=wasm&particles=200&ab=0&b.sampler=mala&ab=1'; });
  await expect(lab.notice).toContainText('ab is given 2 times; using the last value "1"');
  await expect(page.getByTestId('compare-split')).toBeVisible();
  expect((await uiState(page)).compare).toEqual({ sampler: 'mala' });
  await expect.poll(() => lab.hashParam('b.sampler')).toBe('mala');
  expect(errors).toEqual([]);
});
