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

test('a data file of points is loaded into a data set: bad rows reported, the link carries the points', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=drawn&sampler=ula&score=learned&trainSteps=20&particles=200&seed=2');
  await expect(lab.phase).toContainText('waiting for drawn points');
  const rows = Array.from({ length: 60 }, (_, i) => `${(Math.cos(i / 10) * 2).toFixed(3)},${(Math.sin(i / 10) * 2).toFixed(3)}`);
  rows.splice(5, 0, 'NaN,1', '3,');
  const csv = `x,y\n${rows.join('\n')}\n`;
  await page.getByTestId('points-file-drawn').setInputFiles({ name: 'circle.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByTestId('points-report');
  await expect(report).toHaveText('Loaded 60 points from circle.csv; a header row skipped; 2 rows without two finite numbers dropped (lines 7, 8).');
  await expect(page.getByTestId('points-count')).toHaveText('60 points drawn');
  await expect.poll(async () => (await lab.run()).iteration, { timeout: 30_000 }).toBeGreaterThan(20);
  expect((await lab.hashParam('drawn'))!.length).toBeGreaterThan(60 * 4);

  // a file that is not a data set: the message, and the points stay
  await page.getByTestId('points-file-drawn').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
  await expect(report).toContainText('could not be read: expected a list of points');
  await expect(report).toContainText('The current points are kept.');
  await expect(page.getByTestId('points-count')).toHaveText('60 points drawn');
});
