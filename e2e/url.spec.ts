// The URL is the experiment: edits reach it, a shared link restores it (bit for bit on WASM), and
// a broken link is corrected with a notice instead of a blank page.
import { expect, test, type Page } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('a step-size edit and a target change reach the URL', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=300');
  await lab.expectRunning();
  await expect.poll(() => lab.hashParam('step')).toBe('0.05'); // the opening link is canonicalised
  const historyLength = await page.evaluate(() => history.length);

  // the number box
  await lab.numberInput('Step size').fill('0.02');
  await expect.poll(() => lab.hashParam('step')).toBe('0.02');
  expect(await page.evaluate(() => window.__playground!.store.getState().params.step)).toBe(0.02);

  // the slider (log scale over [1e-5, 100]: the middle is 10^-1.5, kept to 3 significant digits)
  await lab.control('step').fill('500');
  await expect.poll(() => lab.hashParam('step')).toBe('0.0316');
  await expect(lab.numberInput('Step size')).toHaveValue('0.0316');
  // a live edit keeps the run going (no restart)
  await expect(lab.status).toHaveText('running');

  // a target change reconfigures the run
  const runId = (await lab.run()).runId;
  await lab.control('target').selectOption('8gaussians');
  await expect.poll(() => lab.hashParam('target')).toBe('8gaussians');
  await expect.poll(async () => (await lab.run()).runId).toBeGreaterThan(runId);
  await lab.expectRunning();

  // replaceState, not pushState: edits do not pile up in the history
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

const SHARED = 'v=1&backend=wasm&seed=7&target=8gaussians&sampler=mala&step=0.02&particles=300';

/** Open the shared link, pause, reset, then press Step five times; the particles after that. */
async function replay(page: Page): Promise<number[]> {
  const lab = new SamplersLab(page);
  await lab.open(SHARED);
  await lab.pauseAndReset();
  await lab.stepTimes(5);
  await expect(lab.iteration).toHaveText('5');
  return lab.particles();
}

test('a shared link restores the controls and replays the run bit for bit', async ({ page }) => {
  test.setTimeout(150_000); // three page loads, each paused and stepped
  const lab = new SamplersLab(page);
  await lab.open(SHARED);
  await expect(lab.control('target')).toHaveValue('8gaussians');
  await expect(lab.control('sampler')).toHaveValue('mala');
  await expect(lab.numberInput('Step size')).toHaveValue('0.02');
  await expect(lab.numberInput('Particles')).toHaveValue('300');
  await expect(lab.numberInput('Seed')).toHaveValue('7');
  await expect(lab.backendBadge).toHaveText(/^wasm/);
  await lab.expectRunning();
  // MALA reports an acceptance rate, so its chart appears
  await expect(lab.chart('Acceptance rate')).toBeVisible();
  await expect.poll(() => lab.lastMetric('accept_rate')).toBeGreaterThan(0);
  await page.close();

  const first = await replay(await page.context().newPage());
  const other = await page.context().newPage();
  const second = await replay(other);
  expect(first).toHaveLength(600);
  expect(first.every(Number.isFinite)).toBe(true);
  expect(new Set(first).size).toBeGreaterThan(500); // real particles, not a constant
  expect(second).toEqual(first); // Float32 values widened to doubles: equal means bit-identical

  // and the seed matters: the same five steps from another seed give other particles
  const lab2 = new SamplersLab(other);
  const runId = (await lab2.run()).runId;
  await lab2.numberInput('Seed').fill('8');
  await expect.poll(async () => (await lab2.run()).runId).toBeGreaterThan(runId);
  await expect(lab2.status).toHaveText('paused');
  await expect.poll(() => lab2.latestIteration()).toBe(0);
  await lab2.stepTimes(5);
  const reseeded = await lab2.particles();
  expect(reseeded).toHaveLength(600);
  expect(reseeded).not.toEqual(first);
});

test('a malformed link shows a notice naming each correction, and the lab still runs', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&step=abc&particles=1e12&foo=1&target=nope');
  await expect(lab.notice).toBeVisible();
  await expect(lab.notice).toContainText('The link was corrected');
  const items = lab.notice.locator('li');
  await expect(items).toHaveCount(4);
  await expect(items.filter({ hasText: /^step="?abc"? is not a number/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /^particles=.*clamped to 100000/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /"foo.*is not a setting/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /^target="?nope"?.*allowed/ })).toHaveCount(1);

  // the corrected values are what runs, and what the URL now says
  await expect(lab.control('target')).toHaveValue('mog40');
  await expect(lab.numberInput('Step size')).toHaveValue('0.05');
  await expect.poll(() => lab.hashParam('particles')).toBe('100000');
  expect(await lab.hashParam('foo')).toBeNull();
  await expect(lab.backendBadge).toHaveText(/^wasm/);
  await lab.expectRunning();

  await lab.press(lab.notice.getByRole('button', { name: 'Dismiss' }));
  await expect(lab.notice).toBeHidden();
});
