import { defineConfig } from '@playwright/test';

// The system Chromium (Playwright's own browser download is not available here). WebGPU runs on
// the SwiftShader software adapter when a test asks for it (tiny sizes: it is slow but correct).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// PW_PORT / PW_OUTDIR let parallel work serve its own build on its own port (CI uses the defaults)
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUTDIR = process.env.PW_OUTDIR ? ` --outDir ${process.env.PW_OUTDIR}` : '';
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    // the offline cache (sw.js) is tested in a11y.spec.ts only; elsewhere it would precache megabytes per test
    serviceWorkers: 'block',
  },
  // WebGPU runs on the SwiftShader software adapter only with these flags; they also route the page's
  // own drawing through SwiftShader (about one animation frame a second on a busy 2-core machine), so
  // only the tests tagged @webgpu get them
  projects: [
    { name: 'chromium', grepInvert: /@webgpu/, use: { launchOptions: { executablePath: CHROMIUM, args: BASE_ARGS } } },
    { name: 'webgpu', grep: /@webgpu/, use: { launchOptions: { executablePath: CHROMIUM, args: [...BASE_ARGS, ...WEBGPU_ARGS] } } },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${OUTDIR}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
