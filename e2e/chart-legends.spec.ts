// Charts a reader can trust, checked in the built app on the Score-mismatch lab (the lab with the most
// series in one chart): every series has its own colour (colour + dash past eight), the legend lies in
// its panel below the plot area without touching it, and lists only the series of this mode. Also: the
// chart a preset names is on screen with the plane at 1440×900, 1920×1080 and in presenter mode; Esc
// leaves presenter mode; every plane has a key saying what its colours are.
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/#/${query}`);
  await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined);
}

async function runToDone(page: Page): Promise<void> {
  const btn = page.getByTestId('play');
  if ((await btn.textContent())?.match(/^play$/i)) await btn.click();
  await expect(page.getByTestId('status')).toHaveText(/done/, { timeout: 60_000 });
}

interface Box { left: number; top: number; right: number; bottom: number }
interface ChartFacts {
  panel: Box;
  /** the plot area with its tick labels: the axes' groups and the lines */
  plot: Box;
  legend: Box | null;
  rows: { text: string; color: string; dash: string }[];
  lines: { color: string; dash: string }[];
}

/** what a chart panel shows, read from its SVG (panels are found by their export id) */
function chartFacts(page: Page, id: string): Promise<ChartFacts> {
  return page.evaluate((id) => {
    const panel = document.querySelector(`[data-export-panel="${id}"]`)!;
    const svg = panel.querySelector('.plot-chart svg')!;
    const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const union = (els: Element[]): Box | null => {
      const rs = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      if (!rs.length) return null;
      return { left: Math.min(...rs.map((r) => r.left)), top: Math.min(...rs.map((r) => r.top)), right: Math.max(...rs.map((r) => r.right)), bottom: Math.max(...rs.map((r) => r.bottom)) };
    };
    const legendRows = Array.from(svg.querySelectorAll('g.legend g.row'));
    return {
      panel: box(panel.getBoundingClientRect()),
      plot: union(Array.from(svg.querySelectorAll('g.axis, g.lines')))!,
      legend: union(legendRows),
      rows: legendRows.map((r) => ({ text: r.querySelector('text')!.textContent ?? '', color: r.querySelector('line')!.getAttribute('stroke') ?? '', dash: r.querySelector('line')!.getAttribute('stroke-dasharray') ?? '' })),
      lines: Array.from(svg.querySelectorAll('g.lines path')).filter((p) => (p.getAttribute('d') ?? '') !== '').map((p) => ({ color: p.getAttribute('stroke') ?? '', dash: p.getAttribute('stroke-dasharray') ?? '' })),
    };
  }, id);
}

function expectTrustworthy(f: ChartFacts, what: string): void {
  expect(f.rows.length, `${what}: legend rows`).toBeGreaterThan(0);
  // one style per series: colour, or colour and dash once the palette is used up
  const styles = f.rows.map((r) => `${r.color}|${r.dash}`);
  expect(new Set(styles).size, `${what}: distinct styles ${styles.join(', ')}`).toBe(styles.length);
  const lineStyles = f.lines.map((l) => `${l.color}|${l.dash}`);
  expect(new Set(lineStyles).size, `${what}: distinct line styles`).toBe(lineStyles.length);
  // inside its panel, below the plot area (tick labels included), never over it
  const l = f.legend!;
  expect(l.left, `${what}: legend left`).toBeGreaterThanOrEqual(f.panel.left);
  expect(l.right, `${what}: legend right`).toBeLessThanOrEqual(f.panel.right);
  expect(l.bottom, `${what}: legend bottom`).toBeLessThanOrEqual(f.panel.bottom);
  expect(l.top, `${what}: legend top against the plot's bottom`).toBeGreaterThanOrEqual(f.plot.bottom - 0.5);
}

test('Mismatch, conditional (Gaussian prior): sweeps and run charts have one colour per series and legends below their plots', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'mismatch?backend=wasm&T=100&particles=400');
  await runToDone(page);
  for (const id of ['klT', 'klSigma', 'delta', 'bias', 'sw2']) {
    await expect.poll(async () => (await chartFacts(page, id)).rows.length, { message: id }).toBeGreaterThan(0);
    const f = await chartFacts(page, id);
    expectTrustworthy(f, id);
    // the KDE estimate belongs to the mixture prior only
    expect(f.rows.map((r) => r.text).join(' | ')).not.toMatch(/KDE estimate/);
  }
  // every rule of the sweep (seven and more) is its own curve: more series than the old six colours
  const klT = await chartFacts(page, 'klT');
  expect(klT.rows.length).toBeGreaterThanOrEqual(7);
  expect(klT.rows.map((r) => r.text).join(' | ')).toMatch(/DDNM\+/);
});

