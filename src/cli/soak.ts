// The long-mode soak (`npm test -- --long`, not the default `npm test`): the built app in headless Chromium, each lab left running
// for minutes while the worker's tfjs memory (tf.memory() through the page's debug handle) and the page's
// JS heap (after a forced GC, over CDP) are sampled; prints the growth per minute of each.
//
//   npm run soak -- [--minutes 3] [--labs samplers,dxmi] [--every 10] [--no-build] [--port 4331] [--check]
//
// --check fails the run (exit 1) when a lab's tensor count climbs (a fitted growth of more than 20 over the run); `npm test -- --long`
// runs it so (scripts/test-all.mjs).
//
// A leak shows as a tensor count that climbs with the run; a flat count with a small heap drift is the
// page's own bookkeeping (metric series are thinned to a bounded length, so they stop growing).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { optionValue } from './args';
import { PLAIN_FLAGS, withServedApp } from './served-app';

/** what each lab runs: the Samplers lab at 10 000 particles (ULA on the 40-mode mixture), DxMI at its defaults */
const LABS: Record<string, string> = {
  samplers: 'samplers?target=mog40&sampler=ula&step=0.1&particles=10000',
  dxmi: 'dxmi',
};

interface SoakOptions { minutes: number; labs: string[]; every: number; build: boolean; port: number; check?: boolean }

/** one reading: minutes since the first, the page's JS heap, the worker's tfjs memory and the run's state */
interface Sample { min: number; heapMB: number; backend: string; numTensors: number; numBytes: number; iteration: number; status: string; points: number }

/** what the page's debug handle (window.__playground, src/ui/boot.ts) gives the soak */
interface PlaygroundHandle {
  frames(): number;
  workerMemory(): Promise<{ backend: string; numTensors: number; numBytes: number }>;
  store: { getState(): { iteration: number; status: string; series: Record<string, { xs: unknown[] }> } };
}

function parse(argv: string[]): SoakOptions {
  const o: SoakOptions = { minutes: 3, labs: Object.keys(LABS), every: 10, build: true, port: 4331 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => optionValue(argv, ++i, a);
    if (a === '--minutes') o.minutes = Number(next());
    else if (a === '--every') o.every = Number(next());
    else if (a === '--port') o.port = Number(next());
    else if (a === '--labs') o.labs = next().split(',');
    else if (a === '--no-build') o.build = false;
    else if (a === '--check') o.check = true;
    else throw new Error(`unknown option ${a}; allowed: --minutes M, --labs ${Object.keys(LABS).join(',')}, --every S, --no-build, --port P, --check`);
  }
  if (!(o.minutes > 0 && o.minutes <= 120)) throw new Error('--minutes must be in (0, 120]');
  if (!(o.every >= 1)) throw new Error('--every must be >= 1 (seconds)');
  for (const l of o.labs) if (!(l in LABS)) throw new Error(`--labs: "${l}" is not one of ${Object.keys(LABS).join(', ')}`);
  return o;
}

/** least-squares slope of y over x */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

