// Classroom demos for the Implicit Diffusion lab. Each sets only the keys it cares about.
import type { Preset } from '../types';

export const implicitPresets: readonly Preset[] = [
  {
    id: 'paper-5-1',
    topics: ['fine-tuning', 'MCMC'],
    title: "The paper's §5.1 run",
    lookFor: 'The official defaults: hexagon, θ = logits from θ0 = (1.5, 0, 1.5, 0, 1.5, 0), hard reward, N = 1000, γ = 0.2, η = 0.1, λ = 0, 5000 iterations, one Langevin step per update. J rises as the mass gathers on the first component (0°, reward 0.189), plateaus there for ~2000 iterations, then switches to the component at 60° (reward 0.298) and ends with nearly all the weight on it. The bars\' ticks are the exact gradient flow: the particle run tracks it. (What the paper\'s figure compares exactly is to confirm against the paper.)',
    params: { mode: 'langevin', target: 'hexagon', param: 'logits', reward: 'hard', loop: 'single', particles: 1000, gamma: 0.2, eta: 0.1, lambda: 0, speed: 50 },
    steps: 5000,
  },
  {
    id: 'single-vs-nested',
    topics: ['fine-tuning', 'training'],
    title: 'Single loop vs nested loop at equal cost',
    lookFor: 'The single loop and a nested loop (K_in = 20 Langevin steps per update, warm start) spend the same number of ∇V evaluations. On the chart against gradient evaluations, "J(θ) exact" (single loop) switches to the best component long before "J nested": per unit of sampling cost the single loop makes K_in times more θ updates, and carrying the particles over keeps them close enough to π*(θ).',
    params: { mode: 'langevin', loop: 'single', nestedRun: true, inner: 20, warm: true, particles: 1000, eta: 0.25 },
    steps: 2400,
  },
  {
    id: 'means-bump',
    topics: ['fine-tuning', 'MCMC'],
    title: 'Moving the means toward a reward you place',
    lookFor: 'θ = the six centres, the reward a Gaussian bump: click anywhere on the plane to move it. The nearest components slide toward the bump first, then the others follow (the potential\'s contours move) until the six centres pile up on it and J nears its ceiling (height · w²/(w² + 1) = 0.8 for width 2). Near the optimum the exact gradient vanishes, so the cosine chart drops to noise: that is expected. η = 5 overshoots and diverges (the lab says so).',
    params: { mode: 'langevin', param: 'means', reward: 'bump', bumpX: -2, bumpY: -1, bumpWidth: 2, eta: 1, particles: 1000 },
    steps: 1500,
  },
  {
    id: 'kl-regularized',
    topics: ['fine-tuning', 'regularization'],
    title: 'A KL leash toward π*(θ0)',
    lookFor: 'λ = 0.1 with π_ref = π*(θ0) and a 64-sample reference batch: the weights no longer collapse on one component: the largest stays below ~0.75 and by ~1000 iterations the run settles near w ≈ (0.22, 0.59, 0.08, 0.02, 0.08, 0.02), where the reward gain balances KL(π_ref ‖ π*(θ)). Compare with λ = 0: w₁ reaches 0.94 by iteration 500 while the others die out, and later the mass moves on to the component at 60°.',
    params: { mode: 'langevin', lambda: 0.1, ref: 'theta0', refBatch: 64, eta: 0.25 },
    steps: 1500,
  },
  {
    id: 'ebm-moons',
    topics: ['energy models', 'training', 'MCMC'],
    title: 'Fit an EBM to two moons',
    lookFor: 'An MLP energy trained by maximum likelihood: the gradient E_data[∇θE] − E_chains[∇θE] uses persistent Langevin chains advanced one step per update (single loop). The heatmap of −E sharpens onto the two arcs, the red chains follow, and the sliced W₂ between chains and data falls (CLI, seed 1: 0.23 at iteration 300, 0.063 at 1000, 0.045 at 2000). The small chain step (0.003 × spread²) is what keeps it falling: try γ = 0.01 or 0.03 and watch the energy run away from the chains.',
    params: { mode: 'ebm', data: 'moons', energy: 'mlp', hidden: 32, inner: 1, lr: 0.003, gamma: 0.003, particles: 500, reinit: 0, speed: 5 },
    steps: 2000,
  },
  {
    id: 'diffusion-finetune',
    topics: ['fine-tuning', 'diffusion'],
    title: 'Fine-tune a diffusion toward a reward',
    lookFor: 'A 10-step DDPM sampler whose base score is the exact noised score of the hexagon mixture (weights from θ0) is fine-tuned by the queue: 10 batches in flight, each advanced one reverse step per θ update, the finished one giving the gradient by backprop through its recorded steps. θ = the logits, smooth reward, λ = 0.05: the red fine-tuned samples leave the white base samples for the rewarded components at 0° and 60°, the bars climb toward w ∝ w_base·exp(r/λ) (about 90% of the weight on the component at 60° by update 50), and the exact F(θ) rises to its maximum within ~50 updates. While it rises, the gradient cosine (the queue\'s estimate against the exact gradient) stays near 1; once F is at its maximum the exact gradient is ≈ 0 and the cosine turns to noise between −1 and 1, as it should. On the cost chart the queue gets there in far fewer sampler steps than the nested loop run beside it (F ≈ 0.87 after 50 sampler steps; the nested loop needs ~350).',
    params: { mode: 'diffusion', param: 'logits', reward: 'smooth', loop: 'queue', nestedRun: true, T: 10, batch: 64, eta: 2, lambda: 0.05, speed: 5 },
    steps: 400,
  },
  {
    id: 'diffusion-learned-base',
    topics: ['fine-tuning', 'diffusion', 'training'],
    title: 'Fine-tune a learned diffusion model',
    lookFor: 'The base is now a score MLP: first it is trained by denoising score matching on samples of the hexagon mixture (150 lab iterations of 10 steps; the white base samples are its training data). The DSM loss chart shows each batch\'s loss and its running mean, which falls from ≈ 1.1 to ≈ 0.96 and levels off: the floor is the part of the added noise that cannot be told from the data\'s spread, not a failure to learn. Then its 10-step DDPM sampler is fine-tuned by the queue with an MLP ε-correction (Adam): the red samples, first spread like the learned base, gather under the reward\'s peak near (4, 3.8), between the components at 0° and 60° (an MLP correction can move mass off the base\'s modes, which reweighting the logits cannot), while the batch mean reward climbs from ≈ 0.35 to ≈ 1.2 and the batch path KL to the learned base grows and oscillates (Adam on gradients that are T updates old). No closed form here: the heatmap is the mixture the base was trained on.',
    params: { mode: 'diffusion', base: 'learned', trainSteps: 1500, hidden: 64, reward: 'smooth', loop: 'queue', nestedRun: false, T: 10, batch: 64, correctionWidth: 16, lr: 0.01, lambda: 0.05, speed: 5 },
    steps: 300,
  },
];
