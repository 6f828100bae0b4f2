// A static host that sends no COOP/COEP headers: the first load is not cross-origin isolated, so the training
// step runs on one thread and the badge says why; once the service worker controls the page it adds the
// headers to everything it serves, and the next load is isolated and trains on every core (up to four).
// The build is served here by a plain file server with no headers at all (not vite preview).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = process.env.PW_OUTDIR ?? 'dist';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.woff2': 'font/woff2' };
let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.use({ serviceWorkers: 'allow' });
test('on a host without isolation headers the service worker isolates the page from its second load on', async ({ page }) => {
  const badge = page.getByTestId('backend');
  await page.goto(`${base}#/samplers?backend=wasm&particles=200`);
  await expect(badge).toContainText('training on 1 thread (no cross-origin isolation)');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.reload();
  await expect(badge).toContainText('training on');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const cores = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency));
  await expect(badge).toContainText(cores > 1 ? `training on ${cores} threads` : 'training on 1 thread (one core)');
});
