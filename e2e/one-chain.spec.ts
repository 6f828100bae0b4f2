// The single-chain view: chain 1's proposals drawn, accepted and rejected ones told apart, HMC's leapfrog
// path, slow motion, and the Step button going one proposal at a time.
import { expect, test } from '@playwright/test';
import { SamplersLab } from './pages/samplers-lab';

type Chain = { moves: number[]; accepted: number[]; path: number[]; current: number[] };

test('following one chain shows its proposals, a rejection among them, and steps one at a time', async ({ page }) => {
  const lab = new SamplersLab(page);
  // HMC at a step large enough to refuse some trajectories
  await lab.open('backend=wasm&target=banana&sampler=hmc&step=1&leapfrog=10&particles=200&seed=5&follow=1&speed=1&delay=50');
  await expect(lab.control('follow')).toBeChecked();
  const chain = () => page.evaluate(() => {
    const l = window.__playground!.latest()?.layers.chain;
    return l && l.kind === 'chain' ? { moves: Array.from(l.moves), accepted: Array.from(l.accepted), path: Array.from(l.path), current: Array.from(l.current) } : null;
  }) as Promise<Chain | null>;
  // wait for state: a rejected and an accepted proposal among the ones shown
  await expect.poll(async () => {
    const c = await chain();
    return c ? new Set(c.accepted).size : 0;
  }, { timeout: 60_000 }).toBe(2);
  const c = (await chain())!;
  expect(c.path.length).toBe(2 * 11); // the latest trajectory: its start and 10 leapfrog positions
  // the plane's key names the layer
  await expect(page.locator('.plane-legend')).toContainText('chain 1: proposals');

  // paused, Step advances one iteration and one proposal
  await lab.pause();
  await lab.waitForQuiet();
  const before = (await chain())!;
  const it = await lab.iterationNow();
  await lab.press(lab.step);
  await expect.poll(() => lab.iterationNow()).toBe(it + 1);
  await expect.poll(async () => JSON.stringify((await chain())!.moves.slice(-4))).not.toBe(JSON.stringify(before.moves.slice(-4)));
  const after = (await chain())!;
  // the new event starts where the chain was
  expect(after.moves.slice(-4, -2)).toEqual(before.current);

  // off: the layer goes
  await lab.control('follow').uncheck();
  await expect.poll(chain).toBeNull();
});
