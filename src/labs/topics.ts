// The fixed vocabulary the gallery filters presets by. Kept small on purpose: a teacher scanning the
// filter should recognise every word, and each topic should gather presets from more than one lab.
export const TOPICS = [
  'MCMC',
  'diffusion',
  'mode collapse',
  'step size',
  'score error',
  'inverse problems',
  'guidance',
  'fine-tuning',
  'energy models',
  'training',
  'regularization',
  'your own target',
] as const;
export type Topic = (typeof TOPICS)[number];

export const isTopic = (s: string): s is Topic => (TOPICS as readonly string[]).includes(s);
