// The Implicit Diffusion lab in the browser on WASM: the default reward-training run draws the plane, the
// weight bars (with the exact flow's ticks) and the J charts; a click places the bump; a preset runs the
// nested loop at equal cost; the EBM mode draws; a bad URL value shows the notice. Small sizes throughout.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

test('reward training of Langevin runs and draws particles, weights and J (exact vs particles)', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&particles=200&eta=0.5');
  await expect(lab.backendBadge).toHaveText(/^wasm · WebAssembly/);
  await lab.expectRunning();
  const frames = await lab.frames();
  await expect.poll(() => lab.frames()).toBeGreaterThan(frames + 2);
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toEqual(expect.arrayContaining(['heat', 'rewardContours', 'particles', 'weights']));
  expect(await lab.layerKinds()).toMatchObject({ heat: 'scalarGrid', rewardContours: 'paths', particles: 'points', weights: 'bars' });
  await expect(lab.chart('Objective J over iterations')).toBeVisible();
  await expect(lab.chart('J against ∇V evaluations')).toBeVisible();
  // J climbs from J(θ0) = 0.0725 as the weight gathers on the first component
  await expect.poll(() => lab.lastMetric('J_exact'), { timeout: 40_000 }).toBeGreaterThan(0.12);
  expect(await lab.lastMetric('J_flow')).toBeGreaterThan(0.1);
});

test('a plain click on the plane moves the reward bump (URL keys bumpX, bumpY)', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&particles=100&reward=bump&param=means&bumpX=-2&bumpY=-1');
  await lab.expectRunning();
  const box = (await lab.planeSvg.boundingBox())!;
  await lab.planeSvg.click({ position: { x: box.width * 0.75, y: box.height * 0.3 } });
  await expect.poll(async () => Number(await lab.hashParam('bumpX'))).toBeGreaterThan(0);
  await lab.expectRunning();
});

test('the single-vs-nested preset runs a nested loop at equal cost', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&preset=single-vs-nested&particles=200');
  await expect(lab.preset).toHaveValue('single-vs-nested');
  await lab.expectRunning();
  await expect.poll(() => lab.lastMetric('J_nested')).not.toBeNull();
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toContain('others');
});

test('the EBM mode draws the energy, chains and data; a bad URL value shows a notice', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&mode=ebm&data=moons&energy=mlp&hidden=16&batch=64&gamma=abc');
  await expect(lab.notice).toBeVisible();
  await lab.expectRunning();
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toEqual(expect.arrayContaining(['heat', 'particles', 'others']));
  await expect.poll(() => lab.lastMetric('sw2')).not.toBeNull();
});

test('the diffusion fine-tuning preset runs the queue and draws samples, the queue strip and the cost chart', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&preset=diffusion-finetune&batch=32');
  await expect(lab.preset).toHaveValue('diffusion-finetune');
  await lab.expectRunning();
  await expect.poll(async () => Object.keys(await lab.layerKinds()), { timeout: 30_000 }).toEqual(expect.arrayContaining(['particles', 'others', 'queue', 'weights', 'heat']));
  expect(await lab.layerKinds()).toMatchObject({ particles: 'points', others: 'points', queue: 'bars' });
  await expect(lab.chart('Objective against sampler steps')).toBeVisible();
  await expect.poll(() => lab.lastMetric('F_exact'), { timeout: 40_000 }).toBeGreaterThan(0.4);
});

test('a learned diffusion base trains first (DSM loss chart), then the queue fine-tunes it', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&mode=diffusion&base=learned&speed=2&trainSteps=100&hidden=16&T=5&batch=32&nestedRun=0&correctionWidth=8');
  await lab.expectRunning();
  await expect.poll(() => lab.lastMetric('dsm_loss')).not.toBeNull(); // 20 DSM steps per frame: a few loss points
  await expect(lab.chart('Learned base: DSM loss during its training phase')).toBeVisible();
  await expect.poll(() => lab.lastMetric('reward'), { timeout: 20_000 }).not.toBeNull();
  expect(await lab.layerKinds()).toMatchObject({ particles: 'points', others: 'points', queue: 'bars', handles: 'handles' });
  expect(await lab.layerKinds()).not.toHaveProperty('weights');
});

test('each mode has its own settings under shared names: switching the mode brings its defaults, keeps the shared ones', async ({ page }) => {
  const lab = new LabPage(page, 'implicit');
  await lab.open('backend=wasm&seed=7&eta=0.5&reward=bump&bumpX=3');
  await lab.expectRunning();
  await lab.control('mode').selectOption('diffusion');
  // the diffusion mode's learning rate (default 4), not the Langevin one the link set; the reward is shared
  await expect.poll(() => lab.hashParam('mode')).toBe('diffusion');
  expect(await lab.hashParam('eta')).toBe('4');
  expect(await lab.hashParam('bumpX')).toBe('3');
  expect(await lab.hashParam('seed')).toBe('7');
  await expect(lab.control('base')).toBeVisible();
  await expect(lab.control('inner')).toHaveCount(0);
  await lab.control('mode').selectOption('ebm');
  await expect.poll(() => lab.hashParam('mode')).toBe('ebm');
  expect(await lab.hashParam('gamma')).toBe('0.003');
  expect(await lab.hashParam('eta')).toBeNull();
  await expect(lab.control('inner')).toBeVisible();
  await lab.expectRunning();
  expect(await lab.notice.count()).toBe(0);
});
