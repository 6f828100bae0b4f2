// Which score a Samplers run uses, and why: exact closed forms when they exist at the levels the
// sampler visits, otherwise a learned MLP. The reasons become notes the UI shows. Decided from the two
// catalogs alone (what the target's family offers, what the sampler needs), so the schema's "learned
// score" controls (params.ts) and the experiment follow the same rule. No tfjs here.
import type { SamplerEntry, SamplerId } from '../../core/samplers/catalog';
import { SAMPLERS, samplerNeeds } from '../../core/samplers/catalog';
import { targetOffers, type TargetEntry } from '../../core/targets/catalog';

export interface ScorePlan {
  /** the sampler that will actually run (MALA/HMC on a data set fall back to ULA) */
  sampler: SamplerId;
  useLearned: boolean;
  /** exact score available at the levels this sampler visits (for the side-by-side field) */
  exactAvailable: boolean;
  notes: string[];
}

/** a Metropolis sampler on a target without a density runs this instead */
const FALLBACK: SamplerId = 'ula';

export function planScore(target: Pick<TargetEntry, 'name' | 'family'>, sampler: SamplerEntry, requested: 'exact' | 'learned'): ScorePlan {
  const notes: string[] = [];
  const offers = targetOffers(target.family);
  let s = sampler;
  if (samplerNeeds(s).mixture && target.family !== 'mixture') {
    // the nearest sampler that also needs no gradient, where there is a density for it
    const instead = offers.density ? SAMPLERS.rwm : SAMPLERS[FALLBACK];
    notes.push(`${s.name} draws each coordinate from its exact conditional, which only the Gaussian mixtures give here: running ${instead.name} on ${target.name} instead.`);
    s = instead;
  }
  if (samplerNeeds(s).density && !offers.density) {
    notes.push(`${s.name} needs a density for its accept/reject step and ${target.name} only gives samples: running ${SAMPLERS[FALLBACK].name} with the learned score instead.`);
    s = SAMPLERS[FALLBACK];
  }
  const exactAvailable = offers.score && (!samplerNeeds(s).noisedScore || offers.noisedScore);
  // a gradient-free sampler (random-walk Metropolis) reads the density only: nothing to learn
  if (!samplerNeeds(s).score) return { sampler: s.id as SamplerId, useLearned: false, exactAvailable, notes };
  let useLearned = requested === 'learned';
  if (!exactAvailable && !useLearned) {
    useLearned = true;
    notes.push(
      target.family === 'dataset'
        ? `${target.name} is a data set: its score is unknown, so an MLP learns it first (denoising score matching).`
        : `${target.name} has no closed-form noised score, so ${s.name} uses a learned score (trained first).`,
    );
  }
  return { sampler: s.id as SamplerId, useLearned, exactAvailable, notes };
}
