// Samplers by id (score_sde registers predictors by name the same way), plus the default VE ladder for
// annealed Langevin. The ids and everything else about a sampler are data in catalog.ts; the class of
// sampler <id> is the default export of kinds/<id>.ts, found by that name, so adding a sampler is its
// class file, its catalog entry and its test, and no table here (registry.test.ts loads every catalog id).
// Loading is asynchronous (a dynamic import: the app's build gives each sampler its own chunk, fetched
// from the app itself); creating one is synchronous once its class is loaded.
import type { Sampler, SamplerId, SamplerOptions } from './types';
import { SAMPLER_IDS } from './catalog';

type SamplerClass = new (opts: SamplerOptions) => Sampler & { readonly id: string };
const CLASSES = new Map<string, SamplerClass>();

/** load the classes of these samplers (default: every catalog id); a second call for loaded ids is free */
export async function loadSamplers(ids: readonly SamplerId[] = SAMPLER_IDS): Promise<void> {
  await Promise.all(ids.filter((id) => !CLASSES.has(id)).map(async (id) => {
    if (!(SAMPLER_IDS as readonly string[]).includes(id)) throw new Error(`unknown sampler '${id}'; known: ${SAMPLER_IDS.join(', ')}`);
    const m = (await import(`./kinds/${id}.ts`)) as { default?: SamplerClass };
    if (typeof m.default !== 'function') throw new Error(`kinds/${id}.ts has no default export: it must export its sampler class as default`);
    CLASSES.set(id, m.default);
  }));
}

/** Build a sampler (its class loaded by loadSamplers first). It takes ownership of opts.init (also when the constructor throws). */
export function createSampler(id: SamplerId, opts: SamplerOptions): Sampler {
  const Ctor = CLASSES.get(id);
  if (!Ctor) {
    if (opts.init && !opts.init.isDisposed) opts.init.dispose();
    const known = (SAMPLER_IDS as readonly string[]).includes(id);
    throw new Error(known ? `sampler '${id}' is not loaded yet: await loadSamplers() before creating it` : `unknown sampler '${id}'; known: ${SAMPLER_IDS.join(', ')}`);
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
