// Annealed Langevin dynamics (Song & Ermon 2019, Alg. 1) over VE noise levels sigma_1 > ... > sigma_L:
// at level i the particles follow Langevin on p_sigma_i = p * N(0, sigma_i^2 I) for a fixed number of
// steps, with step alpha_i = h * sigma_i^2 / sigma_L^2 so that alpha_i / sigma_i^2 (the step measured in
// units of the level's own scale) is the same at every level.
// Convention: x <- x + alpha s + sqrt(2 alpha) z, the same as ULA here; the paper writes
// x + (eps/2) s + sqrt(eps) z, i.e. its eps is our 2 * alpha. Keep h / sigma_L^2 well below 1 for stability.
import { tf } from '../../tf';
import type { Tensor2D } from '../../tf';
import type { NoiseLevel } from '../../types';
import { ParticleSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

export class AnnealedSampler extends ParticleSampler {
  readonly id = 'annealed' as const;
  readonly length: number;
  private readonly sigmas: Float32Array;
  private readonly perLevel: number;

  constructor(opts: SamplerOptions) {
    super(opts);
    const sig = opts.annealSigmas;
    const per = opts.annealStepsPerLevel;
    const bad = (msg: string) => {
      this.dispose();
      return new Error(`sampler 'annealed': ${msg}`);
    };
    if (!sig || sig.length < 1) throw bad('annealSigmas must hold at least one noise level');
    for (let i = 0; i < sig.length; i++) {
      if (!(Number.isFinite(sig[i]) && sig[i] > 0)) throw bad(`annealSigmas[${i}] = ${sig[i]} must be > 0`);
      if (i > 0 && sig[i] > sig[i - 1]) throw bad('annealSigmas must be in descending order');
    }
    if (!(Number.isInteger(per) && per >= 1)) throw bad(`annealStepsPerLevel must be an integer >= 1, got ${per}`);
    this.sigmas = Float32Array.from(sig);
    this.perLevel = per;
    this.length = sig.length * per;
  }

  protected advance(k: number): Advance {
    const x = this.particles();
    const i = Math.floor(k / this.perLevel);
    const sigma = this.sigmas[i];
    const sigmaL = this.sigmas[this.sigmas.length - 1];
    const alpha = (this.h * sigma * sigma) / (sigmaL * sigmaL);
    const fused = this.fusedAffine({ a: 1, s2: sigma * sigma }, 1, alpha, Math.sqrt(2 * alpha));
    if (fused) return { x: fused };
    const s = this.score(x, { a: 1, s2: sigma * sigma });
    const x1 = tf.add(tf.add(x, tf.mul(s, alpha)), tf.mul(this.noise(), Math.sqrt(2 * alpha))) as Tensor2D;
    return { x: x1 };
  }

  /** the level of the latest step (the first level before any step: init is meant to be drawn at sigma_1) */
  protected levelNow(): NoiseLevel {
    const i = Math.min(Math.floor(Math.max(this.iteration - 1, 0) / this.perLevel), this.sigmas.length - 1);
    return { a: 1, s2: this.sigmas[i] * this.sigmas[i] };
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default AnnealedSampler;
