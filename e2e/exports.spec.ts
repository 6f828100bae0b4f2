// Every export produces a valid file: PNGs decode, SVGs stand alone, CSVs parse, the metric JSON has
// its series, and an experiment file opens back to the very link it was saved from. The equations
// panel renders KaTeX with the current values and follows the controls.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = (await (d as Download).path())!;
  return { name: d.suggestedFilename(), bytes: await readFile(path), path };
}

/** PNG signature, then the IHDR chunk's width and height */
function pngSize(b: Buffer): { w: number; h: number } {
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

/** the file decodes as an image in the browser too */
async function decodesInPage(page: Page, b: Buffer, type: string): Promise<{ w: number; h: number }> {
  return page.evaluate(async ([b64, t]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([bytes], { type: t }));
    await img.decode();
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, [b.toString('base64'), type] as const);
}

function csvRows(text: string): number[][] {
  const [head, ...rows] = text.trim().split('\n');
  expect(head).toBe('x,y');
  return rows.map((r) => {
    const v = r.split(',').map(Number);
    expect(v).toHaveLength(2);
    expect(v.every(Number.isFinite), r).toBe(true);
    return v;
  });
}

const menuItem = (panel: Locator, name: string) => panel.locator('.plot-export-items button', { hasText: name });

test('plots, particles and metrics export as valid files', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=300&sampler=mala&seed=3');
  await lab.expectRunning();
  await expect(lab.chart('Acceptance rate')).toBeVisible();
  await lab.pause();

  // the main plane (canvases + SVG) as PNG and SVG
  const plane = await downloaded(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click());
  expect(plane.name).toBe('samplers-plane.png');
  const ps = pngSize(plane.bytes);
  expect(ps.w).toBeGreaterThan(200);
  expect(await decodesInPage(page, plane.bytes, 'image/png')).toEqual({ w: ps.w, h: ps.h });

  // a chart from its export menu: PNG and a standalone SVG
  const chart = page.locator('[data-export-panel="accept"]');
  await chart.locator('summary').click();
  const cp = await downloaded(page, () => menuItem(chart, 'PNG').click());
  expect(cp.name).toBe('samplers-accept.png');
  expect(pngSize(cp.bytes).w).toBeGreaterThan(100);
  await chart.locator('summary').click();
  const cs = await downloaded(page, () => menuItem(chart, 'SVG').click());
  const svg = cs.bytes.toString('utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('Acceptance rate'); // the panel title is drawn into the figure
  expect(svg).not.toMatch(/class="/); // page CSS is inlined, not referenced
  const shown = await decodesInPage(page, cs.bytes, 'image/svg+xml');
  expect(shown.w).toBeGreaterThan(100);

  // a histogram panel's menu works too
  const hist = page.locator('[data-export-panel="histX"]');
  await hist.locator('summary').click();
  expect(pngSize((await downloaded(page, () => menuItem(hist, 'PNG').click())).bytes).h).toBeGreaterThan(50);

  // particles CSV: header and one numeric row per particle
  const csv = await downloaded(page, () => page.getByTestId('csv-particles').click());
  expect(csv.name).toBe('samplers-particles.csv');
  expect(csvRows(csv.bytes.toString('utf8'))).toHaveLength(300);

  // the metric series as JSON
  const m = await downloaded(page, () => page.getByTestId('save-metrics').click());
  const j = JSON.parse(m.bytes.toString('utf8'));
  expect(j).toMatchObject({ app: 'sampling-playground', lab: 'samplers' });
  expect(j.link).toContain('#/samplers?');
  expect(j.iteration).toBeGreaterThan(0);
  expect(j.series.accept_rate.xs.length).toBeGreaterThan(0);
  expect(j.series.accept_rate.ys).toHaveLength(j.series.accept_rate.xs.length);
  expect(j.series.sw2.label).toMatch(/W/);
});

test('an experiment file opens back to the same link; a bad file says why', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=300&sampler=ula&seed=5&hide=presets');
  await lab.expectRunning();
  await lab.numberInput('Step size').fill('0.02');
  await expect.poll(() => lab.hashParam('step')).toBe('0.02');
  const saved = await downloaded(page, () => page.getByTestId('save-experiment').click());
  const file = JSON.parse(saved.bytes.toString('utf8'));
  expect(file).toMatchObject({ format: 'sampling-playground/experiment', lab: 'samplers', seed: 5, backend: 'wasm' });
  expect(file.params.step).toBe('0.02');
  expect(file.ui.hide).toEqual(['presets']);
  expect(await page.evaluate(() => location.hash)).toBe(file.link);

  // change the experiment, then open the file: the URL is the exported link again
  await lab.numberInput('Step size').fill('0.07');
  await lab.control('target').selectOption('8gaussians');
  await expect.poll(() => lab.hashParam('target')).toBe('8gaussians');
  await page.getByTestId('open-experiment').setInputFiles(saved.path);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(file.link);
  await expect(lab.numberInput('Step size')).toHaveValue('0.02');
  await expect(lab.control('target')).toHaveValue('mog40');
  await expect(page.getByTestId('experiment-status')).toContainText('Opened');
  await lab.expectRunning();

  // malformed files: a clear message, the page keeps working
  await page.getByTestId('open-experiment').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": nope') });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('not JSON');
  await page.getByTestId('open-experiment').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByRole('alert').filter({ hasText: 'other.json' })).toContainText('not an experiment');
  // a file with bad values is corrected with notices, like a link
  const bad = { ...file, params: { ...file.params, step: 'NaN', bogus: '1' } };
  await page.getByTestId('open-experiment').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(lab.notice).toContainText('step="NaN" is not a number');
  await expect(lab.notice).toContainText('"bogus" is not a setting of samplers');
  await expect.poll(() => lab.hashParam('step')).toBe('0.05');
  expect(await lab.run()).toMatchObject({ message: null });
});