test('Mismatch, unconditional: no conditional-only series in any legend', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'mismatch?backend=wasm&mode=uncond&T=100&particles=400');
  await runToDone(page);
  // the conditional sweeps are not shown at all in this mode
  await expect(page.locator('[data-export-panel="klT"], [data-export-panel="klSigma"]')).toHaveCount(0);
  for (const id of ['biasT', 'delta', 'bias', 'sw2']) {
    await expect.poll(async () => (await chartFacts(page, id)).rows.length, { message: id }).toBeGreaterThan(0);
    const f = await chartFacts(page, id);
    expectTrustworthy(f, id);
    const texts = f.rows.map((r) => r.text).join(' | ');
    expect(texts, id).not.toMatch(/DDNM\+|KDE estimate|posterior/);
  }
  // the plane says what it shows in this mode and offers no measurement click
  await expect(page.locator('.plane-wrap .plot-title')).toContainText('Target q_t');
  await expect(page.locator('.plane-wrap .help')).toHaveCount(0);
});

/** the named chart's plot (its SVG) and the plane are both inside the viewport, without scrolling */
async function namedChartOnScreen(page: Page, title: string): Promise<void> {
  const chart = page.locator('.charts .exportable', { has: page.locator('.plot-panel-title', { hasText: title }) }).first();
  await expect(chart).toBeVisible();
  const vh = page.viewportSize()!.height;
  const svg = await chart.locator('.plot-chart svg').boundingBox();
  const plane = await page.locator('.plane-wrap .plot-plane').first().boundingBox();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(svg!.y + svg!.height, `${title} chart bottom`).toBeLessThanOrEqual(vh);
  expect(plane!.y + plane!.height).toBeLessThanOrEqual(vh);
  expect(plane!.width).toBeGreaterThan(250);
}

for (const [w, h] of [[1440, 900], [1920, 1080]] as const) {
  test(`Samplers preset: "Modes covered" is on screen with the plane at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await open(page, 'samplers?backend=wasm&preset=langevin-stuck');
    await expect.poll(async () => page.locator('.charts .exportable').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await namedChartOnScreen(page, 'Modes covered');
  });
}

test('presenter mode: the named chart is on screen with the plane, and Esc leaves presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'samplers?backend=wasm&preset=langevin-stuck');
  await expect.poll(async () => page.locator('.charts .exportable').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId('present').click();
  await expect(page.locator('html')).toHaveClass(/present-mode/);
  await namedChartOnScreen(page, 'Modes covered');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/present-mode/);
  await expect(page.getByTestId('present')).toHaveText('Present');
});

test('every plane has a key in the colours it drew; compared planes are the same size', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'guidance?backend=wasm&preset=naive-vs-lookahead&trainSteps=100&T=30');
  const keys = page.locator('.plane-legend:not([hidden])');
  await expect(keys).toHaveCount(3, { timeout: 60_000 });
  // the samples plane: red samples of this round, white data
  const samples = page.locator('.plane-legend[data-view="samples"]');
  await expect(samples.locator('[data-layer="samples"]')).toHaveAttribute('data-color', '#cc0000');
  await expect(samples.locator('[data-layer="data"]')).toHaveAttribute('data-color', '#ffffff');
  await expect(page.locator('.plane-legend[data-view="fieldNaive"] [data-layer="fieldNaive"]')).toContainText('naive guidance G');
  // the key sits under its plot: it hides none of it
  for (const id of ['samples', 'fieldNaive', 'fieldLoss']) {
    const plot = (await page.locator(`.plot-plane[data-view="${id}"]`).boundingBox())!;
    const key = (await page.locator(`.plane-legend[data-view="${id}"]`).boundingBox())!;
    expect(key.y).toBeGreaterThanOrEqual(plot.y + plot.height - 0.5);
  }
  const a = (await page.locator('.plot-plane[data-view="fieldNaive"]').boundingBox())!;
  const b = (await page.locator('.plot-plane[data-view="fieldLoss"]').boundingBox())!;
  const s = (await page.locator('.plot-plane[data-view="samples"]').boundingBox())!;
  expect(Math.abs(a.width - b.width)).toBeLessThan(1);
  expect(Math.abs(a.width - s.width)).toBeLessThan(1);
  // without the δ sweep there is no front or sweep panel waiting for data
  await expect(page.locator('[data-export-panel="front"], [data-export-panel="sweep"]')).toHaveCount(0);
});
