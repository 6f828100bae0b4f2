// The app loads, the worker computes on the requested backend, and the plane draws.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('the Samplers lab loads on WASM, runs and draws', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm');
  await expect(lab.backendBadge).toHaveText(/^wasm · WebAssembly/);
  await lab.expectRunning();

  const frames = await lab.frames();
  await expect.poll(() => lab.frames(), { message: 'frames keep arriving' }).toBeGreaterThan(frames + 2);

  // the plane has painted (its frame and axes are drawn with the first frame)
  await expect(lab.planeSvg.locator('rect.plot-frame')).toHaveCount(1);
  // read the pixels on a paused run: a busy software GPU makes canvas read-backs very slow
  await lab.pause();
  await expect
    .poll(async () => {
      const [heat, overlay] = await lab.canvasStats();
      // heatmap: many colours; overlay: particles on a transparent background
      return heat.colors > 20 && overlay.painted > 100 && overlay.colors > 1;
    }, { message: 'the heatmap and the particles are painted' })
    .toBe(true);
  const stats = await lab.canvasStats();
  expect(stats).toHaveLength(2);
  for (const c of stats) expect(c.width).toBeGreaterThan(100);
});

test('the landing page lists the labs and opens the Samplers lab', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sampling Playground' })).toBeVisible();
  const cards = page.locator('main.landing .lab-cards > li');
  await expect(cards).toHaveCount(6);
  for (const title of ['Samplers', 'Score mismatch', 'Implicit Diffusion', 'DiKL', 'Gradient guidance', 'DxMI']) {
    const card = cards.filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
    await expect(card).toHaveCount(1);
    // a lab is either a link or honestly marked as not available yet
    const isLink = (await card.getByRole('link').count()) === 1;
    if (!isLink) await expect(card).toContainText('not available yet');
  }
  const link = page.locator('main.landing').getByRole('link', { name: 'Samplers' });
  await expect(link).toHaveAttribute('href', '#/samplers');
  await link.click();
  await expect(page).toHaveURL(/#\/samplers/);
  await expect(page.getByRole('region', { name: 'Samplers lab' })).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText(/starting|running/);
});

test('an unknown route shows a message and the lab list, not a blank page', async ({ page }) => {
  await page.goto('/#/nowhere');
  await expect(page.getByRole('alert')).toContainText('does not name a page');
  await expect(page.locator('main.landing .lab-cards > li')).toHaveCount(6);
  await page.locator('main.landing').getByRole('link', { name: 'Samplers' }).click();
  await expect(page.getByRole('region', { name: 'Samplers lab' })).toBeVisible();
});
