// The Gradient-guidance lab in the browser on WASM: it loads, runs guidance rounds and draws; the
// front preset runs to done with its sweep; a bad URL value shows a notice.
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/#/guidance?${query}`);
  await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined);
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames());
const latest = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __playground: { latest(): { metrics: Record<string, number>; layers: Record<string, unknown> } | null } }).__playground.latest();
    return s ? { metrics: s.metrics, layers: Object.keys(s.layers) } : null;
  });

test('loads on WASM, runs rounds with G_loss on the line and draws them', async ({ page }) => {
  await open(page, 'backend=wasm&T=50&rounds=20');
  await expect(page.getByTestId('backend')).toContainText(/wasm/i);
  const play = page.getByTestId('play');
  if ((await play.textContent())?.match(/play|run/i)) await play.click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  expect(await frames(page)).toBeGreaterThan(1);
  const s = await latest(page);
  expect(s!.layers).toEqual(expect.arrayContaining(['samples', 'data', 'reward']));
  expect(s!.metrics.off_support_ratio).toBeLessThan(1e-5);
  await expect(page.locator('.plane-host').first()).toBeVisible();
});

test('the front preset runs to done and sends the sweep over δ', async ({ page }) => {
  await open(page, 'backend=wasm&preset=front&T=30&rounds=4&batch=16');
  await expect(page.getByTestId('preset')).toHaveValue('front');
  const play = page.getByTestId('play');
  if ((await play.textContent())?.match(/play|run/i)) await play.click();
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 40_000 });
  const s = await latest(page);
  expect(s!.layers).toEqual(expect.arrayContaining(['front', 'sweep', 'sweepSamples']));
});

test('a bad URL value shows a notice, not a blank page', async ({ page }) => {
  await open(page, 'backend=wasm&delta=-3&guidance=bogus');
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText(/delta|guidance/);
});
