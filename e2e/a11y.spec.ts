// For everyone: an axe-core scan of every page (light and dark), reduced motion, pausing in a
// hidden tab, phone/tablet/projector layouts with touch editing, and offline use after one visit.
import { expect, test, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { LAB_LIST } from '../src/labs/schemas';
import { SamplersLab, parseComps } from './pages/samplers-lab';

/** serious and critical violations, one readable line each (the test prints them when it fails) */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // the insides of a role="img" SVG are presentational (ARIA): skipping them halves the scan time
  const r = await new AxeBuilder({ page }).exclude('svg[role="img"] > *').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** pause a running lab: axe walks the DOM several times over, and a busy main thread makes it crawl */
async function quiet(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.textContent()) === 'Pause') await play.click({ force: true });
  await expect(play).toHaveText('Play');
}

const firstFrame = (page: Page) => page.waitForFunction(() => (window.__playground?.frames() ?? 0) > 0, null, { timeout: 30_000 });

test('axe: landing, every lab after its first frame, the bench page, and a lab in the dark theme', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await seriousViolations(page, 'landing')));
  for (const { id } of LAB_LIST) {
    // a hash change keeps the page and its worker: wait for this lab's own first frame
    const runId = await page.evaluate(() => window.__playground?.store.getState().runId ?? -1);
    await page.goto(`/#/${id}?backend=wasm`);
    await page.waitForFunction(([lab, prev]) => {
      const pg = window.__playground;
      const s = pg?.store.getState();
      return s !== undefined && s.lab === lab && s.runId > (prev as number) && pg!.latest() !== null;
    }, [id, runId] as const, { timeout: 30_000 });
    await quiet(page);
    found.push(...(await seriousViolations(page, id)));
  }
  // the live region speaks the metrics of the last lab opened
  await expect(page.getByTestId('metrics-summary')).toHaveText(/^Iteration \d+/, { timeout: 10_000 });
  await page.goto('/#/bench');
  await expect(page.getByRole('main')).toBeVisible();
  found.push(...(await seriousViolations(page, 'bench')));

  // the theme toggle: dark on click, kept across a reload, never in the share link
  await page.goto('/#/samplers?backend=wasm');
  await firstFrame(page);
  const toggle = page.getByTestId('theme-toggle');
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  expect(before).toBe('light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('playground.theme'))).toBe('dark');
  await page.reload();
  await firstFrame(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => location.hash)).not.toMatch(/theme/);
  found.push(...(await seriousViolations(page, 'samplers (dark)')));
  expect(found, found.join('\n')).toEqual([]);
});

test('the system dark preference is followed, and reduced motion waits for Play', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=200');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(lab.status).toHaveText('paused');
  await expect(page.getByTestId('motion-note')).toContainText('press Play');
  await page.waitForTimeout(800);
  expect(await lab.iterationNow()).toBe(0);
  await lab.press(lab.play);
  await expect(page.getByTestId('motion-note')).toHaveCount(0);
  await lab.expectRunning();
});

