// A diverging run stops with a readable banner, and its button restarts with a smaller step.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('a too-large step diverges; "smaller step" restarts the run with a quarter of it', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=8gaussians&sampler=ula&step=100&particles=100');
  await expect(lab.status).toHaveText('diverged');
  await expect(lab.error).toContainText('diverged');
  await expect(lab.error).toContainText(/step size/i);
  await expect(lab.play).toBeDisabled();
  await expect(lab.step).toBeDisabled();

  await expect(lab.smallerStep).toHaveText('Use step size 25 and restart');
  const runId = (await lab.run()).runId;
  await lab.press(lab.smallerStep);
  await expect.poll(() => lab.hashParam('step')).toBe('25');
  await expect(lab.numberInput('Step size')).toHaveValue('25');
  // "restart": a new run, not the diverged one with a new step
  await expect.poll(async () => (await lab.run()).runId, { message: 'the smaller step should restart the run' }).toBeGreaterThan(runId);
});

test('shrinking the step until it is stable gets the run going again', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&target=8gaussians&sampler=ula&step=100&particles=100');
  await expect(lab.status).toHaveText('diverged');
  // 100 -> 25 -> 6.25 -> ... : each press restarts; stop once a run is not diverging
  for (let i = 0; i < 8 && (await lab.status.textContent()) === 'diverged'; i++) {
    const before = await lab.hashParam('step');
    await lab.press(lab.smallerStep);
    await expect.poll(() => lab.hashParam('step')).not.toBe(before);
    await expect(lab.status).toHaveText(/running|diverged/);
    // a diverging run says so within a few iterations; a stable one keeps counting
    await expect.poll(async () => (await lab.status.textContent()) === 'diverged' || (await lab.iterationNow()) > 20).toBe(true);
  }
  await lab.expectRunning();
  await expect(lab.error).toBeHidden();
  expect(Number(await lab.hashParam('step'))).toBeLessThan(1);
});
