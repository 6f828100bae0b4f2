// lab id -> schema (no tfjs behind it): the UI thread and the URL codec import this.
// Labs whose issues have not landed yet are listed with `ready: false` so the landing page can show them honestly.
import type { LabId, LabSchema } from './types';
import { samplersSchema } from './samplers/schema';
import { guidanceSchema } from './guidance/schema';
import { implicitSchema } from './implicit/schema';
import { dxmiSchema } from './dxmi/schema';
import { mismatchSchema } from './mismatch/schema';
import { diklSchema } from './dikl/schema';

export const LAB_SCHEMAS: Partial<Record<LabId, LabSchema>> = {
  samplers: samplersSchema,
  guidance: guidanceSchema,
  implicit: implicitSchema,
  dxmi: dxmiSchema,
  mismatch: mismatchSchema,
  dikl: diklSchema,
};

export const LAB_LIST: readonly { id: LabId; title: string; blurb: string }[] = [
  { id: 'samplers', title: 'Samplers', blurb: 'Langevin, MALA, HMC, annealed Langevin, DDPM, DDIM and the probability-flow ODE on 2D targets.' },
  { id: 'mismatch', title: 'Score mismatch', blurb: 'Liang et al. 2024: the bias of diffusion samplers with mismatched scores; zero-shot conditional samplers.' },
  { id: 'implicit', title: 'Implicit Diffusion', blurb: "Marion et al. 2024: single-loop optimization of a sampler's parameters." },
  { id: 'dikl', title: 'DiKL', blurb: 'He et al. 2024: one-step neural samplers trained with reverse diffusive KL.' },
  { id: 'guidance', title: 'Gradient guidance', blurb: 'Guo et al. 2024: naive vs look-ahead guidance, iterative fine-tuning.' },
  { id: 'dxmi', title: 'DxMI', blurb: 'Yoon et al. 2024: a few-step diffusion sampler and an energy-based model trained together.' },
];
