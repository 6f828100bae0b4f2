// Gaussian-mixture targets: every closed form (density, exact noised score at any level, exact samples,
// marginals) comes from gmm.ts, so these are tables of components and nothing else.
import { gmmLogProb, gmmMarginal, gmmSample, gmmScore } from '../gmm';
import { checkMixture } from '../gmm-terms';
import type { Mixture, Vec2 } from '../types';
import type { Target, TargetOptions } from './types';
import { mixtureBox } from './box';
import { TARGETS, type TargetIdOf } from './catalog';
import mog40 from './mog40.json';

export type MixtureId = TargetIdOf<'mixture'>;

const iso = (mean: Vec2, std: number, w = 1) => ({ w, mean, cov: [std * std, 0, std * std] as [number, number, number] });

/** DiKL's MoG-40 (METHODS.md §0.3): 40 equal weights, std softplus(1), means from the torch seed-0 table */
export const MOG40: Mixture = mog40.means.map(([x, y]) => iso([x, y], mog40.std));

/** DxMI's 8 Gaussians: centres 4·(unit directions), point noise 0.5, then everything divided by 1.414 */
export const EIGHT_GAUSSIANS: Mixture = (() => {
  const r = Math.SQRT1_2;
  const dirs: Vec2[] = [[1, 0], [-1, 0], [0, 1], [0, -1], [r, r], [r, -r], [-r, r], [-r, -r]];
  return dirs.map(([x, y]) => iso([(4 * x) / 1.414, (4 * y) / 1.414], 0.5 / 1.414));
})();

/** Implicit Diffusion's hexagon: centres 4(cos kπ/3, sin kπ/3), unit covariance, equal weights */
export const HEXAGON: Mixture = Array.from({ length: 6 }, (_, k) =>
  iso([4 * Math.cos((k * Math.PI) / 3), 4 * Math.sin((k * Math.PI) / 3)], 1));

/** 12 narrow modes on a circle of radius 5: many well separated modes, a mode-hopping stress test */
export const RING: Mixture = Array.from({ length: 12 }, (_, k) =>
  iso([5 * Math.cos((k * Math.PI) / 6), 5 * Math.sin((k * Math.PI) / 6)], 0.35));

/** unequal weights and widths: shows whether a sampler gets the mass ratio 3:1 right, not only the modes */
export const TWO_MODES: Mixture = [iso([-2, 0], 0.6, 0.75), iso([2.5, 1.5], 1.0, 0.25)];

function mixtureTarget(id: MixtureId, mix: Mixture, box = mixtureBox(mix)): Target {
  return {
    id, label: TARGETS[id].name, kind: 'mixture', box, mixture: mix, normalized: true, exactNoisedScore: true,
    logDensity: (x) => gmmLogProb(x, mix),
    score: (x, level) => gmmScore(x, mix, level),
    sample: (n, rng) => gmmSample(n, mix, rng),
    marginal: (axis, xs) => gmmMarginal(mix, axis, xs),
  };
}

export function makeMixtureTarget(id: MixtureId, opts: TargetOptions = {}): Target {
  switch (id) {
    case 'mog40':
      // DiKL plots MoG-40 on [-56, 56]²
      return mixtureTarget(id, MOG40, { xmin: -56, xmax: 56, ymin: -56, ymax: 56 });
    case '8gaussians':
      return mixtureTarget(id, EIGHT_GAUSSIANS);
    case 'hexagon':
      return mixtureTarget(id, HEXAGON);
    case 'ring':
      return mixtureTarget(id, RING);
    case 'two-modes':
      return mixtureTarget(id, TWO_MODES);
    case 'custom': {
      const comps = opts.components;
      if (!comps || comps.length === 0) {
        throw new Error("target 'custom' needs at least one component (TargetOptions.components is empty)");
      }
      // copy, so later edits of the caller's array cannot change a running target
      const mix: Mixture = comps.map((c) => ({ w: c.w, mean: [c.mean[0], c.mean[1]], cov: [c.cov[0], c.cov[1], c.cov[2]] }));
      checkMixture(mix);
      return mixtureTarget(id, mix);
    }
  }
}
