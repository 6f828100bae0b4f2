// The DxMI lab in the browser on WASM: it fits the few-step DDPM, then runs DxMI iterations and draws
// the energy plane, the value planes, σ_t bars and the ROC curve; a preset runs; a bad URL value
// shows the notice. Small sizes keep the whole file well under a minute.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const SMALL = 'backend=wasm&pretrain=100&batch=128&hidden=32';

test('the DxMI lab fits the DDPM, then iterates and draws every view', async ({ page }) => {
  const lab = new LabPage(page, 'dxmi');
  await lab.open(SMALL);
  await expect(lab.backendBadge).toHaveText(/^wasm · WebAssembly/);
  await lab.expectRunning();
  const frames = await lab.frames();
  await expect.poll(() => lab.frames()).toBeGreaterThan(frames + 2);
  // the ROC layer rides only on frames that evaluate, so kinds are checked on one frame that has them all
  await expect.poll(() => lab.layerKinds()).toMatchObject({
    energy: 'scalarGrid', value0: 'scalarGrid', value3: 'scalarGrid', samples: 'points', data: 'points', paths: 'paths', sigma: 'bars', roc: 'series',
  });
  await expect(lab.plane).toHaveCount(5); // the energy plane and 4 value panels
  await expect(lab.chart('Sliced W₂ to the data')).toBeVisible();
  // metrics reach the charts' store as rows, which may land after the frame that carried the layers
  await expect.poll(() => lab.lastMetric('baseline_sw2')).toBeGreaterThan(0);
  await expect.poll(() => lab.lastMetric('auroc')).toBeGreaterThanOrEqual(0);
});

test('the τ = 0 preset runs with τ = 0', async ({ page }) => {
  const lab = new LabPage(page, 'dxmi');
  await lab.open(`${SMALL}&preset=no-entropy`);
  await expect(lab.preset).toHaveValue('no-entropy');
  await expect.poll(() => lab.hashParam('tau')).toBe('0');
  await lab.expectRunning();
});

test('tau0Twin=1 draws the τ = 0 twin beside the main run', async ({ page }) => {
  const lab = new LabPage(page, 'dxmi');
  await lab.open(`${SMALL}&tau0Twin=1&emaEnergy=0.99`);
  await lab.expectRunning();
  await expect.poll(async () => Object.keys(await lab.layerKinds())).toEqual(expect.arrayContaining(['samples_tau0', 'energy_tau0']));
  await expect(lab.plane).toHaveCount(6); // the energy plane, the twin's plane and 4 value panels
  await expect.poll(() => lab.lastMetric('sw2_tau0')).toBeGreaterThan(0);
  // the entropy term's effect, for both runs: sample entropy and learned σ_t
  await expect(lab.chart('Sample entropy (k-NN estimate, nats): what the entropy term keeps up')).toBeVisible();
  await expect(lab.chart('Learned σ_t (geometric mean over the learnable steps)')).toBeVisible();
  await expect.poll(() => lab.lastMetric('sigma_mean_tau0')).toBeGreaterThan(0);
  await expect.poll(async () => Number.isFinite(await lab.lastMetric('entropy_tau0'))).toBe(true);
});

test('a bad URL value shows the notice and the lab still runs', async ({ page }) => {
  const lab = new LabPage(page, 'dxmi');
  await lab.open(`${SMALL}&T=99&tau=banana`);
  await expect(lab.notice).toBeVisible();
  await expect(lab.notice).toContainText('T');
  await lab.expectRunning();
});
