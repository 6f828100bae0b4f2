// A first lecture on Marion et al. 2024 (Implicit Diffusion): optimize the parameters of a sampler's
// target in a single loop, moving θ while the particles are still sampling.
import type { Tour } from '../codec/tour-codec';

export const implicitTour: Tour = {
  id: 'implicit-intro',
  lab: 'implicit',
  title: 'Optimizing through a sampler',
  blurb: 'Five steps: the single-loop update, its cost against a nested loop, a reward you place, a KL leash, and fine-tuning a diffusion.',
  steps: [
    {
      link: '#/implicit?preset=paper-5-1',
      caption: "The paper's first experiment: θ are the weights of a six-component mixture, Langevin particles sample it, and each iteration takes one Langevin step and one θ step.",
      lookFor: 'The weights (bars) move to the rewarded component while the particles follow; the bar ticks are the exact gradient flow, and the particle run tracks it although the particles never converge between θ updates.',
    },
    {
      link: '#/implicit?preset=single-vs-nested',
      caption: 'Single loop against a nested loop that runs 20 Langevin steps per θ update, at equal cost.',
      lookFor: 'On "J against ∇V evaluations" the single loop reaches the best component long before the nested loop: per unit of sampling cost it makes many more θ updates.',
    },
    {
      link: '#/implicit?preset=means-bump',
      caption: 'Now θ are the six centres and the reward is a bump you place: click anywhere on the plane.',
      lookFor: 'The nearest components slide toward the bump first, then the others follow until all six pile up on it.',
    },
    {
      link: '#/implicit?preset=kl-regularized',
      caption: 'A KL penalty toward the starting distribution (λ = 0.1).',
      lookFor: 'The weights no longer collapse onto one component: the run settles where the reward gain balances the KL cost. Set λ to 0 to compare.',
    },
    {
      link: '#/implicit?preset=diffusion-finetune',
      caption: 'The same idea on a 10-step diffusion sampler: batches in flight, one reverse step per θ update.',
      lookFor: 'The red fine-tuned samples leave the white base samples for the rewarded components, and on the cost chart the queue gets there in far fewer sampler steps than the nested loop.',
    },
  ],
};
