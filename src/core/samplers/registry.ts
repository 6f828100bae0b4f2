// Samplers by id (score_sde registers predictors by name the same way), plus the default VE ladder for
// annealed Langevin. The ids and everything else about a sampler are data in catalog.ts; this is the one
// tfjs-side table, and `Record<SamplerId, ...>` does not compile while a catalog entry has no class here.
import type { Sampler, SamplerId, SamplerOptions } from './types';
import { UlaSampler } from './ula';
import { MalaSampler } from './mala';
import { HmcSampler } from './hmc';
import { AnnealedSampler } from './annealed';
import { DdpmSampler } from './ddpm';
import { DdimSampler } from './ddim';
import { FlowSampler } from './flow';

const CTORS: Record<SamplerId, new (opts: SamplerOptions) => Sampler> = {
  ula: UlaSampler,
  mala: MalaSampler,
  hmc: HmcSampler,
  annealed: AnnealedSampler,
  ddpm: DdpmSampler,
  ddim: DdimSampler,
  flow: FlowSampler,
};

/** Build a sampler. It takes ownership of opts.init (also when the constructor throws). */
export function createSampler(id: SamplerId, opts: SamplerOptions): Sampler {
  const Ctor = CTORS[id];
  if (!Ctor) {
    if (opts.init && !opts.init.isDisposed) opts.init.dispose();
    throw new Error(`unknown sampler '${id}'; known: ${Object.keys(CTORS).join(', ')}`);
  }
  return new Ctor(opts);
}

/**
 * Geometric noise ladder sigmaMax = sigma_1 > ... > sigma_levels = sigmaMin (Song & Ermon use 10 levels
 * from 1 to 0.01 on images). A single level is sigmaMin: the run must still end near the target.
 */
export function defaultAnnealSigmas(sigmaMax: number, sigmaMin: number, levels: number): Float32Array {
  if (!(Number.isFinite(sigmaMin) && sigmaMin > 0)) throw new Error(`annealSigmas: sigmaMin must be > 0, got ${sigmaMin}`);
  if (!(Number.isFinite(sigmaMax) && sigmaMax >= sigmaMin)) {
    throw new Error(`annealSigmas: sigmaMax must be >= sigmaMin (${sigmaMin}), got ${sigmaMax}`);
  }
  if (!(Number.isInteger(levels) && levels >= 1)) throw new Error(`annealSigmas: levels must be an integer >= 1, got ${levels}`);
  const out = new Float32Array(levels);
  if (levels === 1) {
    out[0] = sigmaMin;
    return out;
  }
  const ratio = Math.log(sigmaMin / sigmaMax) / (levels - 1);
  for (let i = 0; i < levels; i++) out[i] = sigmaMax * Math.exp(ratio * i);
  out[levels - 1] = sigmaMin; // exact endpoint despite rounding
  return out;
}
