// Editing the target in the plot: mixture handles (custom) and drawn points (drawn).
import { expect, test, type Page } from '@playwright/test';
import { SamplersLab, parseComps, toWorld } from './pages/samplers-lab';

type Pt = { x: number; y: number };
const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);

/** A point of the plotted box at least `clear` px from every handle (grid search, farthest wins). */
function emptySpot(rect: { left: number; top: number; width: number; height: number }, handles: Pt[], clear = 40): Pt {
  let best: Pt | null = null;
  let bestD = -1;
  for (let i = 1; i < 10; i++) {
    for (let j = 1; j < 10; j++) {
      const p = { x: rect.left + (rect.width * i) / 10, y: rect.top + (rect.height * j) / 10 };
      const d = Math.min(...handles.map((h) => dist(h, p)));
      if (d > bestD) [best, bestD] = [p, d];
    }
  }
  expect(bestD).toBeGreaterThan(clear);
  return best!;
}

async function withKey(page: Page, key: 'Shift' | 'Alt', act: () => Promise<void>): Promise<void> {
  await page.keyboard.down(key);
  try {
    await act();
  } finally {
    await page.keyboard.up(key);
  }
}

test('custom mixture: shift-click adds, alt-click removes, dragging moves a mean', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=custom&particles=300');
  // edits work the same on a paused run, and a quiet page keeps the pointer events quick
  await lab.pause();
  const handles = lab.planeSvg.locator('g.handle');
  await expect(handles).toHaveCount(3);
  await expect(lab.plane).toHaveAttribute('data-interaction', 'edit');
  await expect(page.getByText('3 components · drag a mean')).toBeVisible();
  await expect.poll(async () => parseComps(await lab.hashParam('comps')).length).toBe(3);

  // shift-click on empty plot space adds a component there
  const spot = emptySpot(await lab.plotRect(), await lab.handleCentres());
  const where = await toWorld(lab, spot);
  await withKey(page, 'Shift', () => page.mouse.click(spot.x, spot.y));
  await expect.poll(async () => parseComps(await lab.hashParam('comps')).length).toBe(4);
  await expect(handles).toHaveCount(4);
  await expect(page.getByText('4 components · drag a mean')).toBeVisible();
  // at the clicked point (the box may grow to fit it, so compare in world units)
  const [ax, ay] = parseComps(await lab.hashParam('comps'))[3].split(',').map(Number);
  expect(Math.abs(ax - where.x) * where.pxPerUnit).toBeLessThan(2);
  expect(Math.abs(ay - where.y) * where.pxPerUnit).toBeLessThan(2);

  // alt-click on a handle removes it
  const before = parseComps(await lab.hashParam('comps'));
  const [first] = await lab.handleCentres();
  await withKey(page, 'Alt', () => page.mouse.click(first.x, first.y));
  await expect.poll(async () => parseComps(await lab.hashParam('comps')).length).toBe(3);
  await expect(handles).toHaveCount(3);
  expect(parseComps(await lab.hashParam('comps'))).toEqual(before.slice(1));

  // dragging a handle moves its mean (and only its mean)
  const comps = parseComps(await lab.hashParam('comps'));
  const from = (await lab.handleCentres())[1];
  const to = { x: from.x + 60, y: from.y + 45 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => parseComps(await lab.hashParam('comps'))[1]).not.toBe(comps[1]);
  const moved = parseComps(await lab.hashParam('comps'));
  expect(moved).toHaveLength(3);
  expect(moved[0]).toBe(comps[0]);
  expect(moved[2]).toBe(comps[2]);
  // weight and covariance are kept; the mean went right (x up) and down (y down)
  const [x0, y0, ...rest0] = comps[1].split(',').map(Number);
  const [x1, y1, ...rest1] = moved[1].split(',').map(Number);
  expect(rest1).toEqual(rest0);
  expect(x1).toBeGreaterThan(x0);
  expect(y1).toBeLessThan(y0);
});

