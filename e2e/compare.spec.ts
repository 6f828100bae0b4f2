// A/B comparison: a link with `ab=1` and `b.<key>` overrides runs a second worker beside the lab's
// own, from the same seed, with the overrides; the plots split A|B on one colour scale, the charts
// overlay both, and the link follows the comparison as it is edited and turned off.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { AppState } from '../src/state/store';
import { SamplersLab } from './pages/samplers-lab';

interface CompareHandle {
  active(): boolean;
  store(): { getState(): AppState } | null;
  frames(): number;
  range(id: string): readonly [number, number] | null;
}
const cmp = (page: Page) => page.evaluate(() => {
  const c = (window.__playground as unknown as { compare: CompareHandle }).compare;
  const b = c.store()?.getState();
  const a = window.__playground!.store.getState();
  return {
    active: c.active(), frames: c.frames(), range: c.range('plane'),
    b: b ? { sampler: String(b.params.sampler), step: Number(b.params.step), seed: Number(b.params.seed), iteration: b.iteration, status: b.status, backend: b.backend } : null,
    a: { sampler: String(a.params.sampler), step: Number(a.params.step), seed: Number(a.params.seed), iteration: a.iteration, backend: a.backend },
  };
});
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

test('samplers: A and B run side by side from one seed, charts overlay both, the link follows edits', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&seed=3&particles=300&sampler=ula&ab=1&b.sampler=mala');
  const split = page.getByTestId('compare-split');
  await expect(split).toBeVisible();
  await expect(split.locator('.plane-host')).toHaveCount(2);
  await expect(page.getByTestId('compare-summary')).toContainText('Sampler = ');

  // both runs draw and advance; B is MALA on the same seed and backend
  await expect.poll(async () => { const s = await cmp(page); return Math.min(s.a.iteration, s.b?.iteration ?? 0); }, { timeout: 30_000 }).toBeGreaterThan(10);
  const s = await cmp(page);
  expect(s.b).toMatchObject({ sampler: 'mala', seed: 3, backend: 'wasm' });
  expect(s.a).toMatchObject({ sampler: 'ula', seed: 3, backend: 'wasm' });
  expect(s.frames).toBeGreaterThan(0);
  expect(await lab.frames()).toBeGreaterThan(0);
  // one colour scale: a finite shared range exists for the plane
  expect(s.range?.every(Number.isFinite)).toBe(true);

  // one pause stops both; one step advances both by one
  await lab.pause();
  await expect(page.getByTestId('b-status')).toHaveText('paused');
  await lab.waitForQuiet();
  await expect(async () => {
    const x = await cmp(page);
    await page.waitForTimeout(400);
    expect((await cmp(page)).b!.iteration).toBe(x.b!.iteration);
  }).toPass();
  const held = await cmp(page);
  await lab.press(lab.step);
  await expect.poll(async () => (await cmp(page)).b!.iteration).toBe(held.b!.iteration + 1);
  await expect(lab.iteration).toHaveText(String(held.a.iteration + 1));

  // charts: A solid and B dashed; the legend gives both values per metric and says which line is B
  const quality = lab.chart('Distance to the target');
  await expect(quality.locator('.lines path')).toHaveCount(4);
  await expect(quality.locator('.lines path[stroke-dasharray]')).toHaveCount(2);
  await expect(quality.locator('.legend text')).toHaveText([/^sliced W₂\s+A \S+ · B \S+$/, /^MMD²\s+A \S+ · B \S+$/, 'B dashed, A solid']);

  // the marginals draw B as a dashed outline over A's bars
  await expect.poll(async () => (await page.getByTestId('hist-b').first().getAttribute('d'))?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(10);

  // the metrics JSON holds both runs: A's series, and B's under "b" with its overrides
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-metrics').click()]);
  const metrics = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  expect(metrics.b.overrides).toEqual({ sampler: 'mala' });
  expect(metrics.b.series.sw2.ys.length).toBeGreaterThan(0);
  expect(metrics.series.sw2.ys.length).toBeGreaterThan(0);
  expect(metrics.b.series.sw2.ys).not.toEqual(metrics.series.sw2.ys);

  // B's editor: pick the step size and set it; only B changes, and the link says so
  const edit = page.getByTestId('compare-edit');
  await page.getByTestId('compare-pick').selectOption('step');
  await edit.getByLabel('B: Step size value').fill('0.02');
  await expect.poll(() => hash(page)).toContain('b.step=0.02');
  expect((await cmp(page)).b!.step).toBe(0.02);
  expect((await cmp(page)).a.step).toBe(0.05);

  // removing an override goes back to A's value
  await page.getByRole('button', { name: 'Remove the B override of Sampler' }).click();
  await expect.poll(() => hash(page)).not.toContain('b.sampler');
  await expect.poll(async () => (await cmp(page)).b!.sampler).toBe('ula');

  // off: no second worker, no split, no `ab=` in the link
  await page.getByTestId('compare-toggle').click();
  await expect.poll(() => hash(page)).not.toContain('ab=');
  expect(await hash(page)).not.toContain('b.step');
  expect((await cmp(page)).active).toBe(false);
  await expect(split).toHaveCount(0);
  await expect(quality.locator('.lines path')).toHaveCount(2);
  await expect.poll(async () => (await page.getByTestId('hist-b').first().getAttribute('d')) ?? '').toBe('');

  // and on again from the button: B starts with A's settings
  await page.getByTestId('compare-toggle').click();
  await expect.poll(() => hash(page)).toContain('ab=1');
  await expect.poll(async () => (await cmp(page)).frames).toBeGreaterThan(0);
  await expect(page.getByTestId('compare-summary')).toHaveText('same settings as A');
});

