#!/usr/bin/env node
// `npm run gallery:previews`: renders the gallery's shipped previews with the app itself and writes
// public/gallery/<lab>--<preset>.webp and public/gallery/manifest.json.
//
// It builds the app into its own folder, serves it with `vite preview`, opens #/previews in headless
// Chromium and asks that page (window.__previews, src/ui/gallery/PreviewsPage.tsx) for one preset at a
// time: the page runs the preset on the same thumbnail worker and draws it with the same plane as a
// gallery card, with the longer per-lab budgets of src/ui/gallery/preview-render.ts. The page also
// names every preset's hash (src/state/gallery-previews.ts), so the manifest holds exactly the value
// the gallery and the unit test compute.
//
// By default only presets whose preview is missing or stale (hash changed, file gone) are rendered,
// and previews of presets that no longer exist are deleted; so after editing presets this one command
// brings the gallery up to date. Options:
//   --all              render every preset again (e.g. after a change to the drawing itself)
//   --only a--b,c--d   render just these keys (<lab>--<preset>)
//   --budget-scale X   stretch every lab's time budget (a slow or busy machine), default 1
//   --scale X          device pixel ratio of the pictures, default 1 (240 px)
//   --no-build         reuse the last build in .tmp/gallery-previews/dist
//   --port N           port for vite preview (default 4391, or GALLERY_PREVIEWS_PORT)
// CHROMIUM_PATH picks the browser (default /usr/bin/chromium), as for the e2e tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const ALL = flag('all');
const ONLY = opt('only', '').split(',').map((s) => s.trim()).filter(Boolean);
const BUDGET_SCALE = Number(opt('budget-scale', '1'));
const SCALE = Number(opt('scale', '1'));
const PORT = Number(opt('port', process.env.GALLERY_PREVIEWS_PORT ?? '4391'));
const OUT = 'public/gallery';
const MANIFEST = join(OUT, 'manifest.json');
const BUILD = '.tmp/gallery-previews/dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** a preset that has not answered in this long is given up (its budget plus building and drawing) */
const PER_PRESET_TIMEOUT_MS = 180_000;

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (s) => console.log(`[gallery-previews ${secs(Date.now() - t0)}] ${s}`);

function readManifest() {
  if (!existsSync(MANIFEST)) return { format: 0, entries: {} };
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return { format: 0, entries: {} };
  }
}

function writeManifest(format, entries) {
  const sorted = Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]]));
  const tmp = `${MANIFEST}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ format, entries: sorted }, null, 2)}\n`);
  renameSync(tmp, MANIFEST);
}

async function waitForServer(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}); is port ${PORT} free? (--port N)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} in 60 s`);
}

async function main() {
  if (!flag('no-build') || !existsSync(join(BUILD, 'index.html'))) {
    log(`building the app into ${BUILD}`);
    const b = spawnSync('npx', ['vite', 'build', '--outDir', BUILD, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', BUILD], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGTERM'); // npx and the vite process under it
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);
  const base = `http://127.0.0.1:${PORT}/`;
  let browser;
  try {
    await waitForServer(base, server);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_ARGS });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: SCALE, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${base}#/previews`);
    await page.waitForFunction(() => window.__previews !== undefined, null, { timeout: 60_000 });
    const { format, cards } = await page.evaluate(() => ({ format: window.__previews.format, cards: window.__previews.cards }));

    const old = readManifest();
    const entries = old.format === format ? { ...old.entries } : {};
    mkdirSync(OUT, { recursive: true });
    // presets that are gone: their pictures must not ship
    const keys = new Set(cards.map((c) => c.key));
    for (const k of Object.keys(entries)) if (!keys.has(k)) delete entries[k];
    for (const f of readdirSync(OUT)) {
      if (f === 'manifest.json') continue;
      if (!Object.values(entries).some((e) => e.file === f)) {
        rmSync(join(OUT, f));
        log(`removed ${f} (no preset or manifest entry names it)`);
      }
    }
    const unknown = ONLY.filter((k) => !keys.has(k));
    if (unknown.length) throw new Error(`--only names no preset: ${unknown.join(', ')}`);
    const fresh = (c) => entries[c.key]?.hash === c.hash && existsSync(join(OUT, entries[c.key].file));
    const todo = cards.filter((c) => (ONLY.length ? ONLY.includes(c.key) : ALL || !fresh(c)));
    log(`${cards.length} presets, ${cards.length - cards.filter((c) => !fresh(c)).length} fresh; rendering ${todo.length}${ALL ? ' (--all)' : ''}`);

    const failed = [];
    for (const [i, c] of todo.entries()) {
      const started = Date.now();
      try {
        let timer;
        const r = await Promise.race([
          page.evaluate(([key, s]) => window.__previews.render(key, s), [c.key, BUDGET_SCALE]),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no picture in ${secs(PER_PRESET_TIMEOUT_MS)}`)), PER_PRESET_TIMEOUT_MS))),
        ]).finally(() => clearTimeout(timer));
        if (r.hash !== c.hash) throw new Error('the preset changed while rendering');
        const ext = /^data:image\/(\w+)/.exec(r.dataUrl)?.[1] ?? 'webp';
        const file = `${c.key}.${ext}`;
        const bytes = Buffer.from(r.dataUrl.slice(r.dataUrl.indexOf(',') + 1), 'base64');
        writeFileSync(join(OUT, file), bytes);
        if (entries[c.key] && entries[c.key].file !== file) rmSync(join(OUT, entries[c.key].file), { force: true });
        entries[c.key] = { file, hash: r.hash, width: r.width, height: r.height, iteration: r.iteration, steps: c.steps, diverged: r.diverged };
        writeManifest(format, entries); // after each one: an interrupted run keeps what it made
        const budget = c.budgetMs * BUDGET_SCALE;
        const reached = r.iteration >= c.steps ? 'all steps' : Date.now() - started >= budget ? `budget ${secs(budget)}` : 'the run ended';
        log(`[${i + 1}/${todo.length}] ${c.key}: iteration ${r.iteration}/${c.steps} (${reached})${r.diverged ? ' DIVERGED' : ''}, ${secs(Date.now() - started)}, ${(bytes.length / 1024).toFixed(1)} KiB`);
      } catch (e) {
        failed.push(c.key);
        log(`[${i + 1}/${todo.length}] ${c.key}: FAILED: ${e instanceof Error ? e.message : String(e)}`);
        // a stale picture is never shown, so it is not worth shipping either
        if (entries[c.key] && entries[c.key].hash !== c.hash) {
          rmSync(join(OUT, entries[c.key].file), { force: true });
          delete entries[c.key];
        }
        if (/closed|crashed|Target/.test(String(e))) break;
      }
    }
    writeManifest(format, entries);
    const total = Object.values(entries).reduce((n, e) => n + statSync(join(OUT, e.file)).size, 0);
    log(`done: ${todo.length - failed.length} rendered, ${Object.keys(entries).length}/${cards.length} previews, ${(total / 1024).toFixed(0)} KiB in ${OUT}`);
    if (failed.length) {
      log(`failed: ${failed.join(', ')} (their cards render live; run again, perhaps with --budget-scale 2)`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    stopServer();
  }
}

main().catch((e) => {
  console.error(`[gallery-previews] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
