// A first lecture on sampling from a known density: why Langevin gets stuck, why diffusion does not,
// and what a Metropolis correction and momentum buy. Each step is a preset; captions say what to see.
import type { Tour } from '../codec/tour-codec';

export const samplersTour: Tour = {
  id: 'samplers-intro',
  lab: 'samplers',
  title: 'From Langevin to diffusion',
  blurb: 'Five steps: a stuck Langevin chain, reverse diffusion covering every mode, annealing that unsticks it, Metropolis and momentum.',
  steps: [
    {
      link: '#/samplers?preset=langevin-stuck',
      caption: 'Unadjusted Langevin (ULA) follows the exact score of a mixture of 40 Gaussians, starting from N(0, I).',
      lookFor: 'The particles drop into the few modes near the origin and stay there: "modes covered" stalls far below 40. Langevin is only exact after a very long time, and the deep valleys between modes make that time astronomically long.',
    },
    {
      link: '#/samplers?preset=langevin-stuck-ddpm',
      caption: 'Same target, same exact score, but now DDPM: start from broad noise and remove it in T = 100 steps.',
      lookFor: 'At high noise the noised density is one blob, so nothing gets stuck; the modes separate only as the noise shrinks. All 40 modes are covered in 100 steps.',
    },
    {
      link: '#/samplers?preset=annealed-mog40',
      caption: 'Annealed Langevin: Langevin at a sequence of decreasing noise levels, the idea that led to score-based diffusion, on the MoG-40 where ULA got stuck.',
      lookFor: 'At the largest noise levels the blurred target is one bump, so the particles spread over the whole box before the modes separate: all 40 modes are covered, from the same start where ULA found 6.',
    },
    {
      link: '#/samplers?preset=mala-acceptance',
      caption: 'MALA adds a Metropolis accept/reject test to each Langevin step, on a banana-shaped target.',
      lookFor: 'Raise the step size while it runs: the acceptance rate falls, slowly and then sharply. Tiny steps are all accepted but barely move; about 0.5 to 0.6 acceptance mixes best.',
    },
    {
      link: '#/samplers?preset=hmc-funnel',
      caption: "Hamiltonian Monte Carlo in Neal's funnel: momentum carries particles far in one proposal.",
      lookFor: 'One step size cannot fit both the narrow neck and the wide mouth: at step 0.9 only about a third of the proposals are accepted, and in the neck far fewer, so chains there sit still. The x₁ marginal still matches (rejection keeps HMC exact); lower the step to 0.2 and almost everything is accepted.',
    },
  ],
};
