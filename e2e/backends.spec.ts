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

test('auto measures each backend that starts, keeps the fastest, and remembers it for this device', async ({ page }) => {
  await page.goto('/#/samplers?particles=500');
  await page.waitForFunction(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames() > 0, null, { timeout: 60_000 });
  const first = await page.evaluate(() => {
    const s = (window as unknown as { __playground: { store: { getState(): { backend: string; measured: { backend: string; ms: number }[] } } } }).__playground.store.getState();
    return { backend: s.backend, measured: s.measured, stored: localStorage.getItem('playground.backend-choice.v1') };
  });
  // WASM and CPU always start here; the chosen one is the fastest measured
  expect(first.measured.map((m) => m.backend)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
  for (const m of first.measured) expect(m.ms).toBeGreaterThan(0);
  const fastest = first.measured.reduce((a, b) => (b.ms < a.ms ? b : a));
  expect(first.backend).toBe(fastest.backend);
  expect(JSON.parse(first.stored!).backend).toBe(first.backend);
  await expect(page.getByTestId('backend')).toContainText('measured');
  await expect(page.getByTestId('backend')).toHaveAttribute('title', /Measured at start/);
  // a reload takes the remembered choice (and still shows the figures it was made from)
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames() > 0, null, { timeout: 60_000 });
  const again = await page.evaluate(() => (window as unknown as { __playground: { store: { getState(): { backend: string; measured: unknown[] } } } }).__playground.store.getState());
  expect(again.backend).toBe(first.backend);
  expect(again.measured).toEqual(first.measured);
});