test('dikl: B with the other objective beside the lab\'s own comparison', async ({ page }) => {
  await page.goto('/#/dikl?backend=wasm&batch=64&show=300&inspector=0&otherObjective=1&ab=1&b.objective=rkl');
  await page.waitForFunction(() => window.__playground !== undefined);
  await expect(page.getByTestId('compare-split').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => {
    const c = (window.__playground as unknown as { compare: CompareHandle }).compare;
    const b = c.store()?.getState();
    return b ? `${String(b.params.objective)}/${String(b.params.otherObjective)}/${b.iteration > 0}` : 'none';
  }), { timeout: 40_000 }).toBe('rkl/true/true');
  expect(await page.evaluate(() => String(window.__playground!.store.getState().params.objective))).toBe('dikl');
  // each chart: main and comparison, for A and for B
  const modes = page.locator('.charts .plot-panel').filter({ has: page.getByRole('heading', { name: 'Modes covered', exact: true }) });
  await expect(modes.locator('.lines path')).toHaveCount(4, { timeout: 40_000 });
  await expect(page.getByTestId('compare-summary').first()).toContainText('Objective = Reverse KL');
});

test('dxmi: the value planes (small multiples) get a B row, each on the colour scale of its A twin', async ({ page }) => {
  await page.goto('/#/dxmi?backend=wasm&pretrain=100&batch=128&hidden=32&T=4&ab=1&b.tau=0');
  await page.waitForFunction(() => window.__playground !== undefined);
  const bRow = page.getByTestId('compare-small-b');
  await expect(bRow).toBeVisible({ timeout: 30_000 });
  const aCount = await page.locator('.small-multiples').first().locator('.plane-host').count();
  expect(aCount).toBeGreaterThan(1);
  await expect(bRow.locator('.plane-host')).toHaveCount(aCount);
  await expect(bRow.locator('.plot-title').first()).toContainText('· B');
  await expect.poll(async () => (await cmp(page)).frames, { timeout: 40_000 }).toBeGreaterThan(2);
  // one colour scale per value plane, fed by both runs
  await expect.poll(() => page.evaluate(() => (window.__playground as unknown as { compare: CompareHandle }).compare.range('value0')?.every(Number.isFinite) ?? false), { timeout: 40_000 }).toBe(true);
  // off: the B row goes
  await page.getByTestId('compare-toggle').click();
  await expect(bRow).toHaveCount(0);
});
