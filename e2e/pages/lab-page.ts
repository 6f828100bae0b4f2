// Page object for any lab: locators for the run bar and controls every lab page has, and typed reads of
// the app's test handle (window.__playground) so specs wait on state, never on fixed sleeps. A lab is
// told apart only by its route (`new LabPage(page, 'dikl')`); the Samplers lab, which most specs drive,
// is SamplersLab (samplers-lab.ts).
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppState } from '../../src/state/store';
import type { Snapshot } from '../../src/protocol/snapshot';
import type { LabId } from '../../src/labs/types';

/** The handle src/ui/boot.ts puts on window. */
export interface PlaygroundHandle {
  store: { getState(): AppState; subscribe(fn: (s: AppState, prev: AppState) => void): () => void };
  frames(): number;
  latest(): Snapshot | null;
}

/** What the trace init script records (see `traceRun`). */
export interface RunTrace {
  statuses: string[];
  phases: string[];
}

declare global {
  interface Window {
    __playground?: PlaygroundHandle;
    __trace?: RunTrace;
  }
}

/** The small, serialisable part of the store the specs look at. */
export interface RunView {
  status: string;
  iteration: number;
  playing: boolean;
  backend: string | null;
  adapter: string;
  runId: number;
  phase: string;
  message: string | null;
}

export class LabPage {
  readonly backendBadge: Locator;
  readonly status: Locator;
  readonly iteration: Locator;
  readonly play: Locator;
  readonly step: Locator;
  readonly reset: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  readonly smallerStep: Locator;
  readonly preset: Locator;
  readonly plane: Locator;
  readonly planeSvg: Locator;
  readonly phase: Locator;

  constructor(readonly page: Page, readonly route: LabId) {
    this.backendBadge = page.getByTestId('backend');
    this.status = page.getByTestId('status');
    this.iteration = page.getByTestId('iteration');
    this.play = page.getByTestId('play');
    this.step = page.getByTestId('step');
    this.reset = page.getByTestId('reset');
    this.notice = page.getByTestId('notice');
    this.error = page.getByTestId('error');
    this.smallerStep = page.getByTestId('smaller-step');
    this.preset = page.getByTestId('preset');
    this.plane = page.locator('.plane-host');
    this.planeSvg = this.plane.locator('svg.plot-svg');
    this.phase = page.locator('.runbar .phase');
  }

  /** Open the lab with a query string (without the leading '?'). */
  async open(query: string): Promise<void> {
    await this.page.goto(`/#/${this.route}?${query}`);
    await this.page.waitForFunction(() => window.__playground !== undefined);
  }

