// The `ui` workload's per-lab part: iterations per second of each lab's headline preset in the page (a fresh
// browser profile, `backend=auto`, so auto's choice is part of what is measured) against the same preset run
// headless in Node on the best Node backend, and their ratio. The page runs at the lab's highest speed (the
// most iterations per drawn frame its slider allows), so the page's rate is what its compute allows, not the
// viewing speed the preset picked; its frames (points, grids, metrics) are part of its cost.
import type { Browser } from 'playwright-core';
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
  cli_its: number;
  ratio: number;
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

/** iterations per second in the page over `seconds`, once the lab is past any training phase */
async function pageRate(browser: Browser, base: string, lab: LabId, preset: string, seconds: number): Promise<{ its: number; backend: string }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}#/${lab}?preset=${preset}&speed=${maxSpeed(lab)}`);
    type W = { __playground?: { store: { getState(): { iteration: number; status: string; info: Record<string, string>; backend: string | null } } } };
    const read = () => page.evaluate(() => {
      const s = (window as unknown as W).__playground!.store.getState();
      return { it: s.iteration, status: s.status, phase: s.info.phase ?? '', backend: s.backend ?? '', t: performance.now() };
    });
    await page.waitForFunction(() => ((window as unknown as W).__playground?.store.getState().iteration ?? 0) > 0, null, { timeout: 5 * 60_000 });
    let a = await read();
    for (let i = 0; i < 600 && WARMUP_PHASE.test(a.phase); i++) {
      await page.waitForTimeout(500);
      a = await read();
    }
    await page.waitForTimeout(1000);
    a = await read();
    // a finite run (Mismatch's T steps) may end first: the rate is what it reached
    let b = a;
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end && b.status === 'running') {
      await page.waitForTimeout(250);
      b = await read();
    }
    return { its: (b.it - a.it) / ((b.t - a.t) / 1000), backend: a.backend };
  } finally {
    await context.close();
  }
}

/** iterations per second headless: the preset's experiment stepped with nothing drawn, past its training phase */
async function cliRate(lab: LabId, preset: string, backend: NodeBackend, seconds: number): Promise<number> {
  await startNodeBackend(backend);
  const def = (await loadLab(lab))!;
  const { params } = validateParams(def, parseQuery(`preset=${preset}`).raw);
  const exp = await def.create(params, { seed: Number(params.seed ?? 1) });
  try {
    const training = () => (exp as unknown as { training?: boolean }).training === true;
    while (training()) exp.step(1);
    exp.step(1);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000 && !exp.done) {
      exp.step(1);
      n++;
      if (n % 64 === 0) await exp.drainTrace?.();
    }
    return n / ((performance.now() - t0) / 1000);
  } finally {
    exp.dispose();
  }
}

export async function labRates(browser: Browser, base: string, seconds: number, labs: readonly LabId[] = Object.keys(HEADLINE) as LabId[]): Promise<LabRate[]> {
  const out: LabRate[] = [];
  for (const lab of labs) {
    const preset = HEADLINE[lab];
    const page = await pageRate(browser, base, lab, preset, seconds);
    const cli = { cpu: await cliRate(lab, preset, 'cpu', Math.min(seconds, 5)), wasm: await cliRate(lab, preset, 'wasm', Math.min(seconds, 5)) };
    const best: NodeBackend = cli.wasm >= cli.cpu ? 'wasm' : 'cpu';
    out.push({ lab, preset, page_backend: page.backend, page_its: page.its, cli_backend: best, cli_its: cli[best], ratio: page.its / cli[best] });
  }
  return out;
}
