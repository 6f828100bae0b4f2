// The sample-based (mixture-prior) sweep point, checked on the Gaussian prior where the KL is known exactly:
// the KDE estimate must land near the closed form for a rule with a large bias, and stay small for the oracle.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { Rng } from '../rng';
import { gmmSample } from '../gmm';
import { propagateGaussian } from './gaussian-propagation';
import { toMixtureSetup } from './mixture-setup';
import { samplePoint } from './sample-sweep';
import { makeVpTable } from './schedule';
import { setup } from './test-fixtures';

describe('samplePoint (KL by KDE, SW₂ and exact W₂ to posterior samples)', () => {
  it('matches the closed-form KL on a Gaussian prior and orders oracle < unconditional', async () => {
    const cs = setup();
    const mix = toMixtureSetup(cs);
    const rng = new Rng(3);
    const x0 = gmmSample(600, mix.post, rng);
    const ref = { x0, z: tf.randomNormal([600, 2], 0, 1, 'float32', rng.seed()) as Tensor2D, x0xy: new Float32Array(await x0.data()) };
    const before = tf.memory().numTensors;
    const T = 30;
    const exact = (r: 'oracle' | 'uncond') => propagateGaussian(cs, r, makeVpTable('etc', T), 'large').kl;
    const unc = await samplePoint(mix, 'uncond', T, 'etc', 'large', 400, ref, 7);
    const orc = await samplePoint(mix, 'oracle', T, 'etc', 'large', 400, ref, 7);
    expect(tf.memory().numTensors).toBe(before); // no leak
    expect(exact('uncond')).toBeGreaterThan(1);
    expect(Math.abs(unc.kl - exact('uncond'))).toBeLessThan(0.15 * exact('uncond'));
    expect(orc.kl).toBeLessThan(0.2);
    expect(orc.sw2).toBeLessThan(unc.sw2);
    expect(orc.w2).toBeLessThan(unc.w2);
    // W₂ >= SW₂ up to estimation noise (projections never increase the distance)
    expect(unc.w2).toBeGreaterThan(0.8 * unc.sw2);
    tf.dispose([ref.x0, ref.z]);
  });

  it('rejects a T below 2', async () => {
    const mix = toMixtureSetup(setup());
    const z = tf.zeros([2, 2]) as Tensor2D;
    await expect(samplePoint(mix, 'oracle', 1, 'etc', 'large', 10, { x0: z, z, x0xy: new Float32Array(4) }, 1)).rejects.toThrow(/T must be/);
    z.dispose();
  });
});
