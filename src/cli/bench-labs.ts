// The `ui` workload's per-lab part: iterations per second of each lab's headline preset in the page (a fresh
// browser profile, `backend=auto`, so auto's choice is part of what is measured) against the same preset run
// headless in Node on the best Node backend, and their ratio. The page runs at the lab's highest speed (the
// most iterations per drawn frame its slider allows), so the page's rate is what its compute allows, not the
// viewing speed the preset picked; its frames (points, grids, metrics) are part of its cost.
import { chromium, type Browser } from 'playwright-core';
import { LAB_SCHEMAS } from '../labs/schemas';
import { loadLab } from '../labs/registry';
import type { LabId } from '../labs/types';
import { parseQuery, validateParams } from '../labs/codec/url-codec';
import { startNodeBackend, type NodeBackend } from './node-backend';

export interface LabRate {
  lab: LabId;
  preset: string;
  /** the backend auto chose in the page, and the badge's text */
  page_backend: string;
  page_its: number;
  cli_backend: NodeBackend;
  /** stepping only, nothing computed between iterations */
  cli_its: number;
  /** with the metrics the page charts, at the page's iterations */
  cli_charted_its: number;
  /** page against the CLI producing the same chart */
  ratio: number;
  ratio_steps_only: number;
}

/** each lab's headline preset: the one its docs and the README lead with */
export const HEADLINE: Record<LabId, string> = {
  samplers: 'langevin-stuck',
  mismatch: 'ddnm-vs-bo',
  implicit: 'paper-5-1',
  dikl: 'mog40-dikl',
  guidance: 'naive-vs-lookahead',
  dxmi: 'sharpen-ddpm',
};

/** a training or fitting phase comes before the iterations that count */
const WARMUP_PHASE = /training|fitting|pre-training/i;

const maxSpeed = (lab: LabId) => LAB_SCHEMAS[lab]!.params.find((p) => p.key === 'speed')?.max ?? 1;

/**
 * iterations per second in the page over `seconds` (or to the end of a finite run), past any training phase:
 * the latest frame's iteration is sampled at every animation frame, so a run shorter than a second is timed too
 */
async function pageRate(browser: Browser, base: string, lab: LabId, preset: string, seconds: number): Promise<{ its: number; backend: string }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    // as text: tsx wraps named functions in a helper the page does not have
    await page.addInitScript({ content: `
      window.__samples = [];
      const tick = () => {
        const pg = window.__playground;
        const f = pg && pg.latest();
        if (f) window.__samples.push({ t: performance.now(), it: f.iteration, phase: f.info.phase || '', status: pg.store.getState().status });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);` });
    await page.goto(`${base}#/${lab}?preset=${preset}&speed=${maxSpeed(lab)}`);
    type S = { t: number; it: number; phase: string; status: string };
    const samples = () => page.evaluate(() => (window as unknown as { __samples: S[] }).__samples);
    const started = (list: S[]) => list.findIndex((x) => x.it > 0 && !WARM.test(x.phase));
    const WARM = WARMUP_PHASE;
    // past the training phase, then `seconds` more (or the end of a finite run)
    let list = await samples();
    for (let i = 0; i < 1200 && started(list) < 0; i++) {
      await page.waitForTimeout(250);
      list = await samples();
    }
    const t0 = Date.now();
    while (Date.now() - t0 < seconds * 1000 && !['done', 'diverged', 'error'].includes(list.at(-1)?.status ?? '')) {
      await page.waitForTimeout(250);
      list = await samples();
    }
    const i0 = started(list);
    // the start of the counted stretch: the first sample at the first counted iteration's predecessor (the
    // last one would miss the compute between frames when a short run's iterations arrive in a few frames)
    const prev = list[Math.max(0, i0 - 1)];
    const a = list.find((x) => x.it === prev.it && x.phase === prev.phase) ?? prev;
    const last = list.findIndex((x, i) => i >= i0 && x.it === list.at(-1)!.it);
    const b = list[last];
    const backend = await page.evaluate(() => (window as unknown as { __playground: { store: { getState(): { backend: string | null } } } }).__playground.store.getState().backend ?? '');
    return { its: (b.it - a.it) / ((b.t - a.t) / 1000), backend };
  } finally {
    await context.close();
  }
}

/**
 * iterations per second headless, past the training phase: stepping only, and `charted` with a metrics
 * snapshot wherever the page's engine takes one (engine.ts: ~50 a phase, growing with an open-ended run)
 */
async function cliRate(lab: LabId, preset: string, backend: NodeBackend, seconds: number, charted: boolean): Promise<number> {
  await startNodeBackend(backend);
  const def = (await loadLab(lab))!;
  const { params, preset: id } = validateParams(def, parseQuery(`preset=${preset}`).raw);
  const horizon = def.presets.find((p) => p.id === id)?.steps ?? def.defaultSteps;
  const exp = await def.create(params, { seed: Number(params.seed ?? 1) });
  try {
    const training = () => (exp as unknown as { training?: boolean }).training === true;
    while (training()) exp.step(1);
    const left = exp.phaseLeft?.() ?? Infinity;
    // the engine's rule (engine.ts): ~25 points over a finite phase, ~50 over an open-ended run's recommended length
    const stride0 = Math.max(1, Math.floor(Number.isFinite(left) ? left / 25 : horizon / 50));
    const start = exp.iteration;
    let last = start;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000 && !exp.done) {
      exp.step(1);
      const stride = Math.max(stride0, Math.floor((exp.iteration - start) / 50));
      if (charted && (exp.iteration - last >= stride || exp.done)) {
        await exp.snapshot({ grids: false, metrics: true });
        last = exp.iteration;
      }
      if ((exp.iteration - start) % 64 === 0) await exp.drainTrace?.();
    }
    return (exp.iteration - start) / ((performance.now() - t0) / 1000);
  } finally {
    exp.dispose();
  }
}

/** a browser without the software-WebGPU flags: they route the page's own drawing through SwiftShader */
const PLAIN = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function labRates(base: string, seconds: number, labs: readonly LabId[] = Object.keys(HEADLINE) as LabId[]): Promise<LabRate[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: PLAIN });
  try {
    return await ratesIn(browser, base, seconds, labs);
  } finally {
    await browser.close();
  }
}

async function ratesIn(browser: Browser, base: string, seconds: number, labs: readonly LabId[]): Promise<LabRate[]> {
  const out: LabRate[] = [];
  for (const lab of labs) {
    const preset = HEADLINE[lab];
    const page = await pageRate(browser, base, lab, preset, seconds);
    const s = Math.min(seconds, 10);
    const raw = { cpu: await cliRate(lab, preset, 'cpu', s / 2, false), wasm: await cliRate(lab, preset, 'wasm', s / 2, false) };
    const best: NodeBackend = raw.wasm >= raw.cpu ? 'wasm' : 'cpu';
    const charted = await cliRate(lab, preset, best, s, true);
    out.push({ lab, preset, page_backend: page.backend, page_its: page.its, cli_backend: best, cli_its: raw[best], cli_charted_its: charted, ratio: page.its / charted, ratio_steps_only: page.its / raw[best] });
  }
  return out;
}
