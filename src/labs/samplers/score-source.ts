// Which score a Samplers run uses, and why: exact closed forms when they exist at the levels the
// sampler visits, otherwise a learned MLP. The reasons become notes the UI shows.
import type { Target } from '../../core/targets/types';
import type { SamplerId } from '../../core/samplers/types';

export interface ScorePlan {
  /** the sampler that will actually run (MALA/HMC on a data set fall back to ULA) */
  sampler: SamplerId;
  useLearned: boolean;
  /** exact score available at the levels this sampler visits (for the side-by-side field) */
  exactAvailable: boolean;
  notes: string[];
}

const NOISED = new Set<SamplerId>(['annealed', 'ddpm', 'ddim', 'flow']);

export function planScore(target: Target, sampler: SamplerId, requested: 'exact' | 'learned'): ScorePlan {
  const notes: string[] = [];
  let s = sampler;
  if ((s === 'mala' || s === 'hmc') && !target.logDensity) {
    notes.push(`${s.toUpperCase()} needs a density for its accept/reject step and ${target.label} only gives samples: running ULA with the learned score instead.`);
    s = 'ula';
  }
  const needsNoised = NOISED.has(s);
  const exactAvailable = Boolean(target.score) && (!needsNoised || target.exactNoisedScore);
  let useLearned = requested === 'learned';
  if (!exactAvailable && !useLearned) {
    useLearned = true;
    notes.push(
      target.kind === 'dataset'
        ? `${target.label} is a data set: its score is unknown, so an MLP learns it first (denoising score matching).`
        : `${target.label} has no closed-form noised score, so ${s} uses a learned score (trained first).`,
    );
  }
  return { sampler: s, useLearned, exactAvailable, notes };
}
