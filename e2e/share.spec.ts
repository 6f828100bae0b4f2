// Share, teach: the Share dialog's link and QR code, a teacher's hide= link opened by a student,
// presenter mode and its keyboard shortcuts, and an old (v1) link that still opens.
import { expect, test, type Page } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

const SMALL = 'backend=wasm&particles=300&seed=7&step=0.02';

/** Focus nothing, so a key press goes to the page (as after a click on the background). */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('a teacher hides controls in the Share dialog; the link opens with them hidden and the same params', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new SamplersLab(page);
  await lab.open(SMALL);
  await expect(lab.control('step')).toHaveCount(1);

  const share = page.getByTestId('share');
  await share.click();
  const dialog = page.getByRole('dialog', { name: /Share this/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByTestId('share-status')).toHaveText('Link copied');
  const field = page.getByTestId('share-link');
  await expect(field).toBeFocused();
  // what was copied is exactly the link shown, and the link is the page's address with the store's hash
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  expect(await field.inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/samplers\?v=3&seed=7&/);

  // the QR code is drawn (a path of dark modules inside a square viewBox)
  const qr = page.getByTestId('share-qr');
  await expect(qr).toBeVisible();
  expect((await qr.locator('path').getAttribute('d'))!.length).toBeGreaterThan(500);
  expect((await qr.boundingBox())!.width).toBeGreaterThan(300);

  // author the hide list: the link and the QR follow each tick
  const qrBefore = await qr.locator('path').getAttribute('d');
  await dialog.locator('[data-hide="step"]').check();
  await dialog.locator('[data-hide="charts"]').check();
  await dialog.locator('[data-hide="runbar"]').check();
  await expect(field).toHaveValue(/&hide=step,charts,runbar/);
  expect(await qr.locator('path').getAttribute('d')).not.toBe(qrBefore);
  const link = await field.inputValue();

  // Tab stays inside the dialog; Esc closes it and gives focus back to the Share button
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();
  // the teacher's own page already shows what the class will see
  await expect(lab.control('step')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Run' })).toHaveCount(0);

  // a student opens the link
  const student = await browser.newPage();
  await student.goto(link);
  await student.waitForFunction(() => window.__playground !== undefined);
  const s = new SamplersLab(student);
  await expect(s.control('sampler')).toBeVisible();
  await expect(s.control('step')).toHaveCount(0);
  await expect(student.getByRole('toolbar', { name: 'Run' })).toHaveCount(0);
  await expect(student.locator('.charts')).toHaveCount(0);
  await expect(student.getByTestId('notice')).toHaveCount(0);
  expect(await student.evaluate(() => {
    const st = window.__playground!.store.getState();
    return { step: st.params.step, particles: st.params.particles, seed: st.params.seed, hide: st.ui.hide };
  })).toEqual({ step: 0.02, particles: 300, seed: 7, hide: ['step', 'charts', 'runbar'] });
  // the lab runs with the hidden value: frames arrive although there is no run bar
  await expect.poll(() => s.frames()).toBeGreaterThan(1);

  // "show all" brings everything back and takes hide= out of the link
  await expect(student.getByTestId('hidden-notice')).toHaveText(/1 control and 2 sections hidden by this link/);
  await student.getByTestId('show-all').click();
  await expect(s.control('step')).toHaveCount(1);
  await expect(student.getByRole('toolbar', { name: 'Run' })).toHaveCount(1);
  await expect.poll(() => s.hashParam('hide')).toBeNull();
  await student.close();
});

test('presenter shortcuts: space, s, r, p, ? and f', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open(SMALL);
  await lab.expectRunning();
  await blur(page);
  const playing = () => page.evaluate(() => window.__playground!.store.getState().playing);

  await page.keyboard.press(' ');
  await expect.poll(playing).toBe(false);
  await expect(lab.status).toHaveText('paused');
  await page.keyboard.press(' ');
  await expect.poll(playing).toBe(true);
  await page.keyboard.press(' ');
  await expect(lab.status).toHaveText('paused');
  await lab.waitForQuiet(300);

  const before = (await lab.latestIteration())!;
  await page.keyboard.press('s');
  await expect.poll(() => lab.latestIteration()).toBe(before + 1);

  const runId = (await lab.run()).runId;
  await page.keyboard.press('r');
  await expect.poll(async () => (await lab.run()).runId).toBeGreaterThan(runId);
  await expect(lab.iteration).toHaveText('0');

  // p: presenter mode in the URL and on the page root; the controls step aside
  await page.keyboard.press('p');
  await expect.poll(() => lab.hashParam('present')).toBe('1');
  await expect(page.locator('html')).toHaveClass(/present-mode/);
  await expect(lab.control('sampler')).toBeHidden();
  await expect(page.getByTestId('present')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await expect.poll(() => lab.hashParam('present')).toBeNull();
  await expect(page.locator('html')).not.toHaveClass(/present-mode/);

  // keys typed into a field stay there
  await lab.numberInput('Step size').focus();
  await page.keyboard.press('p');
  await page.waitForTimeout(400);
  expect(await lab.hashParam('present')).toBeNull();
  await blur(page);

  // ? lists every shortcut; Esc closes
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  expect(await help.locator('kbd').allInnerTexts()).toEqual(expect.arrayContaining(['Space', 'S', 'R', 'F', 'P', '?']));
  await page.keyboard.press(' '); // shortcuts wait while a dialog is open
  await expect(lab.status).toHaveText('paused');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // f: full screen, or a readable message where the browser refuses it
  await blur(page);
  await page.keyboard.press('f');
  await expect.poll(async () => (await page.evaluate(() => document.fullscreenElement !== null)) || (await page.getByTestId('key-toast').innerText()).includes('full screen')).toBe(true);
});

test('a v1 link from before the compare rename opens the same experiment, without notices', async ({ page }) => {
  await page.goto('/#/implicit?v=1&backend=wasm&seed=3&mode=langevin&compare=1&inner=5&particles=50&hide=compare');
  await page.waitForFunction(() => window.__playground !== undefined);
  const params = await page.evaluate(() => {
    const s = window.__playground!.store.getState();
    return { nestedRun: s.params.nestedRun, inner: s.params.inner, hide: s.ui.hide, notices: s.notices };
  });
  expect(params).toEqual({ nestedRun: true, inner: 5, hide: ['nestedRun'], notices: [] });
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // the address is rewritten in the current version
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/v=3&seed=3&.*nestedRun=1.*&hide=nestedRun/);
  await expect(page.locator('[data-key="nestedRun"]')).toHaveCount(0);
  await expect(page.locator('[data-key="inner"]')).toHaveCount(1);
});
