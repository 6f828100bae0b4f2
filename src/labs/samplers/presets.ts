// Classroom demos for the Samplers lab. Each sets only the keys it cares about; the rest are defaults.
import { HEART_POINTS } from '../common/example-points';
import type { Preset } from '../types';

export const samplerPresets: readonly Preset[] = [
  {
    id: 'langevin-stuck',
    topics: ['MCMC', 'mode collapse', 'diffusion'],
    title: 'Langevin gets stuck, diffusion does not',
    lookFor:
      'ULA with the exact score on MoG-40, started from N(0, I): the particles fall into the few modes near the origin and stay there (3 modes covered at iteration 500, 6 at 2 000: a crawl), because the valleys between modes are far too deep to cross. Switch the sampler to DDPM with the same exact score: the reverse diffusion starts from broad noise where the noised density is nearly unimodal, and the modes separate only as the noise shrinks, so all 40 are covered. Watch "modes covered".',
    params: { target: 'mog40', sampler: 'ula', score: 'exact', step: 0.1, particles: 2000, init: 'normal' },
    steps: 2000,
  },
  {
    id: 'langevin-stuck-ddpm',
    topics: ['diffusion', 'mode collapse'],
    title: 'The same MoG-40 with DDPM',
    lookFor: 'The other half of the first demo: DDPM ancestral sampling with the exact noised score covers all 40 modes in T = 100 steps.',
    params: { target: 'mog40', sampler: 'ddpm', score: 'exact', T: 100, particles: 2000 },
    steps: 100,
  },
  {
    id: 'mala-acceptance',
    topics: ['MCMC', 'step size'],
    title: "MALA's acceptance vs step size",
    lookFor:
      'MALA on the banana. Raise the step size while it runs: the acceptance rate falls, slowly at first and then sharply; at small steps nearly every move is accepted but the particles barely move. A rate around 0.5–0.6 mixes best. Compare with ULA (no accept/reject test) at the same step: at 0.2 it is already biased (sliced W₂ 0.19 against MALA\'s 0.13), and from 0.3 on it diverges, because the banana\'s score grows like x₁³ far out; MALA only rejects more.',
    params: { target: 'banana', sampler: 'mala', step: 0.05, particles: 2000 },
    steps: 1000,
  },
  {
    id: 'learned-spirals',
    topics: ['diffusion', 'training', 'score error'],
    title: 'A learned score on two spirals',
    lookFor:
      'The score of a data set is unknown, so an MLP learns it by denoising score matching, then DDPM samples with it. The loss chart shows each batch\'s DSM loss and its running mean: it starts near 1 (predicting no noise at all) and falls only a few percent (about 1.01 → 0.96 over 2 000 steps), because it cannot reach 0: at every noise level part of the added noise cannot be told from the data\'s own spread, and that floor is most of the loss. The samples, not the loss, show what was learned: the two arms appear (sliced W₂ ≈ 0.15). Turn on the score field to see the learned arrows; fewer training steps give blurrier spirals.',
    params: { target: 'spirals', sampler: 'ddpm', score: 'learned', T: 100, trainSteps: 2000, particles: 2000 },
    steps: 100,
  },
  {
    id: 'hmc-funnel',
    topics: ['MCMC', 'step size'],
    title: "HMC in Neal's funnel",
    lookFor:
      'The funnel\'s neck (x₁ below about −1.5) is narrow and its mouth wide, so no single step size suits both. At step 0.9 about a third of HMC\'s proposals are accepted overall (the acceptance chart), far fewer where the chain sits in the neck (measured: 7% there against 34% in the middle): chains in the neck stay put for many iterations. Rejections keep the chain exact, so the x₁ marginal still matches the true curve; what they cost is mixing. Lower the step to 0.2 and acceptance returns to ~1 everywhere (this funnel is tamed for the plot, x₁ ~ N(0, 1.2²)); raise it to 1.2 and almost nothing moves.',
    params: { target: 'funnel', sampler: 'hmc', step: 0.9, leapfrog: 10, particles: 1000, speed: 2 },
    steps: 500,
  },
  {
    id: 'annealed-8g',
    topics: ['MCMC', 'diffusion'],
    title: 'Annealed Langevin on 8 Gaussians',
    lookFor:
      'Langevin on the target blurred by a large noise level first, then on smaller and smaller ones (10 levels, 50 steps each, the step scaled with each level\'s σ²): watch the particles start as one broad cloud and split into the eight modes as the noise shrinks, ending on the target (sliced W₂ ≈ 0.07, the level of an exact sample). On these eight close modes plain ULA from N(0, I) gets there too; the next preset shows where annealing is needed.',
    params: { target: '8gaussians', sampler: 'annealed', levels: 10, perLevel: 50, step: 0.5, particles: 2000, speed: 1 },
    steps: 500,
  },
  {
    id: 'annealed-mog40',
    topics: ['MCMC', 'mode collapse', 'diffusion'],
    title: 'Annealing finds the MoG-40 modes ULA misses',
    lookFor:
      'The same start as "Langevin gets stuck" (N(0, I) on MoG-40), but annealed over 15 noise levels from σ = 2·spread down to 0.01·spread: at the first levels the blurred target is one broad bump, so the particles spread over the whole box before the modes separate, and all 40 are covered at the end (ULA from the same start: 6). Watch "modes covered" and the level in the status line.',
    params: { target: 'mog40', sampler: 'annealed', levels: 15, perLevel: 50, step: 0.5, particles: 2000, init: 'normal', speed: 2 },
    steps: 750,
  },
  {
    id: 'gibbs-aligned',
    topics: ['MCMC', 'mode collapse'],
    title: 'Gibbs on two modes side by side',
    lookFor:
      'Gibbs sampling draws x₁ given x₂, then x₂ given x₁, each from its exact conditional (no gradient, nothing rejected). Here the two modes sit side by side on the x₁ axis: every x₁ | x₂ draw sees both of them, so the particles, started in a corner, split evenly between the modes at the first sweep and sliced W₂ drops to the level of an exact sample (about 0.06) within a few hundred iterations. Then open "Gibbs on a rotated mixture": the same two modes, the same distance apart, on the diagonal.',
    params: { target: 'custom', comps: [{ w: 1, mean: [-2.83, 0], cov: [0.3, 0, 0.3] }, { w: 1, mean: [2.83, 0], cov: [0.3, 0, 0.3] }], sampler: 'gibbs', init: 'corner', particles: 2000, speed: 2 },
    steps: 500,
  },
  {
    id: 'gibbs-rotated',
    topics: ['MCMC', 'mode collapse'],
    title: 'Gibbs on a rotated mixture',
    lookFor:
      'The two modes of "Gibbs on two modes side by side", rotated onto the diagonal. Now x₁ | x₂ near one mode hardly sees the other (a move along one axis would have to cross the empty middle), so the particles that start in the lower-left corner all land in the lower-left mode and leave it only rarely: after 500 sweeps sliced W₂ is still near 1.9 against about 0.06 for the side-by-side modes. Gibbs mixes as well as the coordinates are aligned with the target; a rotation of the axes (or a sampler that moves along both at once, like random-walk Metropolis with a large step or HMC) is the cure.',
    params: { target: 'custom', comps: [{ w: 1, mean: [-2, -2], cov: [0.3, 0, 0.3] }, { w: 1, mean: [2, 2], cov: [0.3, 0, 0.3] }], sampler: 'gibbs', init: 'corner', particles: 2000, speed: 2 },
    steps: 500,
  },
  {
    id: 'hmc-vs-rwm-banana',
    topics: ['MCMC', 'step size'],
    title: 'HMC vs random walk on the banana: effective samples per gradient',
    lookFor:
      'How many independent samples is a chain worth? Watch "ESS per gradient" and "ESS per iteration" (8 chains, the last 2000 iterations; the autocorrelation chart shows why). HMC with 10 leapfrog steps of 0.2 travels far along the banana each iteration: about 0.11 effective samples per iteration, 0.01 per gradient evaluation (each iteration costs 11), split-R̂ near 1.00. Switch the sampler to MALA at the same step: one short move per iteration, ESS per gradient about 0.003, four times less than HMC. Switch to random-walk Metropolis and set σ to 1.5: no gradients at all, but about 0.035 effective samples per iteration, three times fewer than HMC; compare per density evaluation (0.018 against HMC\'s 0.06) and per second, which is what you pay on this machine.',
    params: { target: 'banana', sampler: 'hmc', step: 0.2, leapfrog: 10, particles: 500, speed: 5 },
    steps: 2000,
  },
  {
    id: 'pt-mog40',
    topics: ['MCMC', 'mode collapse'],
    title: 'Parallel tempering finds the MoG-40 modes ULA misses',
    lookFor:
      'The same start as "Langevin gets stuck" (N(0, I) on MoG-40, step 0.1, exact score), but each of the 2 000 particles is the cold chain of a ladder of K = 4 replicas at temperatures 1, 6.7, 45 and 300 (β_k = 300^(−k/3)); every replica takes a MALA step on p^β_k with step 0.1/β_k, so the hot ones, for which the valleys between modes are nearly flat, roam the whole box, and swaps between neighbouring temperatures hand what they find down to the cold chain you see (the trajectories that jump straight from one mode to another are such swaps). Watch "modes covered": 17 at iteration 10, 39 at 50, all 40 by 60 (ULA from the same start: 3), while sliced W₂ falls from 14 to 1.1 at 300, the level of an exact sample, as the particles settle into the modes in equal shares. The "Swap rate" chart is the fraction of proposed exchanges accepted: about 0.8 at first, while a ladder\'s replicas still sit together, then about 0.44. Each iteration costs K MALA moves per particle. Lower the hottest temperature to 30 and the top of the ladder still feels the valleys: 22 modes at iteration 100, sliced W₂ still 6.7 at 300.',
    params: { target: 'mog40', sampler: 'pt', score: 'exact', step: 0.1, replicas: 4, tMax: 300, particles: 2000, init: 'normal', speed: 1 },
    steps: 300,
  },
  {
    id: 'svgd-repulsion',
    topics: ['MCMC', 'mode collapse'],
    title: 'SVGD spreads particles with a repulsive kernel',
    lookFor:
      'SVGD moves every particle along the score at its neighbours, averaged with an RBF kernel, plus the gradient of that kernel: a term that pushes particles apart. On the banana, from N(0, I), the 1 000 particles spread along both arms; by iteration 150 the sliced W₂ is about 0.075 and stays there, lower than 1 000 independent exact samples score against the same reference (0.13 in the middle of 20 draws, none below 0.09): the deterministic particles sit more evenly than random draws. The mean log-density, −3.53, is the target\'s own average (−3.52 over exact samples). Turn "Repulsive term" off while it runs: what is left is gradient ascent on log p smoothed by the kernel, and within about 150 iterations every particle piles onto the banana\'s mode (mean log-density −2.53, the log-density at the mode itself; sliced W₂ about 1.9). Turn it back on and they spread out again. There is no noise: a run is deterministic given its initial particles, and each iteration costs O(n²) for the n × n kernel.',
    params: { target: 'banana', sampler: 'svgd', svgdStep: 0.05, kernel: 'median', repulsion: true, particles: 1000, speed: 1 },
    steps: 300,
  },
  {
    id: 'hmcda-tunes',
    topics: ['MCMC', 'step size'],
    title: 'HMC tunes its own step size (dual averaging)',
    lookFor:
      'HMC started at step 2 on the banana, where it accepts almost nothing. Watch "Step size tuned by dual averaging" and the acceptance rate: every chain nudges its own step after each move, down when it was rejected more often than δ = 0.8, up when less, so within the first hundred iterations the step has fallen to about 0.6 and the acceptance sits at 0.8, where it stays while tuning (the step settles near 0.74). After 500 iterations each chain keeps its averaged step and is plain, exact HMC: acceptance about 0.85 and "ESS per gradient" about 0.023, twice what the hand-picked step 0.2 of "HMC vs random walk" gives. Set δ to 0.6 and the tuned step is larger (0.97) but fewer proposals pass: ESS per gradient 0.015. This is the warm-up Stan and NUTS run before sampling.',
    params: { target: 'banana', sampler: 'hmcda', step: 2, leapfrog: 10, particles: 1000, adaptSteps: 500, delta: 0.8, speed: 5 },
    steps: 800,
  },
  {
    id: 'one-chain',
    topics: ['MCMC', 'step size'],
    title: 'Watch one chain: proposals, rejections, leapfrog paths',
    lookFor:
      'The single-chain view ("Follow one chain" under View) follows chain 1 of the 500 the way Chi Feng\'s MCMC gallery does, one iteration per frame with a 400 ms pause ("Slow motion"), each step drawn growing over 250 ms ("Tween"). HMC on the banana at step 0.8 with 10 leapfrog steps: the white polyline is the latest trajectory, the leapfrog positions as small squares, growing from the white ring (where the chain was) to the proposal at its end, and dashed red when it is refused; a cyan dot is a proposal the chain moved to, a red cross one it refused (the chain stays put, a dashed segment points at what it refused); older proposals fade. About four in five trajectories are accepted (the acceptance chart: 0.81) and they travel far along the banana; the others end in red. Raise the step to 1.3 and red crosses take over (acceptance 0.29); switch to MALA or random-walk Metropolis to see short proposals. Pause and press Step to go one iteration at a time. The other particles keep running: the view shows one of them, not instead of them.',
    params: { target: 'banana', sampler: 'hmc', step: 0.8, leapfrog: 10, particles: 500, follow: true, tween: 250, speed: 1, delay: 400, paths: false },
    steps: 200,
  },
  {
    id: 'nuts-tunes',
    topics: ['MCMC', 'step size'],
    title: 'NUTS tunes itself',
    lookFor:
      'The No-U-Turn Sampler on the banana, started at step 2 as in "HMC tunes its own step size". Two things tune themselves. The step: dual averaging brings every chain\'s step down to about 0.85 within the first hundred iterations, with the acceptance statistic held at δ = 0.8 while it tunes ("Step size tuned by dual averaging" and the acceptance chart). The trajectory length, which HMC needs by hand (L = 10 there): each iteration doubles a leapfrog path forwards or backwards at random until it starts to turn back on itself, so "NUTS tree depth" shows how many doublings the target needs, about 2 here (some 4 to 6 leapfrog steps, fewer where the banana is straight, more in its bend). After 300 iterations each chain keeps its averaged step. ESS per gradient ends about 0.026, a little above hand-tuned HMC\'s 0.023 with its 10 steps: NUTS spends gradients only as far as the path goes somewhere new. Lower "max tree depth" to 1 and every iteration is a single leapfrog step (MALA with a tuned step): ESS per gradient falls to about 0.017. Every chain runs its own tree, so an iteration lasts as long as the deepest one: slower on the clock than HMC here.',
    params: { target: 'banana', sampler: 'nuts', step: 2, particles: 500, adaptSteps: 300, delta: 0.8, maxDepth: 6, speed: 2 },
    steps: 500,
  },
  {
    id: 'formula-ring',
    topics: ['MCMC', 'your own target'],
    title: 'A ring you typed',
    lookFor:
      'The target is the formula under "Target": log p(x, y) = −(x² + y² − 4)² / 0.5, a ring of radius 2 whose cross-section is about N(2, 0.125²). Nothing else is known about it: the playground found the box [−3, 3]² from the density, normalized it on a 400 × 400 grid there (log Z, reference samples and the marginals, so the distances stay exact), and takes the score by automatic differentiation. HMC (step 0.1, 10 leapfrog steps) accepts about 95% of its proposals, and within 250 iterations sliced W₂ is about 0.05, the level of two exact samples of 2 000 (0.06 in the middle of ten pairs); the mean log-density settles at −1.87, the ring\'s own average. Edit the formula: make the 4 a 9 (radius 3) or add "+ x" to tilt the mass to one side, and the run restarts on the new target as soon as it is valid; delete a parenthesis and the message under the field points at the place, while the last valid ring keeps running. The Equations panel shows the parsed formula.',
    params: { target: 'formula', f: '-((x^2 + y^2 - 4)^2) / 0.5', fp: '', fsign: 'logp', fbox: '', sampler: 'hmc', step: 0.1, leapfrog: 10, particles: 2000, init: 'normal', speed: 2 },
    steps: 500,
  },
  {
    id: 'formula-banana-family',
    topics: ['MCMC', 'step size', 'your own target'],
    title: 'A banana family with a slider',
    lookFor:
      'log p(x, y) = −(y − a x²)² / 0.5 − x² / 2 with a parameter a you set with its slider under the formula (from 0 to 1; the box is fixed to [−5, 5] × [−3, 7] so the picture stays put). At a = 0 it is a Gaussian and MALA at step 0.1 accepts 94% of its proposals, sliced W₂ about 0.04 after 400 iterations. At a = 0.5, where it opens, the banana bends: acceptance 0.83, sliced W₂ 0.07. Drag a to 1: the arms are steep and narrow, acceptance falls to 0.59 and after 400 iterations sliced W₂ is still 0.27 and the mean log-density −7.2 (the target\'s own is about −2.5): particles that wandered up the arms are stuck there. Every slider move rebuilds the target (its grid normalization takes tens of milliseconds) and restarts the run from the same seed, so the runs compare. Add a second parameter with "Add a parameter" and use it in the formula to explore a two-parameter family.',
    params: { target: 'formula', f: '-(y - a*x^2)^2/0.5 - x^2/2', fp: 'a,0.5,0,1', fsign: 'logp', fbox: '-5,5,-3,7', sampler: 'mala', step: 0.1, particles: 2000, init: 'normal', speed: 2 },
    steps: 400,
  },
  {
    id: 'data-file',
    topics: ['diffusion', 'training', 'your own target'],
    title: 'Your own data file',
    lookFor:
      'The target is a data set loaded from a file: the 500 points of examples/heart.csv, shipped with the app (the "Example file" link under the target downloads it). Load your own CSV or JSON of x, y points with "Load a file…" or drop one on the control: rows without two numbers are dropped and counted, a header row is skipped, more than 2 000 points are thinned to 2 000 (what a link carries), and "rescale" maps them into the box. Data have no density, so an MLP learns their score by denoising score matching (1 500 steps, the loss chart) and DDPM samples with it: the heart appears from noise in 100 steps. Its sliced W₂ to the data is about 0.24; the data are resampled with a little jitter as the reference. The link holds the points: share it and the other side trains on the same data.',
    params: { target: 'drawn', drawn: HEART_POINTS, sampler: 'ddpm', score: 'learned', T: 100, trainSteps: 1500, particles: 2000 },
    steps: 100,
  },
];
