// A backend that fails mid-run (as a lost GPU device does) restarts the worker on the next backend,
// says so, and resumes the same experiment from the URL state.
import { expect, test, type Page } from '@playwright/test';

interface Playground { frames(): number; simulateBackendFailure(): void }
const frames = (page: Page) => page.evaluate(() => (window as unknown as { __playground: Playground }).__playground.frames());

test('a failed backend restarts on the next one and keeps the experiment', async ({ page }) => {
  await page.goto('/#/samplers?backend=wasm&target=hexagon&sampler=mala&particles=300&seed=5');
  await expect(page.getByTestId('backend')).toContainText('wasm');
  await expect.poll(() => frames(page)).toBeGreaterThan(3);
  const before = await page.evaluate(() => location.hash);
  await page.evaluate(() => (window as unknown as { __playground: Playground }).__playground.simulateBackendFailure());
  await expect(page.getByTestId('backend')).toContainText('cpu');
  await expect(page.getByTestId('error')).toContainText(/wasm failed .*restarted on cpu/);
  await expect(page.getByTestId('status')).toHaveText('running');
  const seen = await frames(page);
  await expect.poll(() => frames(page)).toBeGreaterThan(seen + 2);
  // same experiment: every parameter in the link is unchanged (the forced backend aside)
  const after = await page.evaluate(() => location.hash);
  expect(after.replace(/&backend=\w+/, '')).toBe(before.replace(/&backend=\w+/, ''));
  expect(after).toContain('target=hexagon');
  expect(after).toContain('sampler=mala');
});
