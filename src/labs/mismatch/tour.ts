// A first lecture on Liang et al. 2024: a sampler run with a wrong score has a bias that more steps do
// not remove, and zero-shot conditional rules (DDNM, BO-DDNM) are exactly such a wrong score.
import type { Tour } from '../codec/tour-codec';

export const mismatchTour: Tour = {
  id: 'mismatch-intro',
  lab: 'mismatch',
  title: 'When the score is wrong',
  blurb: 'Six steps: a bias floor that more steps cannot lower, where it comes from, and what it means for zero-shot inverse problems.',
  steps: [
    {
      link: '#/mismatch?preset=bias-persists',
      caption: 'A Gaussian target sampled with its exact score plus a constant push ε = 0.3.',
      lookFor: '"Bias against T": with the exact score the KL falls toward 0 as T grows; with the pushed score it levels off at a floor set by the accumulated mismatch B_T, which hardly depends on T.',
    },
    {
      link: '#/mismatch?preset=training-mixture',
      caption: 'The sampler uses the exact score of a different mixture (the handles) than the target.',
      lookFor: 'The samples follow the wrong mixture. The mismatch Δ_t is largest between the modes at middle noise levels. Drag a handle onto the target mode and watch E‖Δ_t‖² and the bias drop.',
    },
    {
      link: '#/mismatch?preset=learned-score',
      caption: 'A score network trained for only 200 steps: a realistic source of mismatch.',
      lookFor: 'More sampling steps do not close the gap to the exact-score sampler. Set "Training steps" to 3000 and run again: E‖Δ_t‖², B_T and the gap all shrink.',
    },
    {
      link: '#/mismatch?preset=ddnm-vs-bo',
      caption: 'Now a noisy measurement y = x₁ + noise: DDNM forces the measurement exactly, ignoring the noise.',
      lookFor: 'On the plane the DDNM samples collapse onto the measured line while the exact posterior (white) is spread across it. In "KL against T" DDNM is orders of magnitude above the others and grows with T.',
    },
    {
      link: '#/mismatch?preset=ddnm-vs-bo&rule=bo-ddnm',
      caption: 'The same problem with BO-DDNM, the rule derived from the mismatch analysis.',
      lookFor: 'The samples now match the white posterior. Its KL still levels off near 0.09: the remaining mismatch is a bias floor, just as in the first step.',
    },
    {
      link: '#/mismatch?preset=noise-level-mismatch',
      caption: 'BO-DDNM told the wrong measurement noise (0.05 instead of 0.3).',
      lookFor: 'A wrong noise level is one more mismatch: BO-DDNM\'s KL moves toward DDNM\'s.',
    },
  ],
};
