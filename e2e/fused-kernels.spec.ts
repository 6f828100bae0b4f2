// The fused mixture kernels (core/fused/, worker/webgpu-kernels.ts) against the op-by-op closed forms, and the
// fused DSM training step (core/nets/dsm-fused.ts) against tfjs autodiff,
// inside the app's own worker on each browser backend CI has: WASM and CPU (JavaScript kernels on backend
// memory), WebGL 2 on SwiftShader (the GLSL program) and WebGPU on SwiftShader (the WGSL program; tagged
// @webgpu so it runs with the GPU flags).
import { expect, test, type Page } from '@playwright/test';

async function check(page: Page, backend: string) {
  await page.goto(`/#/bench?backends=${backend}&workloads=fused-check&n=256`);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 120_000 });
  const rows = await page.evaluate(() => (window as unknown as { __bench: { rows: { backend: string; error?: string; results: { check?: { fused: boolean; score: number; logp: number; step: number; dsm: number } }[] }[] } }).__bench.rows);
  expect(rows).toHaveLength(1);
  expect(rows[0].error, rows[0].error).toBeUndefined();
  const c = rows[0].results[0].check!;
  expect(c.fused).toBe(true);
  expect(c.score).toBeLessThan(1e-3);
  expect(c.logp).toBeLessThan(1e-4);
  expect(c.step).toBeLessThan(1e-3);
  // the fused DSM step (WebAssembly SIMD, hand-written backward) against tfjs autodiff run on this backend
  expect(c.dsm).toBeLessThan(1e-3); // WebGL's sin/exp in the reference: 3e-4 there, 1e-6 on WASM
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
