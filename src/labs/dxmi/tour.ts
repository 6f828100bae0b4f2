// A first lecture on Yoon et al. 2024 (DxMI): a few-step diffusion sampler and an energy-based model
// trained together, the energy acting as the sampler's reward and entropy keeping the sampler's noise.
import type { Tour } from '../codec/tour-codec';

export const dxmiTour: Tour = {
  id: 'dxmi-intro',
  lab: 'dxmi',
  title: 'A sampler and an energy trained together',
  blurb: 'Five steps: sharpening a blurry 4-step DDPM, value functions, the entropy term, the energy as an anomaly detector, and ten steps.',
  steps: [
    {
      link: '#/dxmi?preset=sharpen-ddpm',
      caption: 'A 4-step DDPM fitted to eight Gaussians is blurry; DxMI then trains it with the learned energy as its reward.',
      lookFor: 'The red samples move from a blurry ring onto the modes, "sliced W₂ to the data" drops below the DDPM baseline, and the energy gap returns toward 0 as the two models reach equilibrium.',
    },
    {
      link: '#/dxmi?preset=values',
      caption: 'The value functions V(·, t): the expected final energy from a point at step t.',
      lookFor: 'At t = 0 (pure noise) the value is nearly flat; step by step it takes the shape of the energy. The sampler is updated through these values one step at a time instead of back-propagating through the chain.',
    },
    {
      link: '#/dxmi?preset=entropy-side-by-side',
      caption: 'Two runs from the same start: with the entropy bonus (τ = 0.1) and without it (τ = 0, its own plane).',
      lookFor: 'Watch σ_t: without entropy nothing keeps the sampler\'s noise up, so it can only shrink. In 2D the two runs end close; the paper reports degradation without entropy at scale.',
    },
    {
      link: '#/dxmi?preset=anomaly',
      caption: 'The learned energy used as an anomaly detector on two spirals.',
      lookFor: 'The ROC curve and AUROC update live. Click the plane to read the energy of a point: regions the sampler never visits get no negative samples, which limits the AUROC.',
    },
    {
      link: '#/dxmi?preset=checkerboard-10',
      caption: 'Ten steps on a checkerboard, with the schedule of the official code.',
      lookFor: 'The DDPM starts less blurry than with four steps, and DxMI sharpens the square edges.',
    },
  ],
};
