// Pause, single step and reset drive the worker's run.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('pause stops the run, step advances one iteration, reset goes back to 0', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=500');
  await lab.expectRunning();

  await lab.pause();
  await expect(lab.play).toHaveText('Play');
  // once paused (and the frame that was being made has landed), nothing moves
  await lab.waitForQuiet();
  const held = await lab.iterationNow();
  expect(await lab.latestIteration()).toBe(held);
  const frames = await lab.frames();
  await page.waitForTimeout(700); // an absence check: the run must not move during this window
  expect(await lab.iterationNow()).toBe(held);
  expect(await lab.frames()).toBe(frames);

  await expect(lab.step).toBeEnabled();
  await lab.press(lab.step);
  await expect(lab.iteration).toHaveText(String(held + 1));
  await lab.press(lab.step);
  await expect(lab.iteration).toHaveText(String(held + 2));
  await expect(lab.status).toHaveText('paused');

  await lab.press(lab.reset);
  await expect(lab.iteration).toHaveText('0');
  await expect(lab.status).toHaveText('paused');
  await expect.poll(() => lab.latestIteration()).toBe(0);

  // play resumes from the fresh run
  await lab.press(lab.play);
  await lab.expectRunning();
});

test('settings that rebuild the run, and Reset, keep a running lab running', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&particles=300');
  await lab.expectRunning();
  // each of these restarts the worker's run while its step loop is busy
  const edits: [string, () => Promise<unknown>][] = [
    ['target', () => lab.control('target').selectOption('8gaussians')],
    ['sampler', () => lab.control('sampler').selectOption('mala')],
    ['init', () => lab.control('init').selectOption('uniform')],
    ['particles', () => lab.numberInput('Particles').fill('400')],
    ['reset', () => lab.press(lab.reset)],
  ];
  for (const [what, edit] of edits) {
    const runId = (await lab.run()).runId;
    await edit();
    await expect.poll(async () => (await lab.run()).runId, { message: `${what}: a new run` }).toBeGreaterThan(runId);
    await expect(lab.status).toHaveText('running');
    await expect.poll(() => lab.iterationNow(), { message: `${what}: the new run should advance`, timeout: 10_000 }).toBeGreaterThan(0);
  }
});