/** pretend the tab was hidden or shown (as switching tabs does) */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('a hidden tab stops the worker stepping and a shown tab resumes it', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=200');
  await lab.expectRunning();
  await setVisibility(page, 'hidden');
  await expect(lab.status).toHaveText('paused');
  await lab.waitForQuiet();
  // the worker's own count, read from its frames: no frame means no step was shown, so compare the
  // latest frame's iteration across a wait long enough for hundreds of steps
  const stopped = await lab.latestIteration();
  await page.waitForTimeout(1500);
  expect(await lab.latestIteration()).toBe(stopped);
  await setVisibility(page, 'visible');
  await expect(lab.status).toHaveText('running');
  await expect.poll(() => lab.latestIteration()).toBeGreaterThan(stopped!);

  // a run the user paused stays paused when the tab comes back
  await lab.pause();
  await setVisibility(page, 'hidden');
  await setVisibility(page, 'visible');
  await page.waitForTimeout(500);
  expect((await lab.run()).playing).toBe(false);
});

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('phone, tablet and projector layouts: no sideways scroll, controls in a drawer on narrow screens', async ({ page }) => {
  const lab = new SamplersLab(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open('backend=wasm&particles=200');
  await firstFrame(page);
  expect(await noSideScroll(page)).toBe(true);
  await expect(page.getByTestId('drawer-toggle')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Controls' })).toBeVisible();
  expect((await lab.plane.boundingBox())!.width).toBeGreaterThan(600);

  for (const size of [{ width: 820, height: 1180 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    const drawer = page.getByTestId('drawer-toggle');
    await expect(drawer).toBeVisible();
    await expect(drawer).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('complementary', { name: 'Controls' })).toBeHidden();
    await expect.poll(() => noSideScroll(page), { message: `no sideways scroll at ${size.width}px` }).toBe(true);
    // the plane fills the width it has, and never more
    const box = (await lab.plane.boundingBox())!;
    expect(box.width).toBeGreaterThan(size.width * 0.75);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    await drawer.click();
    await expect(drawer).toHaveAttribute('aria-expanded', 'true');
    await expect(lab.preset).toBeVisible();
    expect(await noSideScroll(page)).toBe(true);
    await drawer.click();
  }
});

/** a paused custom mixture of three components on a phone, and a finger (CDP touch events) on it */
async function phoneMixture(page: Page) {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=custom&particles=200');
  await lab.pause();
  await expect(lab.planeSvg.locator('g.handle')).toHaveCount(3);
  await lab.planeSvg.scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  return { lab, touch };
}

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  test('a finger drags a mixture component on a phone', async ({ page }) => {
    const { lab, touch } = await phoneMixture(page);
    await expect(lab.planeSvg).toHaveCSS('touch-action', 'none');
    const comps = parseComps(await lab.hashParam('comps'));
    const from = (await lab.handleCentres())[0];
    const to = { x: from.x + 40, y: from.y + 30 };
    const scrolled = await page.evaluate(() => window.scrollY);
    await touch('touchStart', from);
    for (let k = 1; k <= 4; k++) await touch('touchMove', { x: from.x + (to.x - from.x) * k / 4, y: from.y + (to.y - from.y) * k / 4 });
    await touch('touchEnd');
    await expect.poll(async () => parseComps(await lab.hashParam('comps'))[0]).not.toBe(comps[0]);
    const [x0, y0] = comps[0].split(',').map(Number);
    const [x1, y1] = parseComps(await lab.hashParam('comps'))[0].split(',').map(Number);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeLessThan(y0);
    // the drag moved the component, not the page
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  test('a finger held on empty space adds a component, held on a mean removes it; a moving finger does neither', async ({ page }) => {
    const { lab, touch } = await phoneMixture(page);
    const box = (await lab.planeSvg.boundingBox())!;
    const handles = await lab.handleCentres();
    // a point of the plot far from every handle
    const spot = [0.2, 0.5, 0.8].flatMap((fx) => [0.2, 0.5, 0.8].map((fy) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy })))
      .sort((a, b) => Math.min(...handles.map((h) => Math.hypot(h.x - b.x, h.y - b.y))) - Math.min(...handles.map((h) => Math.hypot(h.x - a.x, h.y - a.y))))[0];

    // a quick tap adds nothing
    await touch('touchStart', spot);
    await touch('touchEnd');
    await page.waitForTimeout(800);
    expect(parseComps(await lab.hashParam('comps'))).toHaveLength(3);

    // held: one more component
    await touch('touchStart', spot);
    await page.waitForTimeout(800);
    await touch('touchEnd');
    await expect.poll(async () => parseComps(await lab.hashParam('comps')).length).toBe(4);
    await expect(lab.planeSvg.locator('g.handle')).toHaveCount(4);

    // held while moving (a drag): no removal
    const first = (await lab.handleCentres())[0];
    await touch('touchStart', first);
    for (let k = 1; k <= 6; k++) {
      await touch('touchMove', { x: first.x + 5 * k, y: first.y });
      await page.waitForTimeout(120);
    }
    await touch('touchEnd');
    await page.waitForTimeout(300);
    expect(parseComps(await lab.hashParam('comps'))).toHaveLength(4);

    // held still on a mean: that component goes
    const again = (await lab.handleCentres())[0];
    await touch('touchStart', again);
    await page.waitForTimeout(800);
    await touch('touchEnd');
    await expect.poll(async () => parseComps(await lab.hashParam('comps')).length).toBe(3);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit the samplers lab loads and runs on WASM with the network off', async ({ page, context }) => {
    const lab = new SamplersLab(page);
    await lab.open('backend=wasm&particles=200');
    await firstFrame(page);
    const online = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return crossOriginIsolated;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.__playground !== undefined);
    await expect(lab.backendBadge).toContainText('wasm');
    await lab.expectRunning();
    // the cached page keeps its COOP/COEP headers, so isolation (WASM threads) survives offline
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(online);
    expect(online).toBe(true);
    await context.setOffline(false);
  });
});
