import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { gmmScore } from '../gmm';
import { makeMixtureTarget, type MixtureId } from './mixtures';
import mog40 from './mog40.json';

const IDS: MixtureId[] = ['mog40', '8gaussians', 'hexagon', 'ring', 'two-modes'];

describe('mixture targets', () => {
  it('MoG-40 is the DiKL table: 40 equal weights, std softplus(1), box [-56, 56]²', () => {
    const t = makeMixtureTarget('mog40');
    const mix = t.mixture!;
    expect(mix).toHaveLength(40);
    expect(mix[0].mean).toEqual([-0.2995, 21.4577]);
    expect(mix[39].mean).toEqual([3.6797, -25.0242]);
    expect(Math.sqrt(mix[7].cov[0])).toBeCloseTo(Math.log1p(Math.E), 6); // softplus(1)
    expect(new Set(mix.map((c) => c.w)).size).toBe(1);
    expect(t.box).toEqual({ xmin: -56, xmax: 56, ymin: -56, ymax: 56 });
    expect(mog40.std).toBeCloseTo(1.31326, 5);
    // at a mean the density is that component's peak, 1/40 · 1/(2π σ²) (the others are > 10 units away)
    const x = tf.tensor2d([mix[12].mean]);
    const lp = t.logDensity!(x);
    expect(lp.dataSync()[0]).toBeCloseTo(Math.log(1 / 40 / (2 * Math.PI * mix[12].cov[0])), 3);
    tf.dispose([x, lp]);
  });

  it('8 Gaussians follows the DxMI convention (radius 4/1.414, std 0.5/1.414)', () => {
    const mix = makeMixtureTarget('8gaussians').mixture!;
    expect(mix).toHaveLength(8);
    for (const c of mix) {
      expect(Math.hypot(...c.mean)).toBeCloseTo(2.8289, 3);
      expect(Math.sqrt(c.cov[0])).toBeCloseTo(0.35361, 4);
    }
  });

  it('hexagon, ring and two-modes have the documented geometry', () => {
    const hex = makeMixtureTarget('hexagon').mixture!;
    expect(hex.map((c) => c.mean[0].toFixed(6))).toEqual(['4.000000', '2.000000', '-2.000000', '-4.000000', '-2.000000', '2.000000']);
    expect(hex.every((c) => c.cov[0] === 1 && c.cov[1] === 0 && c.cov[2] === 1)).toBe(true);
    const ring = makeMixtureTarget('ring').mixture!;
    expect(ring).toHaveLength(12);
    ring.forEach((c) => expect(Math.hypot(...c.mean)).toBeCloseTo(5, 10));
    const two = makeMixtureTarget('two-modes').mixture!;
    expect(two.map((c) => c.w)).toEqual([0.75, 0.25]);
    expect(two[1].mean).toEqual([2.5, 1.5]);
  });

  it.each(IDS)('%s: square box holding the samples, score = gmmScore at any level, replayable sampler', (id) => {
    const t = makeMixtureTarget(id);
    expect(t.kind).toBe('mixture');
    expect(t.exactNoisedScore).toBe(true);
    expect(t.box.xmax - t.box.xmin).toBeCloseTo(t.box.ymax - t.box.ymin, 10);
    const s = t.sample(2000, new Rng(4));
    const d = s.dataSync();
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      if (d[2 * i] > t.box.xmin && d[2 * i] < t.box.xmax && d[2 * i + 1] > t.box.ymin && d[2 * i + 1] < t.box.ymax) inside++;
    }
    expect(inside).toBe(2000);
    const level = { a: 0.6, s2: 0.64 };
    const a = t.score!(s, level);
    const b = gmmScore(s, t.mixture!, level);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const again = t.sample(2000, new Rng(4));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d));
    tf.dispose([s, a, b, again]);
  });

  it('custom takes its components, validates them, and copies them', () => {
    const comps = [{ w: 1, mean: [1, 2] as [number, number], cov: [0.5, 0.1, 0.3] as [number, number, number] }];
    const t = makeMixtureTarget('custom', { components: comps });
    comps[0].mean[0] = 99;
    expect(t.mixture![0].mean).toEqual([1, 2]);
    expect(t.box.xmin).toBeLessThan(1 - 4 * Math.sqrt(0.5) + 1e-9);
    expect(() => makeMixtureTarget('custom')).toThrow(/at least one component/);
    expect(() => makeMixtureTarget('custom', { components: [{ w: 1, mean: [0, 0], cov: [1, 3, 1] }] })).toThrow(/semi-definite/);
  });
});
