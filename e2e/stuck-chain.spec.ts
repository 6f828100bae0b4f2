// A Metropolis chain whose step is far too large rejects every proposal: the run goes on (no divergence),
// so the page says the chain stopped moving and offers a smaller step, whose button gets it moving again.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('a MALA chain at acceptance 0 is reported with a tenth of its step, and the fix gets it moving', async ({ page }) => {
  const lab = new SamplersLab(page);
  const advice = page.getByTestId('advice');
  const fix = page.getByTestId('advice-fix');
  await lab.open('backend=wasm&target=mog40&sampler=mala&step=30&particles=200&seed=2');
  await expect(advice).toContainText(/The chain has stopped moving: MALA accepted 0\.\d+% of its proposals over the last 300 iterations/);
  await expect(advice).toContainText('try 3 (a tenth of it)');
  await expect(fix).toHaveText('Use step size 3');
  // a notice, not a failure: the run goes on
  await expect(lab.status).toHaveText('running');
  await expect(lab.error).toBeHidden();
  expect(await lab.lastMetric('accept_rate')).toBeLessThan(0.01);
  const runId = (await lab.run()).runId;

  await lab.press(fix);
  await expect.poll(() => lab.hashParam('step')).toBe('3');
  await expect(lab.numberInput('Step size')).toHaveValue('3');
  // the chain moves again and the notice goes by itself
  await expect(advice).toBeHidden();
  await expect.poll(() => lab.lastMetric('accept_rate'), { message: 'acceptance should recover' }).toBeGreaterThan(0.2);
  // a live change of the same run, not a restart
  expect((await lab.run()).runId).toBe(runId);
  await lab.expectRunning();
});