/** Drag a wavy stroke across the middle of the plane. */
async function drawStroke(page: Page, lab: SamplersLab): Promise<void> {
  // the plane's host, not the plot frame: a fresh drawn-points link has no frame to measure yet
  const b = (await lab.plane.boundingBox())!;
  const r = { left: b.x, top: b.y, width: b.width, height: b.height };
  const at = (u: number, v: number) => ({ x: r.left + r.width * u, y: r.top + r.height * v });
  const p0 = at(0.2, 0.5);
  await page.mouse.move(p0.x, p0.y);
  await page.mouse.down();
  // few moves: each one waits for the renderer, which is slow on a software GPU
  for (let k = 1; k <= 12; k++) {
    const u = 0.2 + (0.6 * k) / 12;
    const p = at(u, 0.5 + 0.2 * Math.sin(u * 2 * Math.PI));
    await page.mouse.move(p.x, p.y);
  }
  await page.mouse.up();
}

async function expectDrawnPointsTrain(page: Page, lab: SamplersLab): Promise<void> {
  const hint = page.getByTestId('points-count');
  await expect(hint).toHaveText(/^[1-9]\d* points drawn$/);
  const n = Number((await hint.textContent())!.split(' ')[0]);
  expect(n).toBeGreaterThan(5);
  await expect.poll(async () => (await lab.hashParam('drawn'))?.length ?? 0).toBeGreaterThan(10);
  await expect(lab.error).toBeHidden();
  // the data set's score is learned first (its loss is charted), then the sampler runs on it
  await expect(lab.phase).toHaveText(/^step \d+/, { timeout: 60_000 });
  await expect(lab.error).toBeHidden();
  const trace = await lab.trace();
  expect(trace.phases.some((p) => p.startsWith('training the score')), `phases: ${trace.phases.join(' | ')}`).toBe(true);
  expect(await lab.seriesLength('dsm_loss')).toBeGreaterThan(0);
  await expect(lab.chart('Score training loss (DSM)')).toBeVisible();
  const it = await lab.iterationNow();
  await expect.poll(() => lab.iterationNow()).toBeGreaterThan(it);
}

test('drawn points: a stroke on a fresh drawn-points link becomes the data a score is trained on', async ({ page }) => {
  await SamplersLab.traceRun(page);
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=drawn&particles=300&trainSteps=100');
  await expect(page.getByTestId('points-count')).toHaveText('0 points drawn');
  // the plane learns its coordinates from the first frame (the waiting run sends the drawing box)
  await expect.poll(() => lab.frames()).toBeGreaterThan(0);
  await expect(page.getByText(/No points drawn yet/)).toBeVisible();
  await lab.press(page.getByRole('button', { name: 'Draw in the plot' }));
  await expect(lab.plane).toHaveAttribute('data-interaction', 'draw');
  await drawStroke(page, lab);
  await expectDrawnPointsTrain(page, lab);
});

test('drawn points: switching to the drawn target, then drawing, trains and samples', async ({ page }) => {
  await SamplersLab.traceRun(page);
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=300&trainSteps=100');
  await lab.expectRunning();
  await lab.control('target').selectOption('drawn');
  await lab.press(page.getByRole('button', { name: 'Draw in the plot' }));
  await expect(page.getByRole('button', { name: 'Stop drawing' })).toHaveAttribute('aria-pressed', 'true');
  await drawStroke(page, lab);
  await expectDrawnPointsTrain(page, lab);
});

test('a log slider that starts at 0 (training steps) moves through finite values and reaches both ends', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=spirals&score=learned&trainSteps=1500');
  const slider = page.locator('input[type=range][data-key=trainSteps]');
  const number = page.getByLabel('Training steps value');
  // 1500 of 0..20000 on log(1 + v): past the middle, not NaN (which React drops, leaving the thumb at 0)
  const pos = Number(await slider.inputValue());
  expect(pos).toBeGreaterThan(600);
  expect(pos).toBeLessThan(800);
  await slider.fill('500');
  await expect(number).toHaveValue('140');
  await expect.poll(() => lab.hashParam('trainSteps')).toBe('140');
  await slider.fill('0');
  await expect.poll(() => lab.hashParam('trainSteps')).toBe('0');
  await slider.fill('1000');
  await expect.poll(() => lab.hashParam('trainSteps')).toBe('20000');
});
