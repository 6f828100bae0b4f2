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
  await expect(lab.backendBadge).toHaveText(/^cpu · JavaScript( · |$)/);
  await lab.expectRunning();
  expect((await lab.run()).backend).toBe('cpu');
});

test('auto measures each backend that starts, runs each lab where its work is cheapest, and remembers the figures', async ({ page }) => {
  type St = { backend: string; measured: { backend: string; times: Record<string, number> }[]; estimates: { backend: string; ms: number }[] };
  const state = () => page.evaluate(() => (window as unknown as { __playground: { store: { getState(): St } } }).__playground.store.getState());
  const firstFrame = () => page.waitForFunction(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames() > 0, null, { timeout: 60_000 });
  await page.goto('/#/samplers?particles=500');
  await firstFrame();
  const first = await state();
  // WASM and CPU always start here; each has the four probe timings
  expect(first.measured.map((m) => m.backend)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
  for (const m of first.measured) for (const k of ['mixture', 'fusedNet', 'net', 'ops']) expect(m.times[k]).toBeGreaterThan(0);
  // the lab's estimate per backend, the chosen one within the tie margin of the cheapest
  expect(first.estimates.map((e) => e.backend).sort()).toEqual(first.measured.map((m) => m.backend).sort());
  const cheapest = Math.min(...first.estimates.map((e) => e.ms));
  expect(first.estimates.find((e) => e.backend === first.backend)!.ms).toBeLessThanOrEqual(cheapest * 1.15 + 1e-9);
  const stored = await page.evaluate(() => localStorage.getItem('playground.backend-choice.v2'));
  expect(JSON.parse(stored!).measured).toEqual(first.measured);
  await expect(page.getByTestId('backend')).toContainText('fastest for this lab');
  await expect(page.getByTestId('backend')).toHaveAttribute('title', /Estimated ms per iteration of this lab/);
  // a reload chooses from the remembered figures: the same backend, no new probe
  await page.reload();
  await firstFrame();
  const again = await state();
  expect(again.backend).toBe(first.backend);
  expect(again.measured).toEqual(first.measured);
  // a network-training lab: on this CPU-only machine WASM (every tfjs op there is far faster than on CPU)
  await page.goto('/#/dxmi?pretrain=20&batch=128&hidden=32');
  await expect.poll(async () => (await state()).estimates.length).toBeGreaterThan(1);
  const dxmi = await state();
  const est = Object.fromEntries(dxmi.estimates.map((e) => [e.backend, e.ms]));
  expect(est.wasm).toBeLessThan(est.cpu);
  expect(dxmi.backend).toBe('wasm');
});
