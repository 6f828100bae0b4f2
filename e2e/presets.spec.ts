// Classroom presets run to their end with the metrics they are about.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

test('DDPM on MoG-40 (exact score) runs to done and covers at least 35 of the 40 modes', async ({ page }) => {
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&preset=langevin-stuck-ddpm');
  await expect(lab.preset).toHaveValue('langevin-stuck-ddpm');
  await expect(lab.control('sampler')).toHaveValue('ddpm');
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  await expect(lab.iteration).toHaveText('100');
  await expect(lab.play).toHaveText('Run again');
  await expect(lab.chart('Modes covered')).toBeVisible();
  const modes = await lab.lastMetric('modes_covered');
  expect(modes).not.toBeNull();
  expect(modes!).toBeGreaterThanOrEqual(35);
});

test('a learned score on two spirals trains, then samples to done, with its loss chart', async ({ page }) => {
  await SamplersLab.traceRun(page);
  const lab = new SamplersLab(page);
  await lab.open('backend=wasm&preset=learned-spirals&trainSteps=200&T=50&particles=500');
  await expect(lab.control('score')).toHaveValue('learned');
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  await expect(lab.iteration).toHaveText('50');
  await expect(lab.phase).toHaveText(/step 50 \/ 50/);
  await expect(lab.chart('Score training loss (DSM)')).toBeVisible();
  expect(await lab.seriesLength('dsm_loss')).toBeGreaterThan(1);

  const trace = await lab.trace();
  const training = trace.phases.findIndex((p) => p.startsWith('training the score'));
  const sampling = trace.phases.findIndex((p) => p.startsWith('step '));
  expect(training, `phases: ${trace.phases.join(' | ')}`).toBeGreaterThanOrEqual(0);
  expect(sampling).toBeGreaterThan(training);
  expect(trace.statuses).toContain('running');
  expect(trace.statuses[trace.statuses.length - 1]).toBe('done');
});
