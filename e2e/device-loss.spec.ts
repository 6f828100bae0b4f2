// A real WebGPU device loss: the worker destroys its own device (device.destroy(), what a driver reset
// does to it) mid-run on the SwiftShader adapter. The page must move to the next backend through the same
// path a simulated failure takes (fallback.spec.ts), keep the run's settings and say what happened, with
// no error banner. SwiftShader WebGPU is very slow: a tiny run.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('a destroyed WebGPU device falls back to WebGL, keeps the run and says why @webgpu', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = new SamplersLab(page);
  await lab.open('backend=webgpu&target=hexagon&sampler=mala&step=0.05&particles=40&seed=7');
  await expect(lab.backendBadge).toHaveText(/^webgpu · /, { timeout: 60_000 });
  await expect(lab.status).toHaveText('running', { timeout: 60_000 });
  // a few iterations with frames read back (MALA's acceptance too: a synchronous read-back would lose
  // the SwiftShader device by itself)
  await expect.poll(() => lab.iterationNow(), { timeout: 60_000 }).toBeGreaterThan(5);
  await expect.poll(() => lab.lastMetric('accept_rate'), { timeout: 60_000 }).toBeGreaterThan(0);
  // still on the device it started on: the loss below is the hook's, not an earlier one
  expect((await lab.run()).backend).toBe('webgpu');
  expect(await page.evaluate(() => window.__playground!.store.getState().fallbacks)).toEqual([]);
  const before = await lab.hash();
  const runId = (await lab.run()).runId;

  await page.evaluate(() => (window as unknown as { __playground: { destroyGpuDevice(): void } }).__playground.destroyGpuDevice());

  await expect(lab.backendBadge).toHaveText(/^webgl · /, { timeout: 60_000 });
  // the notice names the loss and where the run went on; it is a notice, not the error banner
  await expect(lab.error).toContainText(/The GPU device was lost \(.+\); continuing on WebGL/);
  await expect(lab.error).toHaveClass(/notice/);
  await expect(page.locator('.error')).toHaveCount(0);
  const run = await lab.run();
  expect(run.backend).toBe('webgl');
  expect((await page.evaluate(() => window.__playground!.store.getState().fallbacks)).map((f) => f.backend)).toEqual(['webgpu']);
  // the same experiment goes on: a new run of the link's settings, iterating
  await expect(lab.status).toHaveText('running', { timeout: 60_000 });
  expect(run.runId).toBeGreaterThan(runId);
  const it = await lab.iterationNow();
  await expect.poll(() => lab.iterationNow(), { timeout: 60_000 }).toBeGreaterThan(it);
  const after = await lab.hash();
  expect(after.replace(/&backend=\w+/, '')).toBe(before.replace(/&backend=\w+/, ''));
  for (const kv of ['target=hexagon', 'sampler=mala', 'step=0.05', 'particles=40', 'seed=7']) expect(after).toContain(kv);
  const xy = await lab.particles();
  expect(xy).toHaveLength(80);
  expect(xy.every(Number.isFinite)).toBe(true);
});
