// A first lecture on He et al. 2024 (DiKL): a one-step generator trained without data, only from the
// target's energy, and why comparing noised densities keeps it from collapsing onto a few modes.
import type { Tour } from '../codec/tour-codec';

export const diklTour: Tour = {
  id: 'dikl-intro',
  lab: 'dikl',
  title: 'Reverse KL collapses, diffusive KL does not',
  blurb: 'Five steps: a mode-seeking generator, the same generator trained with DiKL, both side by side, a small ring, and estimated scores.',
  steps: [
    {
      link: '#/dikl?preset=mog40-rkl',
      caption: 'A one-step generator trained by plain reverse KL against a 40-mode mixture, using the exact target score.',
      lookFor: 'Reverse KL only sees the target where its samples already are: it settles on the handful of modes near where it started, and "modes covered" stops early.',
    },
    {
      link: '#/dikl?preset=mog40-dikl',
      caption: 'The same generator trained with the diffusive KL: the two densities are also compared after adding noise.',
      lookFor: 'At high noise the far modes are visible from the origin, so the generator spreads over the whole box: modes covered climbs while sliced W₂ and the energy-histogram TVD fall.',
    },
    {
      link: '#/dikl?preset=mog40-compare',
      caption: 'Both objectives side by side from the same initial weights: red is DiKL, white is reverse KL.',
      lookFor: 'Both start as one blob at the origin; watch the two curves of "modes covered" separate.',
    },
    {
      link: '#/dikl?preset=8g-compare',
      caption: 'A small ring of eight Gaussians, where the contrast is quick to see.',
      lookFor: 'Reverse KL grabs a few modes; DiKL gets all eight within a few hundred updates.',
    },
    {
      link: '#/dikl?preset=mog40-ais',
      caption: "Without the closed-form noised score: the paper's estimator (mixed score identity with AIS and MALA posterior samples).",
      lookFor: 'Training is noisier and slower but still covers the modes. Click the inspector plane to compare estimated posterior samples (white) with exact ones (red).',
    },
  ],
};
