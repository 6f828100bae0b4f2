import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { gaussianSampler, run } from './test-samplers';
import { momentError, moments, TARGET } from './test-gaussian';

function meanAccept(h: number, steps: number, seed: number) {
  const s = gaussianSampler('mala', { step: h, n: 1000, seed });
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += s.step().accept!;
  s.dispose();
  return sum / steps;
}

describe('MALA', () => {
  it('acceptance falls as the step grows and stays in (0, 1]', () => {
    const acc = [0.05, 0.25, 0.8].map((h) => meanAccept(h, 60, 7));
    expect(acc[0]).toBeGreaterThan(acc[1] + 0.1);
    expect(acc[1]).toBeGreaterThan(acc[2] + 0.1);
    expect(acc[0]).toBeLessThanOrEqual(1);
    expect(acc[2]).toBeGreaterThan(0);
  });

  it('is unbiased at a step where ULA is visibly biased', () => {
    const h = 0.25;
    const target = { mean: TARGET.m, cov: TARGET.S };
    const mala = gaussianSampler('mala', { step: h, n: 3000, seed: 8 });
    run(mala, 150);
    const errMala = momentError(moments(mala.particles()), target);
    mala.dispose();
    const ula = gaussianSampler('ula', { step: h, n: 3000, seed: 8 });
    run(ula, 150);
    const errUla = momentError(moments(ula.particles()), target);
    ula.dispose();
    expect(errMala.mean).toBeLessThan(0.08);
    expect(errMala.cov).toBeLessThan(0.12);
    expect(errUla.cov).toBeGreaterThan(0.2);
  });

  it('reads the acceptance lazily: valid until the next step, NaN if never read before it', () => {
    const s = gaussianSampler('mala', { step: 0.25, n: 200, seed: 9 });
    const first = s.step();
    const second = s.step();
    const v = second.accept!;
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual(1);
    expect(second.accept).toBe(v); // cached, no second read
    expect(Number.isNaN(first.accept)).toBe(true);
    s.dispose();
  });

  it('needs a log density and frees its init when it refuses', () => {
    const before = tf.memory().numTensors;
    expect(() => gaussianSampler('mala', { logDensity: undefined })).toThrow(/logDensity/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
