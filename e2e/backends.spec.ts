// Every forced backend runs the lab in the worker. WebGPU here is the SwiftShader software adapter,
// which is slow, so its run is tiny.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('WebGPU (software adapter) runs a tiny lab @webgpu', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = new SamplersLab(page);
  await lab.open('backend=webgpu&particles=50&target=hexagon');
  await expect(lab.backendBadge).toHaveText(/^webgpu · /, { timeout: 60_000 });
  await expect(lab.backendBadge).toHaveText(/swiftshader|google/i);
  await expect(lab.status).toHaveText('running', { timeout: 60_000 });
  await expect.poll(() => lab.iterationNow(), { timeout: 60_000 }).toBeGreaterThan(0);
  const it = await lab.iterationNow();
  await expect.poll(() => lab.iterationNow(), { timeout: 60_000 }).toBeGreaterThan(it);
  expect((await lab.run()).backend).toBe('webgpu');
  const xy = await lab.particles();
  expect(xy).toHaveLength(100);
  expect(xy.every(Number.isFinite)).toBe(true);
});

test('the CPU backend runs the lab', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=cpu&particles=200&target=hexagon');
  await expect(lab.backendBadge).toHaveText('cpu · JavaScript');
  await lab.expectRunning();
  expect((await lab.run()).backend).toBe('cpu');
});
