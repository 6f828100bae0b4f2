// The built app served to headless Chromium, for the CLI tools that measure it in a real browser
// (`npm run bench`'s browser half, `npm run soak`): `vite build`, `vite preview` on a fixed port, the
// system Chromium, and both shut down again however the measurement ends.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** headless Chromium without its background traffic (updates, sync), so it does not disturb the figures */
export const PLAIN_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchChromium = (args: string[]): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args });

export interface ServeOptions {
  /** run `vite build` first; false serves what an earlier build left */
  build: boolean;
  port: number;
  /** Chromium's flags */
  browserArgs: string[];
  /** where the build goes (emptied first) and is served from; default vite's own (dist/) */
  outDir?: string;
}

/** fn(base URL, browser) against the served build; the browser is closed and the server killed after it */
export async function withServedApp<T>(o: ServeOptions, fn: (base: string, browser: Browser) => Promise<T>): Promise<T> {
  const dir = o.outDir ? ['--outDir', o.outDir] : [];
  if (o.build) {
    const r = spawnSync('npx', ['vite', 'build', ...dir, ...(o.outDir ? ['--emptyOutDir'] : []), '--logLevel', 'error'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  // detached: its own process group, so the kill below takes vite's children with it
  const server: ChildProcess = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(o.port), '--strictPort', ...dir], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${o.port}/`;
  try {
    // up to 30 s for the server to answer
    for (let i = 0; i < 150; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await launchChromium(o.browserArgs);
    try {
      return await fn(base, browser);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // the server already exited
    }
  }
}
