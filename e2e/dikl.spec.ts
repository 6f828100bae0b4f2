// The DiKL lab in the browser on WASM: it loads, trains and draws; the comparison preset draws both
// generators and both mode counts; a click on the inspector plane picks x_t; a bad URL value shows the
// notice. Small networks throughout so the specs stay quick on two cores.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const SMALL = 'width=32&batch=64&dsmSteps=2&show=500';

test('trains on WASM and draws samples, the density, the per-level errors and the inspector', async ({ page }) => {
  const lab = new LabPage(page, 'dikl');
  await lab.open(`backend=wasm&${SMALL}`);
  await expect(lab.backendBadge).toHaveText(/^wasm · WebAssembly/);
  await lab.expectRunning();
  const frames = await lab.frames();
  await expect.poll(() => lab.frames()).toBeGreaterThan(frames + 2);
  await expect.poll(() => lab.iterationNow()).toBeGreaterThan(3);
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toEqual(expect.arrayContaining(['density', 'samplesA', 'levelErrors', 'postExact', 'postAis', 'marker']));
  expect(await lab.layerKinds()).toMatchObject({ density: 'scalarGrid', samplesA: 'points', levelErrors: 'series', postAis: 'points' });
  await expect(lab.chart('Modes covered')).toBeVisible();
  await expect.poll(() => lab.lastMetric('modes_covered')).not.toBeNull();
  await expect.poll(() => lab.lastMetric('sw2')).not.toBeNull();
});

test('the comparison preset trains both objectives from the same seed', async ({ page }) => {
  const lab = new LabPage(page, 'dikl');
  await lab.open(`backend=wasm&preset=mog40-compare&${SMALL}`);
  await expect(lab.preset).toHaveValue('mog40-compare');
  await lab.expectRunning();
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toContain('samplesB');
  await expect.poll(() => lab.lastMetric('modes_covered_b')).not.toBeNull();
  // the plane and the legends name the objectives drawn, not "main" and "comparison"
  await expect(page.getByText('Generator samples over log p (red: DiKL, white: reverse KL)')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/\bcomparison objective\b|\{[AB]\}/);
});

test('a click on the inspector plane picks x_t (URL keys probeX, probeY)', async ({ page }) => {
  const lab = new LabPage(page, 'dikl');
  await lab.open(`backend=wasm&${SMALL}&probeX=-40&probeY=-40`);
  await lab.expectRunning();
  const svg = page.locator('.plane-host').nth(1).locator('svg.plot-svg');
  const box = (await svg.boundingBox())!;
  await svg.click({ position: { x: box.width * 0.8, y: box.height * 0.2 } });
  await expect.poll(async () => Number(await lab.hashParam('probeX'))).toBeGreaterThan(0);
  expect(Number(await lab.hashParam('probeY'))).toBeGreaterThan(0);
  await lab.expectRunning();
});

test('a bad URL value shows the notice and the lab still runs', async ({ page }) => {
  const lab = new LabPage(page, 'dikl');
  await lab.open(`backend=wasm&${SMALL}&objective=banana&width=0`);
  await expect(lab.notice).toBeVisible();
  await lab.expectRunning();
});

test('the trained generator saves to a file and loads back; a wrong file is refused with a reason', async ({ page }) => {
  const lab = new LabPage(page, 'dikl');
  await lab.open(`backend=wasm&${SMALL}`);
  await lab.expectRunning();
  await expect.poll(() => lab.iterationNow()).toBeGreaterThan(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-weights').first().click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const file = JSON.parse(readFileSync(path!, 'utf8'));
  expect(file).toMatchObject({ format: 'sampling-playground-weights', lab: 'dikl' });
  expect(file.values.length).toBe(file.shapes.length);
  // load it back: the run goes on, no error
  await page.getByTestId('load-weights').first().setInputFiles({ name: 'gen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const frames = await lab.frames();
  await expect.poll(() => lab.frames()).toBeGreaterThan(frames + 2);
  await expect(page.getByTestId('error')).toHaveCount(0);
  // a file from another lab is refused, and says why
  await page.getByTestId('load-weights').first().setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, lab: 'dxmi' })) });
  await expect(page.getByTestId('error')).toContainText('from the dxmi lab');
});
