// A first lecture on Guo et al. 2024 (gradient guidance): why naive guidance leaves the data's
// subspace, how look-ahead guidance stays on it, and why fine-tuning the prior goes further.
import type { Tour } from '../codec/tour-codec';

export const guidanceTour: Tour = {
  id: 'guidance-intro',
  lab: 'guidance',
  title: 'Guiding a diffusion toward a reward',
  blurb: 'Five steps: naive guidance leaving the data, look-ahead guidance staying on it, the regularized optimum, fine-tuning, and the trade-off front.',
  steps: [
    {
      link: '#/guidance?preset=naive-vs-lookahead',
      caption: 'A diffusion model of data on a line, guided by the naive gradient of a reward that points mostly off the line.',
      lookFor: 'Round after round the off-subspace ratio climbs and the samples leave the white line: the reward goes up, but the samples stop looking like the data.',
    },
    {
      link: '#/guidance?preset=naive-vs-lookahead&guidance=gloss&delta=0.2',
      caption: 'The same run with look-ahead guidance G_loss, which takes the gradient through the predicted clean sample.',
      lookFor: 'The off-subspace ratio stays near zero. In the two field plots, naive G points along the reward direction and G_loss along the line.',
    },
    {
      link: '#/guidance?preset=regularized-optimum',
      caption: 'The exact prior, G_loss, 300 rounds: how far can guidance alone go?',
      lookFor: 'The samples stay on the line and the mean reward rises, then levels off far below its maximum of 10: the pre-trained score keeps pulling the samples back (a regularized optimum).',
    },
    {
      link: '#/guidance?preset=fine-tuning',
      caption: 'Algorithm 2: from round 20 on, the score network is also fine-tuned on each new batch.',
      lookFor: 'The prior itself moves toward the samples, and the mean reward climbs well past where guidance alone stopped.',
    },
    {
      link: '#/guidance?preset=front',
      caption: 'A sweep over the guidance strength δ, with both kinds of guidance.',
      lookFor: '"Front over δ": the G_loss points stay on the vertical axis (no fidelity lost); the naive points lie to the right and lower, trading fidelity for reward.',
    },
  ],
};
