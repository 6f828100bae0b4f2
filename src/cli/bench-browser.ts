// The browser half of `npm run bench`: builds the app, serves it, and drives headless Chromium
// (the system browser) through the #/bench page and a live Samplers run for the UI figures.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PLAIN_FLAGS, withServedApp } from './served-app';

export interface BrowserRow {
  backend: string;
  adapter?: string;
  error?: string;
  results: { workload: string; n: number; median_ms: number; min_ms: number; max_ms: number; rate: number; unit: string; threads?: string }[];
}

export interface UiFigures {
  page: string;
  backend: string;
  /** frames received from the worker per second */
  fps: number;
  /** times per second the main plane was painted (rAF-coalesced: at most the display rate) */
  paint_fps: number;
  longest_task_ms: number;
  slider_to_frame_ms: number;
  first_frame_ms: number;
}

// WebGPU on the SwiftShader adapter needs these; they also route canvas drawing through SwiftShader,
// which would slow the page itself, so the UI figures use a browser started without them
const GPU_FLAGS = [...PLAIN_FLAGS, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'];
const PORT = 4175;

/** fn against the app built into dist/ and served on the bench's port, in a browser with the GPU flags */
export const withBenchApp = <T>(build: boolean, fn: (base: string, browser: Browser) => Promise<T>): Promise<T> =>
  withServedApp({ build, port: PORT, browserArgs: GPU_FLAGS }, fn);

export async function benchInBrowser(base: string, browser: Browser, q: { backends: string[]; workloads: string[]; n?: number; quick: boolean }): Promise<BrowserRow[]> {
  const page = await browser.newPage();
  const query = new URLSearchParams({ backends: q.backends.join(','), workloads: q.workloads.join(','), ...(q.n ? { n: String(q.n) } : {}), ...(q.quick ? { quick: '1' } : {}) });
  await page.goto(`${base}#/bench?${query}`);
  await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 30 * 60 * 1000, polling: 500 });
  const rows = await page.evaluate(() => (window as unknown as { __bench: { rows: BrowserRow[] } }).__bench.rows);
  await page.close();
  return rows;
}

/** frames per second, longest main-thread task, slider-to-frame latency and time to first frame, in the real app */
/** a page to measure: a lab link and one live param to move (the "slider") */
export interface UiPage {
  name: string;
  hash: string;
  slider: { key: string; value: number };
}

export const UI_PAGES = (particles: number): UiPage[] => [
  { name: `Samplers lab, MoG-40, ULA, ${particles} particles`, hash: `samplers?target=mog40&sampler=ula&step=0.1&particles=${particles}&speed=1`, slider: { key: 'step', value: 0.05 } },
  { name: 'Implicit Diffusion lab, single loop (defaults)', hash: 'implicit?mode=langevin', slider: { key: 'eta', value: 0.2 } },
];

export async function uiFigures(base: string, backend: string, pages: UiPage[], seconds: number): Promise<UiFigures[]> {
  const browser = await launchChromium(PLAIN_FLAGS);
  try {
    const out: UiFigures[] = [];
    for (const p of pages) out.push(await uiFiguresIn(await browser.newPage({ viewport: { width: 1400, height: 900 } }), base, backend, p, seconds));
    return out;
  } finally {
    await browser.close();
  }
}

async function uiFiguresIn(page: Page, base: string, backend: string, ui: UiPage, seconds: number): Promise<UiFigures> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number; __firstFrame: number };
    w.__longest = 0;
    w.__firstFrame = -1;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}#/${ui.hash}&backend=${backend}`);
  const frames = () => page.evaluate(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames());
  await page.waitForFunction(() => ((window as unknown as { __playground?: { frames(): number } }).__playground?.frames() ?? 0) > 0, null, { timeout: 60000 });
  const first = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1500); // settle: worker warm-up, first grids
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  const paints = () => page.evaluate(() => (window as unknown as { __playground: { paints(): number } }).__playground.paints());
  const f0 = await frames();
  const p0 = await paints();
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const dt = (Date.now() - t0) / 1000;
  const fps = ((await frames()) - f0) / dt;
  const paintFps = ((await paints()) - p0) / dt;
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  // a live slider change (step size): time until a frame carries the new value in the link's state
  const latency = await page.evaluate(async ({ key, value }) => {
    const pg = (window as unknown as { __playground: { store: { getState(): { setParam(k: string, v: number): void } }; frames(): number } }).__playground;
    const n0 = pg.frames();
    const t = performance.now();
    pg.store.getState().setParam(key, value);
    while (pg.frames() < n0 + 2) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t;
  }, ui.slider);
  await page.close();
  return { page: ui.name, backend, fps, paint_fps: paintFps, longest_task_ms: longest, slider_to_frame_ms: latency, first_frame_ms: first };
}