  /** Record every status and phase the store goes through, from the moment the app boots. */
  static async traceRun(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const trace: RunTrace = { statuses: [], phases: [] };
      window.__trace = trace;
      const push = (list: string[], v: string | undefined) => {
        if (v !== undefined && list[list.length - 1] !== v) list.push(v);
      };
      const attach = () => {
        const pg = window.__playground;
        if (!pg) return void setTimeout(attach, 5);
        const rec = (s: AppState) => {
          push(trace.statuses, s.status);
          push(trace.phases, s.info.phase);
        };
        rec(pg.store.getState());
        pg.store.subscribe(rec);
      };
      attach();
    });
  }

  trace(): Promise<RunTrace> {
    return this.page.evaluate(() => window.__trace ?? { statuses: [], phases: [] });
  }

  /**
   * Click a button without Playwright's "stable" wait, which needs two animation frames: on the
   * software-GPU test machine a busy page gets very few, so every ordinary click costs seconds.
   * The run bar's buttons never move; visibility is still checked.
   */
  async press(button: Locator): Promise<void> {
    await expect(button).toBeVisible();
    await button.click({ force: true });
  }

  /** Pause a running lab and wait until the worker says so. */
  async pause(): Promise<void> {
    await expect(this.play).toHaveText('Pause');
    await this.press(this.play);
    await expect(this.status).toHaveText('paused');
  }

  /** Wait until no frame arrives for `ms` (after a pause, the worker may still send the frame it was making). */
  async waitForQuiet(ms = 500): Promise<void> {
    await expect(async () => {
      const f = await this.frames();
      await this.page.waitForTimeout(ms);
      expect(await this.frames()).toBe(f);
    }).toPass();
  }

  /** A control generated from the schema: <select>, range or checkbox by param key. */
  control(key: string): Locator {
    return this.page.locator(`[data-key="${key}"]`);
  }

  /** The number box next to a slider, by the param's label. */
  numberInput(label: string): Locator {
    return this.page.getByLabel(`${label} value`, { exact: true });
  }

  /** A chart panel by its title. */
  chart(title: string): Locator {
    return this.page.locator('.charts .plot-panel').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  run(): Promise<RunView> {
    return this.page.evaluate(() => {
      const s = window.__playground!.store.getState();
      return {
        status: s.status, iteration: s.iteration, playing: s.playing, backend: s.backend, adapter: s.adapter,
        runId: s.runId, phase: s.info.phase ?? '', message: s.message,
      };
    });
  }

  async iterationNow(): Promise<number> {
    return Number(await this.iteration.textContent());
  }

  frames(): Promise<number> {
    return this.page.evaluate(() => window.__playground!.frames());
  }

  hash(): Promise<string> {
    return this.page.evaluate(() => decodeURIComponent(location.hash));
  }

  /** One URL param of the current hash (decoded), or null. */
  async hashParam(key: string): Promise<string | null> {
    const hash = await this.page.evaluate(() => location.hash);
    const q = hash.indexOf('?');
    return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(key);
  }

  /** The latest frame's iteration (null before the current run's first frame). */
  latestIteration(): Promise<number | null> {
    return this.page.evaluate(() => window.__playground!.latest()?.iteration ?? null);
  }

  /** The latest frame's particles as a plain array (bit patterns kept: Float32 -> Float64 is exact). */
  particles(): Promise<number[]> {
    return this.page.evaluate(() => {
      const l = window.__playground!.latest()?.layers.particles;
      return l && l.kind === 'points' ? Array.from(l.xy) : [];
    });
  }

  /** The last value of a metric series in the store, or null. */
  lastMetric(key: string): Promise<number | null> {
    return this.page.evaluate((k) => {
      const ys = window.__playground!.store.getState().series[k]?.ys;
      return ys && ys.length ? ys[ys.length - 1] : null;
    }, key);
  }

  /** The latest frame's layers by name, each as its kind ('points', 'scalarGrid', ...). */
  layerKinds(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const l = window.__playground!.latest()?.layers ?? {};
      return Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v.kind]));
    });
  }

  seriesLength(key: string): Promise<number> {
    return this.page.evaluate((k) => window.__playground!.store.getState().series[k]?.xs.length ?? 0, key);
  }

  async expectRunning(): Promise<void> {
    await expect(this.status).toHaveText('running');
    const start = await this.iterationNow();
    await expect.poll(() => this.iterationNow(), { message: 'iteration should advance while running' }).toBeGreaterThan(start);
  }

  /** Pause, then reset: a fresh run at iteration 0, paused, whose first frame has arrived. */
  async pauseAndReset(): Promise<void> {
    await expect(this.status).toHaveText('running');
    await this.pause();
    const runId = (await this.run()).runId;
    await this.press(this.reset);
    await expect.poll(async () => (await this.run()).runId).toBeGreaterThan(runId);
    await expect(this.status).toHaveText('paused');
    // the reset clears the frame bus; the new run's first frame (iteration 0) proves it was built
    await expect.poll(() => this.latestIteration()).toBe(0);
  }

  /** Press Step n times, waiting for each step's frame. */
  async stepTimes(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const before = (await this.latestIteration()) ?? 0;
      await expect(this.step).toBeEnabled();
      await this.press(this.step);
      await expect.poll(() => this.latestIteration()).toBe(before + 1);
    }
  }

  /** Pixel statistics of every canvas in the plane: painted (alpha > 0) pixels and distinct colours. */
  canvasStats(): Promise<{ width: number; height: number; painted: number; colors: number }[]> {
    return this.plane.evaluate((host) =>
      Array.from(host.querySelectorAll('canvas')).map((c) => {
        const ctx = c.getContext('2d')!;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        const colors = new Set<number>();
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          painted++;
          if (colors.size < 1000) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
        return { width: c.width, height: c.height, painted, colors: colors.size };
      }),
    );
  }

  /** Mixture handle centres in page (viewport) coordinates. */
  handleCentres(): Promise<{ x: number; y: number }[]> {
    return this.planeSvg.locator('circle.handle-mean').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    );
  }

  /** The plotted box's rectangle (the frame drawn around the data) in page coordinates. */
  async plotRect(): Promise<{ left: number; top: number; width: number; height: number }> {
    const frame = this.planeSvg.locator('rect.plot-frame');
    await expect(frame).toHaveCount(1);
    const b = (await frame.boundingBox())!;
    return { left: b.x, top: b.y, width: b.width, height: b.height };
  }
}

/** A page point in world coordinates, through the plot frame and the latest frame's box. */
export async function toWorld(lab: LabPage, p: { x: number; y: number }): Promise<{ x: number; y: number; pxPerUnit: number }> {
  const r = await lab.plotRect();
  const box = await lab.page.evaluate(() => window.__playground!.latest()!.box);
  const k = r.width / (box.xmax - box.xmin);
  return { x: box.xmin + (p.x - r.left) / k, y: box.ymax - (p.y - r.top) / k, pxPerUnit: k };
}

/** `comps=x,y,w,sxx,sxy,syy;...` split into components. */
export function parseComps(v: string | null): string[] {
  return v ? v.split(';').filter(Boolean) : [];
}
