// A run never waits for a Play nobody knows to press: after a run has finished, every new configuration
// (another lab, a preset, a tour step, a setting that rebuilds the run, a click on the Mismatch plane) starts
// running at once; Play on a finished run runs it again from its seed; a run the user paused stays paused
// and says so.
import { expect, test, type Page } from '@playwright/test';
import { samplersTour } from '../src/labs/samplers/tour';
import { tourStepHash } from '../src/state/tour';
import { SamplersLab } from './pages/samplers-lab';

/** a T = 20 DDPM run on the exact MoG-40 score: done in well under a second */
const SHORT = 'backend=wasm&target=mog40&sampler=ddpm&T=20&particles=300';

async function finished(page: Page, query = SHORT): Promise<SamplersLab> {
  const lab = new SamplersLab(page);
  await lab.open(query);
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  await expect(lab.play).toHaveText('Run again');
  await expect(lab.play).toBeEnabled();
  await expect(page.getByTestId('status-detail')).toContainText('Run again');
  return lab;
}

/** the store's run for a new runId is running and its iterations count up */
async function runsAgain(lab: SamplersLab, runIdBefore: number): Promise<void> {
  await expect.poll(async () => (await lab.run()).runId).toBeGreaterThan(runIdBefore);
  await expect.poll(async () => (await lab.run()).status, { timeout: 30_000 }).toMatch(/running|done/);
  expect((await lab.run()).playing).toBe(true);
}

test('Run again on a finished run runs it once more from its seed, to the same result', async ({ page }) => {
  const lab = await finished(page);
  const first = await lab.particles();
  const { runId } = await lab.run();
  await lab.press(lab.play);
  await runsAgain(lab, runId);
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  await expect(lab.iteration).toHaveText('20');
  expect(await lab.particles()).toEqual(first);
});

test('after a finished run: another lab from the nav starts running', async ({ page }) => {
  const lab = await finished(page);
  const { runId } = await lab.run();
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Implicit Diffusion' }).click();
  await runsAgain(lab, runId);
  await lab.expectRunning();
});

test('after a finished run: choosing a preset starts it', async ({ page }) => {
  const lab = await finished(page);
  const { runId } = await lab.run();
  await lab.preset.selectOption('mala-acceptance');
  await runsAgain(lab, runId);
  await lab.expectRunning();
});

test('after a finished run: a setting that rebuilds the run starts the new one', async ({ page }) => {
  const lab = await finished(page);
  const { runId } = await lab.run();
  await lab.control('sampler').selectOption('ula');
  await runsAgain(lab, runId);
  await lab.expectRunning();
});

test('after a finished tour step: the next step runs', async ({ page }) => {
  // the tour's second step is a DDPM run (finite): let it finish, then go on
  await page.goto(`/${tourStepHash('samplers-intro', samplersTour, 1, 'wasm')}`);
  const lab = new SamplersLab(page);
  await page.waitForFunction(() => window.__playground !== undefined);
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  const { runId } = await lab.run();
  await page.getByTestId('tour-panel').getByRole('button', { name: 'Next →' }).click();
  await runsAgain(lab, runId);
  await lab.expectRunning();
});

test('after a finished Mismatch run: a click on the plane measures the point and runs the new posterior, charts kept', async ({ page }) => {
  const lab = new SamplersLab(page);
  await page.goto('/#/mismatch?backend=wasm&T=50&particles=300');
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  const { runId } = await lab.run();
  const y = await lab.hashParam('y');
  const box = (await lab.planeSvg.boundingBox())!;
  await lab.planeSvg.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
  await expect.poll(() => lab.hashParam('y')).not.toBe(y);
  await runsAgain(lab, runId);
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  // every step of the new run is charted: E‖Δ_t‖² has a point per step
  expect(await lab.seriesLength('delta2')).toBe(50);
  await expect(lab.chart('Mean-square mismatch E‖Δ_t‖² at the current step')).toBeVisible();
});

test('a run paused by the user stays paused through a new configuration, and says so', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=200');
  await lab.expectRunning();
  await lab.pause();
  await expect(page.getByTestId('status-detail')).toContainText('by you');
  const { runId } = await lab.run();
  await lab.control('sampler').selectOption('mala');
  await expect.poll(async () => (await lab.run()).runId).toBeGreaterThan(runId);
  await expect(lab.status).toHaveText('paused');
  await expect(page.getByTestId('status-detail')).toContainText('by you');
  await lab.press(lab.play);
  await lab.expectRunning();
});
