// Bring your own target: type a log-density, see it sampled; break it and see the message where the
// text is wrong while the last good target keeps running; a parameter slider; share and reopen.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

const SMALL = 'backend=wasm&target=formula&sampler=mala&particles=300&seed=3&step=0.02&speed=5';

test('a typed formula is sampled; a broken one shows where, and the last good target keeps running', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open(SMALL);
  const field = lab.control('f');
  await expect(field).toBeVisible();
  await expect(page.getByTestId('formula-ok')).toContainText('found from the density');

  // a two-bump formula: the particles end up near x = ±2
  await field.fill('logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)');
  await expect.poll(() => lab.hashParam('f')).toBe('logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)');
  const runId = (await lab.run()).runId;
  await expect.poll(async () => (await lab.run()).iteration, { timeout: 30_000 }).toBeGreaterThan(100);
  const xy = await lab.particles();
  const xs = xy.filter((_, i) => i % 2 === 0);
  const near = xs.filter((x) => Math.abs(Math.abs(x) - 2) < 1).length / xs.length;
  expect(near).toBeGreaterThan(0.8);
  await expect.poll(() => lab.lastMetric('sw2')).not.toBeNull();

  // break it: an unclosed parenthesis; the message names the position and what was expected, the run stays
  await field.fill('-(x^2 + y^2');
  const err = page.getByTestId('formula-error');
  await expect(err).toBeVisible();
  await expect(err).toContainText(/expected/i);
  await expect(err).toHaveAttribute('data-start', String('-(x^2 + y^2'.length));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await lab.hashParam('f')).toBe('logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)');
  expect((await lab.run()).runId).toBe(runId);
  expect((await lab.run()).status).not.toBe('error');

  // an unknown name lists the known ones; a density that does not decay says so
  await field.fill('-(x^2 + z^2)');
  await expect(err).toContainText("'z'");
  await expect(err).toContainText(/Known names: .*x, y/);
  await field.fill('x + y');
  await expect(err).toContainText(/edge|normaliz/i);
  expect(await lab.hashParam('f')).toBe('logsumexp(-(x-2)^2 - y^2, -(x+2)^2 - y^2)');
});

test('a parameter slider explores a family; the link carries formula and parameters and reopens them', async ({ page, browser }) => {
  const lab = new SamplersLab(page);
  await lab.open(SMALL);
  await page.getByRole('button', { name: 'Add a parameter' }).click();
  await expect(page.getByTestId('formula-param-a')).toBeVisible();
  await lab.control('f').fill('-(y - a*x^2)^2/0.2 - x^2/10');
  await expect.poll(() => lab.hashParam('f')).toBe('-(y - a*x^2)^2/0.2 - x^2/10');
  const slider = page.getByLabel('a value', { exact: true });
  await slider.fill('150'); // of 200 steps over [0, 2]: a = 1.5
  await expect.poll(() => lab.hashParam('fp')).toBe('a,1.5,0,2');
  await expect.poll(async () => (await lab.run()).iteration, { timeout: 30_000 }).toBeGreaterThan(20);

  // the Equations panel renders the parsed tree with the parameter's value
  const panel = page.getByTestId('equations');
  await panel.locator('summary').click();
  await expect(panel).toContainText('Your target (typed as a formula)');
  await expect(panel.locator('.katex-mathml').first()).toContainText('1.5');
  await expect(panel.locator('.katex-error')).toHaveCount(0);
  const link = await page.evaluate(() => location.href);
  const other = await browser.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.__playground !== undefined);
  const reopened = new SamplersLab(other);
  await expect(reopened.control('f')).toHaveValue('-(y - a*x^2)^2/0.2 - x^2/10');
  await expect(other.getByLabel('a value', { exact: true })).toHaveAttribute('aria-valuetext', '1.5');
  await expect.poll(async () => (await reopened.run()).iteration, { timeout: 30_000 }).toBeGreaterThan(5);
  await other.close();
});