async function soakLab(browser: Browser, base: string, lab: string, o: SoakOptions) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}#/${LABS[lab]}`);
  await page.waitForFunction(() => ((window as unknown as { __playground?: PlaygroundHandle }).__playground?.frames() ?? 0) > 0, null, { timeout: 120_000 });
  const samples: Sample[] = [];
  const t0 = Date.now();
  const end = t0 + o.minutes * 60_000;
  for (;;) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const s = await page.evaluate(async () => {
      const pg = (window as unknown as { __playground: PlaygroundHandle }).__playground;
      const m = await pg.workerMemory();
      const st = pg.store.getState();
      return { ...m, iteration: st.iteration, status: st.status, points: Object.values(st.series).reduce((n, x) => n + x.xs.length, 0) };
    });
    samples.push({ min: (Date.now() - t0) / 60_000, heapMB: heap.usedSize / 2 ** 20, ...s });
    const last = samples.at(-1)!;
    process.stderr.write(`  ${lab} ${last.min.toFixed(2)} min  it ${last.iteration}  ${last.status}  tensors ${last.numTensors}  ${(last.numBytes / 2 ** 20).toFixed(2)} MB  heap ${last.heapMB.toFixed(1)} MB  chart points ${last.points}\n`);
    if (Date.now() >= end) break;
    await page.waitForTimeout(Math.min(o.every * 1000, Math.max(0, end - Date.now())));
  }
  await page.close();
  // growth from the first minute on: the first frames build caches, reference samples and compiled kernels
  const steady = samples.filter((s) => s.min >= Math.min(1, o.minutes / 3));
  const use = steady.length >= 3 ? steady : samples;
  const xs = use.map((s) => s.min);
  const first = samples[0];
  const last = samples.at(-1)!;
  return {
    lab,
    hash: LABS[lab],
    backend: last.backend,
    minutes: +last.min.toFixed(2),
    iterations: last.iteration,
    status: last.status,
    tensors: { first: first.numTensors, last: last.numTensors, min: Math.min(...samples.map((s) => s.numTensors)), max: Math.max(...samples.map((s) => s.numTensors)), per_min: +slope(xs, use.map((s) => s.numTensors)).toFixed(2) },
    tensor_mb: { first: +(first.numBytes / 2 ** 20).toFixed(3), last: +(last.numBytes / 2 ** 20).toFixed(3), per_min: +slope(xs, use.map((s) => s.numBytes / 2 ** 20)).toFixed(4) },
    heap_mb: { first: +first.heapMB.toFixed(1), last: +last.heapMB.toFixed(1), per_min: +slope(xs, use.map((s) => s.heapMB)).toFixed(3) },
    samples: samples.length,
  };
}

async function main() {
  const o = parse(process.argv.slice(2));
  const outDir = join(tmpdir(), 'playground-soak-dist');
  await withServedApp({ build: o.build, port: o.port, browserArgs: PLAIN_FLAGS, outDir }, async (base, browser) => {
    const rows = [];
    for (const lab of o.labs) {
      process.stderr.write(`soak: ${lab} for ${o.minutes} min (#/${LABS[lab]})\n`);
      rows.push(await soakLab(browser, base, lab, o));
    }
    console.log('| lab | backend | minutes | iterations | tensors first → last (min–max) | tensors / min | tensor MB first → last | tensor MB / min | JS heap MB first → last | heap MB / min |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.lab} | ${r.backend} | ${r.minutes} | ${r.iterations} | ${r.tensors.first} → ${r.tensors.last} (${r.tensors.min}–${r.tensors.max}) | ${r.tensors.per_min} | ${r.tensor_mb.first} → ${r.tensor_mb.last} | ${r.tensor_mb.per_min} | ${r.heap_mb.first} → ${r.heap_mb.last} | ${r.heap_mb.per_min} |`);
    }
    console.log(JSON.stringify({ soak: rows }));
    // --check (npm test -- --long): a leak fails the run. The worker's tensor count must not climb once
    // the run is going (the slope over the samples after the warm-up, as per_min): a live run holds a
    // fixed set (81 for the Samplers lab, 100-104 for DxMI, whose count moves by a few with its phase),
    // so a fitted growth of more than 20 tensors over the run is a leak, not noise
    if (o.check) {
      const leaks = rows.filter((r) => r.tensors.per_min * r.minutes > 20);
      for (const r of leaks) console.error(`soak: ${r.lab} leaks tensors: ${r.tensors.first} → ${r.tensors.last} over ${r.minutes} min (${r.tensors.per_min}/min)`);
      console.log(`soak check: ${rows.length - leaks.length} of ${rows.length} labs hold their tensor count`);
      if (leaks.length) process.exitCode = 1;
    }
  });
}

main().catch((e) => {
  console.error(`soak: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
