import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { gaussianSampler, run } from './test-samplers';
import { readdirSync } from 'node:fs';
import { createSampler, defaultAnnealSigmas, loadSamplers } from './registry';
import { SAMPLER_IDS, type SamplerId } from './types';
import { SAMPLERS } from './catalog';
import { HmcSampler } from './kinds/hmc';
import { gaussianLogDensity, gaussianScore, TARGET } from './test-gaussian';
import { Rng } from '../rng';

// small, fast configurations of every sampler
const small = (id: SamplerId, seed = 1) =>
  gaussianSampler(id, { n: 64, seed, T: 6, integrator: id === 'flow' ? 'heun' : 'euler', eta: id === 'ddim' ? 0.5 : 0 });

describe('every sampler', () => {
  for (const id of SAMPLER_IDS) {
    describe(id, () => {
      it('replays bit for bit from the same seed; another seed differs', () => {
        const a = run(small(id, 7), 6);
        const b = run(small(id, 7), 6);
        expect(Array.from(b)).toEqual(Array.from(a));
        const c = run(small(id, 8), 6);
        expect(Array.from(c)).not.toEqual(Array.from(a));
        expect(a.every(Number.isFinite)).toBe(true);
      });

      it('keeps iteration / length / done consistent', () => {
        const s = small(id);
        expect(s.id).toBe(id);
        expect(s.iteration).toBe(0);
        expect(s.done).toBe(false);
        const { family } = SAMPLERS[id];
        const finite = family !== 'mcmc';
        expect(s.length).toBe(family === 'annealed' ? 4 * 5 : finite ? 6 : Infinity);
        const n = finite ? s.length : 9;
        for (let i = 0; i < n; i++) s.step();
        expect(s.iteration).toBe(n);
        expect(s.done).toBe(finite);
        if (finite) {
          const before = s.particles();
          s.step(); // a no-op once done
          expect(s.iteration).toBe(n);
          expect(s.particles()).toBe(before);
        }
        s.dispose();
        expect(() => s.particles()).toThrow(/dispose/);
      });

      it('leaks no tensors per step, under an outer tidy, and after dispose', () => {
        const before = tf.memory().numTensors;
        const s = small(id);
        s.step(); // warm-up (creates the kept acceptance scalar of mala/hmc)
        const warm = tf.memory().numTensors;
        s.step();
        expect(tf.memory().numTensors).toBe(warm);
        tf.tidy(() => {
          s.step(); // the particles must survive a caller's tidy
        });
        expect(tf.memory().numTensors).toBe(warm);
        expect(s.particles().isDisposed).toBe(false);
        s.dispose();
        s.dispose(); // idempotent
        expect(tf.memory().numTensors).toBe(before); // the init tensor it took over is gone too
      });

      it('takes live exactly the settings its catalog entry marks live, and refuses the rest whole', () => {
        const s = small(id);
        const entry = SAMPLERS[id];
        const live = entry.settings.filter((x) => x.live).map((x) => x.key);
        const example: Record<string, number | string | boolean> = { step: 0.01, leapfrog: 3, eta: 0.2 };
        for (const x of entry.settings) example[x.key] ??= x.default;
        for (const k of live) expect(s.update({ [k]: example[k] }), k).toBe(true);
        for (const k of ['step', 'leapfrog', 'eta'].filter((k) => !live.includes(k))) expect(s.update({ [k]: example[k] }), k).toBe(false);
        expect(s.update({ integrator: 'heun' })).toBe(false);
        if (live.includes('step')) {
          expect(() => s.update({ step: -1 })).toThrow(/step size/);
          expect(s.update({ step: 0.02, T: 3 })).toBe(false); // one key that needs a reset refuses the patch
        }
        if (live.includes('eta')) expect(() => s.update({ eta: 2 })).toThrow(/eta/);
        s.step();
        s.dispose();
      });
    });
  }

  it('diffusion samplers need a schedule; unknown ids are refused; init is freed either way', () => {
    const before = tf.memory().numTensors;
    expect(() => gaussianSampler('ddpm', { schedule: undefined })).toThrow(/schedule/);
    expect(() => gaussianSampler('nope' as SamplerId)).toThrow(/unknown sampler/);
    expect(() => gaussianSampler('ula', { step: 0 })).toThrow(/step size/);
    expect(tf.memory().numTensors).toBe(before);
    expect(typeof createSampler).toBe('function');
  });
});

describe('cost per chain', () => {
  it('counts score and density evaluations per chain: ULA 1 gradient a step, MALA 2 and 2, HMC L + 1, RWM none and 2', () => {
    const per = (id: SamplerId, settings = {}) => {
      const s = gaussianSampler(id, { n: 16, leapfrog: 5, settings });
      run(s, 3);
      const c = { ...s.cost };
      s.dispose();
      return [c.gradients / 3, c.densities / 3];
    };
    expect(per('ula')).toEqual([1, 0]);
    expect(per('mala')).toEqual([2, 2]);
    expect(per('hmc')[0]).toBe(6);
    expect(per('rwm')).toEqual([0, 2]);
    expect(per('gibbs')).toEqual([0, 0]);
  });
});

describe('loading by id', () => {
  it('kinds/ holds one class file per catalog id and nothing else, so a sampler is found by its name', () => {
    const files = readdirSync(new URL('./kinds', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    expect(files).toEqual([...SAMPLER_IDS].sort());
  });

  it('an unknown id is refused by loadSamplers with the known ids', async () => {
    await expect(loadSamplers(['nope' as SamplerId])).rejects.toThrow(/unknown sampler 'nope'; known: ula/);
  });
});

describe('settings by URL key', () => {
  it("reach a sampler through opts.settings and follow live updates (how a sampler's own setting needs no new option)", () => {
    // a test-only view of the protected accessor a sampler with a setting of its own reads each step
    class Probe extends HmcSampler {
      read(k: string) { return this.setting(k); }
    }
    const base = gaussianSampler('hmc', { n: 4 });
    const opts = { init: base.particles().clone(), score: gaussianScore(TARGET), logDensity: gaussianLogDensity(TARGET), rng: new Rng(1), step: 0.1, leapfrog: 2, eta: 0, integrator: 'euler' as const, annealStepsPerLevel: 1, settings: { leapfrog: 99, extra: 'kept' } };
    base.dispose();
    const s = new Probe(opts);
    expect(s.read('extra')).toBe('kept');
    expect(s.read('leapfrog')).toBe(2); // the named option wins over the bag for its own key
    expect(s.update({ leapfrog: 4 })).toBe(true);
    expect(s.read('leapfrog')).toBe(4);
    s.dispose();
  });
});

describe('defaultAnnealSigmas', () => {
  it('is geometric from sigmaMax to sigmaMin', () => {
    const s = defaultAnnealSigmas(10, 0.01, 4);
    expect(Array.from(s).map((v) => +v.toPrecision(6))).toEqual([10, 1, 0.1, 0.01]);
    expect(Array.from(defaultAnnealSigmas(2, 0.5, 1))).toEqual([0.5]);
    expect(() => defaultAnnealSigmas(0.1, 1, 3)).toThrow(/sigmaMax/);
    expect(() => defaultAnnealSigmas(1, 0, 3)).toThrow(/sigmaMin/);
    expect(() => defaultAnnealSigmas(1, 0.1, 0)).toThrow(/levels/);
  });
});