test('equations show the current values and follow the slider; other labs export their point layers', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=200&sampler=ula');
  const panel = page.getByTestId('equations');
  await panel.locator('summary').click();
  await expect(panel.locator('.katex').first()).toBeVisible();
  await expect(panel.locator('.katex-display')).toHaveCount(1);
  await expect(panel.locator('.katex-mathml').first()).toContainText('0.05');
  await lab.numberInput('Step size').fill('0.037');
  await expect(panel.locator('.katex-mathml').first()).toContainText('0.037');
  // the slider too (log scale: the middle is 10^-1.5 = 0.0316)
  await lab.control('step').fill('500');
  await expect(panel.locator('.katex-mathml').first()).toContainText('0.0316');
  // the branch follows the sampler
  await lab.control('sampler').selectOption('hmc');
  await expect(panel).toContainText('leapfrog');
  // KaTeX's fonts come from the build, by relative URL
  const fonts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('KaTeX_')));
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((f) => f.startsWith('http://127.0.0.1:'))).toBe(true);

  // the guidance lab has data and samples: a CSV for each, named for what it holds
  await page.goto('/#/guidance?backend=wasm&T=20&batch=16');
  const first = page.locator('.plane-wrap').first();
  await expect(first.getByTestId('csv-samples')).toBeVisible();
  await expect(first.getByTestId('csv-data')).toHaveText('Data CSV');
  const samples = await downloaded(page, () => first.getByTestId('csv-samples').click());
  expect(samples.name).toBe('guidance-samples.csv');
  expect(csvRows(samples.bytes.toString('utf8'))).toHaveLength(16);
  const data = await downloaded(page, () => first.getByTestId('csv-data').click());
  expect(csvRows(data.bytes.toString('utf8')).length).toBeGreaterThan(10);

  // an experiment of another lab, dropped on the page, switches to that lab with its values
  const other = { format: 'sampling-playground/experiment', version: 1, lab: 'samplers', params: { sampler: 'mala', step: '0.02', particles: '200' }, backend: 'wasm' };
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'samplers-experiment.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, JSON.stringify(other));
  await expect.poll(() => lab.hashParam('sampler')).toBe('mala');
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/samplers\?.*step=0\.02/);
  await expect(lab.control('sampler')).toHaveValue('mala');
});
