// The fused mixture kernels (core/fused/; the shader sources are gmm-wgsl.ts and gmm-glsl.ts there, and
// copies.ts lists every copy with the test that checks it, these among them) against the op-by-op closed
// forms, and the fused DSM training step (core/nets/dsm-fused.ts) against tfjs autodiff, inside the app's
// own worker on each browser backend CI has: WASM and CPU (JavaScript kernels on backend memory), WebGL 2
// on SwiftShader (the GLSL program) and WebGPU on SwiftShader (the WGSL program; tagged @webgpu so it
// runs with the GPU flags).
import { expect, test, type Page } from '@playwright/test';

async function check(page: Page, backend: string) {
  await page.goto(`/#/bench?backends=${backend}&workloads=fused-check&n=256`);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 120_000 });
  const rows = await page.evaluate(() => (window as unknown as { __bench: { rows: { backend: string; error?: string; results: { check?: { fused: boolean; score: number; logp: number; step: number; dsm: number; dsmThreads: number; dsmThreadsDiff: number } }[] }[] } }).__bench.rows);
  expect(rows).toHaveLength(1);
  expect(rows[0].error, rows[0].error).toBeUndefined();
  const c = rows[0].results[0].check!;
  expect(c.fused).toBe(true);
  expect(c.score).toBeLessThan(1e-3);
  expect(c.logp).toBeLessThan(1e-4);
  expect(c.step).toBeLessThan(1e-3);
  // the fused DSM step (WebAssembly SIMD, hand-written backward) against tfjs autodiff run on this backend
  expect(c.dsm).toBeLessThan(1e-3); // WebGL's sin/exp in the reference: 3e-4 there, 1e-6 on WASM
  // the preview server isolates the page (COOP/COEP), so the worker's training step runs on helper threads
  // (one per core, up to four in all) and gives the single-threaded step's weights exactly
  const cores = await page.evaluate(() => (crossOriginIsolated ? navigator.hardwareConcurrency : 1));
  expect(c.dsmThreads).toBe(Math.min(4, cores));
  expect(c.dsmThreadsDiff).toBe(0);
  await expect(page.getByTestId('bench-table')).toContainText('fused vs op-by-op');
}

test('fused kernels equal the op-by-op closed forms on WASM and CPU in the worker', async ({ page }) => {
  await check(page, 'wasm');
  await check(page, 'cpu');
});

test('fused GLSL kernels equal the op-by-op closed forms on WebGL (SwiftShader)', async ({ page }) => {
  test.setTimeout(180_000);
  await check(page, 'webgl');
});

test('fused WGSL kernels equal the op-by-op closed forms on WebGPU @webgpu', async ({ page }) => {
  test.setTimeout(180_000);
  await check(page, 'webgpu');
});

test('the backend badge says what the training step runs on', async ({ page }) => {
  await page.goto('/#/samplers?backend=wasm');
  const cores = await page.evaluate(() => (crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency) : 1));
  await expect(page.getByTestId('backend')).toContainText(cores > 1 ? `training on ${cores} threads` : 'training on 1 thread (');
});
