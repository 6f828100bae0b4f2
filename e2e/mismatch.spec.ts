// The Score-mismatch lab in the browser on WASM: it loads, runs reverse steps and draws the plane and the
// closed-form KL-vs-T sweep; the paper's preset runs to done with DDNM far above BO-DDNM; a bad URL value
// shows a notice; the mixture-prior sample sweep and exact W₂; the two editable mixtures (`edit`).
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/#/mismatch?${query}`);
  await page.waitForFunction(() => (window as unknown as { __playground?: unknown }).__playground !== undefined);
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { __playground: { frames(): number } }).__playground.frames());
const latest = (page: Page) =>
  page.evaluate(() => {
    type S = { metrics: Record<string, number>; layers: Record<string, { kind: string; ys?: Record<string, ArrayLike<number>> }> };
    const s = (window as unknown as { __playground: { latest(): S | null } }).__playground.latest();
    if (!s) return null;
    const sweep = s.layers.sweepT?.ys;
    return {
      metrics: s.metrics,
      layers: Object.keys(s.layers),
      sweep: sweep ? Object.fromEntries(Object.entries(sweep).map(([k, v]) => [k, Array.from(v)])) : null,
    };
  });

async function play(page: Page): Promise<void> {
  const btn = page.getByTestId('play');
  if ((await btn.textContent())?.match(/play|run/i)) await btn.click();
}

test('loads on WASM, runs reverse steps and draws the plane and the sweep', async ({ page }) => {
  await open(page, 'backend=wasm&T=100&particles=500');
  await expect(page.getByTestId('backend')).toContainText(/wasm/i);
  await play(page);
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  expect(await frames(page)).toBeGreaterThan(1);
  const s = await latest(page);
  expect(s!.layers).toEqual(expect.arrayContaining(['particles', 'reference', 'density', 'sweepT', 'sweepSigma', 'measurement']));
  // not every frame carries metrics: wait for one that does
  await expect.poll(async () => (await latest(page))?.metrics.kl_closed_form ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.locator('.plane-host').first()).toBeVisible();
});

test('the DDNM vs BO-DDNM preset runs to done; DDNM is far above BO-DDNM, which is far above the oracle', async ({ page }) => {
  await open(page, 'backend=wasm&preset=ddnm-vs-bo&T=60&particles=300');
  await expect(page.getByTestId('preset')).toHaveValue('ddnm-vs-bo');
  await play(page);
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 40_000 });
  const s = await latest(page);
  const sw = s!.sweep!;
  for (let i = 1; i < 6; i++) {
    expect(sw.DDNM[i]).toBeGreaterThan(10 * sw['BO-DDNM'][i]);
    expect(sw['BO-DDNM'][i]).toBeGreaterThan(10 * sw.oracle[i]);
  }
});

test('a bad URL value shows a notice, not a blank page', async ({ page }) => {
  await open(page, 'backend=wasm&sigmaY=-3&rule=bogus');
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText(/sigmaY|rule/);
});

test('mixture prior with the sweep: sample-estimate KL/SW₂ curves fill in; exact W₂ at the end', async ({ page }) => {
  await open(page, 'backend=wasm&prior=custom&y=0&sweep=1&T=40&particles=300');
  await play(page);
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 40_000 });
  await expect.poll(async () => (await latest(page))?.metrics.w2_posterior ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  const s = await latest(page);
  expect(s!.layers).toEqual(expect.arrayContaining(['sweepT', 'sweepSW']));
  const sw = s!.sweep!;
  expect(Object.keys(sw)).toContain('BO-DDNM (KDE estimate)');
  // the run finished, so the sweep is complete: DDNM's estimate is far above the oracle's at every T
  for (let i = 0; i < 5; i++) expect(sw['DDNM (KDE estimate)'][i]).toBeGreaterThan(10 * sw['oracle (KDE estimate)'][i]);
});

test('two editable mixtures: `edit` moves the handles to the training mixture and outlines the target', async ({ page }) => {
  await open(page, 'backend=wasm&mode=uncond&target=custom&score=mixture&edit=training&T=20');
  await play(page);
  await expect.poll(async () => (await latest(page))?.layers ?? [], { timeout: 20_000 }).toEqual(expect.arrayContaining(['handles', 'outline']));
  await expect(page.getByText('Training mixture', { exact: true })).toBeVisible();
  await expect(page.getByText('Components', { exact: true })).toHaveCount(0);
});
