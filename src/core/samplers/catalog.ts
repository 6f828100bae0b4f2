// Every sampler as data: its URL id, display label, family, what it needs from a target and its own
// settings (with their `live` flag). The one place these facts are written: the Samplers lab's schema
// (enum, labels, `when`), its score plan, its experiment, the samplers' live keys and the docs table all
// read them from here. No tfjs behind this module (types only): the UI thread imports it. The class of
// sampler <id> is the default export of kinds/<id>.ts (registry.ts loads it by the id; registry.test.ts
// fails when an entry has no class file or a file no entry).

/**
 * A setting as plain data, structurally a labs `ParamSpec` without `group`/`when` (core may not import
 * labs/, and the lab adds those two). Keys are URL vocabulary: never rename one.
 */
export interface SettingSpec {
  readonly key: string;
  readonly label: string;
  readonly help: string;
  readonly kind: 'number' | 'int' | 'enum' | 'bool';
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly scale?: 'linear' | 'log';
  readonly values?: readonly string[];
  readonly valueLabels?: readonly string[];
  readonly default: number | string | boolean;
  /** true: the running sampler takes a change of it through update() without a reset */
  readonly live?: boolean;
}

export type SettingValue = number | string | boolean;

/**
 * mcmc: targets the clean density, runs open-ended from the lab's initial particles.
 * annealed: Langevin down a VE ladder of noise levels (needs the score at those levels).
 * diffusion: reverses a VP diffusion in T steps from N(0, I) noise (needs the noised score on a schedule).
 */
export type SamplerFamily = 'mcmc' | 'annealed' | 'diffusion';

export interface SamplerEntry {
  readonly id: string;
  /** the label of its option in the sampler menu */
  readonly label: string;
  /** how prose names it ("MALA needs a density ...", the sampler help) */
  readonly name: string;
  readonly family: SamplerFamily;
  /** a Metropolis correction: needs the target's log density (without one the lab runs ULA) */
  readonly metropolis: boolean;
  /** true: it reads no score (random-walk proposals): its gradient evaluations per step are 0 */
  readonly gradientFree?: boolean;
  /** true: it needs the target's Gaussian mixture itself (Gibbs: exact conditionals); elsewhere the lab falls back */
  readonly needsMixture?: boolean;
  /**
   * its settings, in panel order. A setting several samplers share is one constant below, listed by each;
   * the same key in two entries must be the same spec (a test checks), except `live`, which is per sampler.
   */
  readonly settings: readonly SettingSpec[];
  /** one plain-text line of its update (docs table; equations panel fallback) and its source */
  readonly update: string;
  readonly source: string;
}

/** What an entry needs from the score and the target, derived from its family (never written twice). */
export interface SamplerNeeds {
  /** a log density, for the Metropolis test */
  density: boolean;
  /** the clean score (false for a gradient-free sampler such as random-walk Metropolis) */
  score: boolean;
  /** the target's mixture components (Gibbs' exact conditionals) */
  mixture: boolean;
  /** the score at noise levels other than the clean one: an exactly noised score or a learned one */
  noisedScore: boolean;
  /** the noise levels it walks: none (clean), a VE ladder (annealed), a VP schedule (diffusion) */
  levels: 'none' | 'ladder' | 'schedule';
  /** starts from N(0, I) noise rather than the lab's initial particles */
  startsFromNoise: boolean;
}

export function samplerNeeds(e: Pick<SamplerEntry, 'family' | 'metropolis' | 'gradientFree' | 'needsMixture'>): SamplerNeeds {
  const levels = e.family === 'diffusion' ? 'schedule' : e.family === 'annealed' ? 'ladder' : 'none';
  return { density: e.metropolis, score: !e.gradientFree, mixture: e.needsMixture === true, noisedScore: levels !== 'none', levels, startsFromNoise: levels === 'schedule' };
}

// --- settings shared by several samplers (one spec each)
const STEP = { key: 'step', label: 'Step size', kind: 'number', min: 1e-5, max: 100, scale: 'log', default: 0.05, live: true, help: 'ULA/MALA: x += h ∇log p + √(2h) z. HMC: leapfrog step. Annealed: step at the smallest noise (scaled by σ² per level).' } as const satisfies SettingSpec;
const STEPS_T = { key: 'T', label: 'Steps T', kind: 'int', min: 2, max: 2000, scale: 'log', default: 100, help: 'Number of reverse steps of the VP diffusion.' } as const satisfies SettingSpec;
const SCHEDULE = { key: 'schedule', label: 'Schedule', kind: 'enum', values: ['linear', 'cosine'], default: 'linear', help: 'VP noise schedule: linear (score_sde β from 0.1 to 20) or cosine (Nichol & Dhariwal).' } as const satisfies SettingSpec;

const LEAPFROG = { key: 'leapfrog', label: 'Leapfrog steps', kind: 'int', min: 1, max: 100, default: 10, live: true, help: 'HMC: leapfrog steps per proposal.' } as const satisfies SettingSpec;
const SCALE = { key: 'scale', label: 'Proposal scale σ', kind: 'number', min: 1e-3, max: 20, scale: 'log', default: 0.5, live: true, help: 'Random-walk proposal y = x + σ z (adaptive Metropolis: until it adapts). Too small crawls, too large is rejected; about 2.4/√d times the target scale is the classic optimum.' } as const satisfies SettingSpec;

// dual averaging of the step size (HMC with dual averaging, NUTS): one spec each, so the ranges agree
const DELTA = { key: 'delta', label: 'Target acceptance δ', kind: 'number', min: 0.05, max: 0.99, step: 0.01, default: 0.8, help: 'HMC with dual averaging, NUTS: the acceptance probability each chain tunes its step size towards (for NUTS the mean over its trajectory of min(1, e^(H₀ − H))). Hoffman & Gelman suggest 0.65, Stan uses 0.8.' } as const satisfies SettingSpec;
const ADAPT_STEPS = { key: 'adaptSteps', label: 'Tuning iterations', kind: 'int', min: 1, max: 100000, scale: 'log', default: 500, help: 'HMC with dual averaging, NUTS: iterations of step-size tuning; after them each chain keeps its averaged step ε̄ and is an exact sampler of the target.' } as const satisfies SettingSpec;

export const SAMPLER_CATALOG = [
  {
    id: 'ula', label: 'ULA (Langevin)', name: 'ULA', family: 'mcmc', metropolis: false, settings: [STEP],
    update: 'x ← x + h s(x) + √(2h) z', source: 'Roberts & Tweedie 1996',
  },
  {
    id: 'mala', label: 'MALA', name: 'MALA', family: 'mcmc', metropolis: true, settings: [STEP],
    update: 'ULA proposal + Metropolis–Hastings with the proposal densities', source: 'Roberts & Tweedie 1996',
  },
  {
    id: 'hmc', label: 'HMC', name: 'HMC', family: 'mcmc', metropolis: true,
    settings: [STEP, LEAPFROG],
    update: 'L leapfrog steps of size h, identity mass, MH accept', source: 'Neal 2011',
  },
  {
    id: 'annealed', label: 'Annealed Langevin', name: 'annealed Langevin', family: 'annealed', metropolis: false,
    settings: [
      // not live: the lab's step ε sets α_i = ε σ_i² at every level, so a change restarts the walk down the ladder
      { ...STEP, live: false },
      { key: 'levels', label: 'Noise levels', kind: 'int', min: 2, max: 100, default: 10, help: 'Annealed Langevin: geometric noise levels from σ_max to σ_min.' },
      { key: 'perLevel', label: 'Steps per level', kind: 'int', min: 1, max: 1000, default: 50, help: 'Annealed Langevin: Langevin steps at each noise level.' },
    ],
    update: 'ULA at VE levels σ_1 > … > σ_L, α_i = ε σ_i²', source: 'Song & Ermon 2019',
  },
  {
    id: 'ddpm', label: 'DDPM ancestral', name: 'DDPM', family: 'diffusion', metropolis: false, settings: [STEPS_T, SCHEDULE],
    update: 'x̂0 = (x + s_t² s)/a_t, posterior mean c1 x̂0 + c2 x_t, variance β_t(1−ᾱ_{t−1})/(1−ᾱ_t)', source: 'Ho et al. 2020; METHODS.md §0.1',
  },
  {
    id: 'ddim', label: 'DDIM', name: 'DDIM', family: 'diffusion', metropolis: false,
    settings: [STEPS_T, SCHEDULE, { key: 'eta', label: 'DDIM η', kind: 'number', min: 0, max: 1, step: 0.05, default: 0, live: true, help: 'DDIM stochasticity: 0 is deterministic, 1 matches DDPM.' }],
    update: 'ε̂ = −s_t·s, η-interpolated noise', source: 'Song et al. 2021',
  },
  {
    id: 'flow', label: 'Probability-flow ODE', name: 'the probability-flow ODE', family: 'diffusion', metropolis: false,
    settings: [STEPS_T, SCHEDULE, { key: 'integrator', label: 'ODE integrator', kind: 'enum', values: ['euler', 'heun'], default: 'heun', help: 'Probability-flow ODE: Euler (1 score call per step) or Heun (2).' }],
    update: 'dy/dσ = ε̂ in y = x/a; Euler (= DDIM η = 0) or Heun', source: 'Song et al. 2021; Karras et al. 2022',
  },
  {
    id: 'rwm', label: 'Random-walk Metropolis', name: 'random-walk Metropolis', family: 'mcmc', metropolis: true, gradientFree: true,
    settings: [SCALE],
    update: 'y = x + σ z, accept with min(1, p(y)/p(x)); no gradient', source: 'Metropolis et al. 1953; Hastings 1970',
  },
  {
    id: 'gibbs', label: 'Gibbs (mixtures)', name: 'Gibbs sampling', family: 'mcmc', metropolis: false, gradientFree: true, needsMixture: true,
    settings: [{ key: 'scan', label: 'Scan', kind: 'enum', values: ['systematic', 'random'], valueLabels: ['systematic (x₁ then x₂)', 'random (one coordinate)'], default: 'systematic', live: true, help: 'Gibbs: each iteration draws x₁ | x₂ then x₂ | x₁ (systematic), or one coordinate chosen at random.' }],
    update: 'x_a drawn given x_b: component k ∝ w_k N(x_b; μ_kb, Σ_kbb), then its conditional normal', source: 'Geman & Geman 1984; Gelfand & Smith 1990',
  },
  {
    id: 'am', label: 'Adaptive Metropolis', name: 'adaptive Metropolis', family: 'mcmc', metropolis: true, gradientFree: true,
    settings: [SCALE, { key: 'adaptStart', label: 'Adapt after t₀', kind: 'int', min: 2, max: 100000, scale: 'log', default: 200, help: 'Adaptive Metropolis: iterations with the fixed proposal σ² I before the proposal covariance is learned from the chain.' }],
    update: 'y = x + N(0, s_d (C_t + εI)), C_t the chain\'s own covariance, s_d = 2.4²/2; σ² I for t ≤ t₀', source: 'Haario, Saksman & Tamminen 2001',
  },

  {
    id: 'pt', label: 'Parallel tempering', name: 'parallel tempering', family: 'mcmc', metropolis: true,
    settings: [
      STEP,
      { key: 'replicas', label: 'Replicas K', kind: 'int', min: 2, max: 32, default: 4, help: 'Parallel tempering: temperatures per particle (its ladder: the cold chain you see and K − 1 hotter ones). Each costs one MALA move per iteration.' },
      { key: 'tMax', label: 'Hottest temperature', kind: 'number', min: 1, max: 1e4, scale: 'log', default: 300, help: 'Parallel tempering: the hottest replica samples p^(1/tMax); the temperatures between are geometric. It must be hot enough to cross the valleys between modes.' },
    ],
    update: 'MALA on p^β_k at β_k = tMax^(−k/(K−1)), step h/β_k; swap adjacent replicas (even/odd pairs) with min(1, e^((β_k−β_{k+1})(log p(x_{k+1})−log p(x_k))))', source: 'Swendsen & Wang 1986; Geyer 1991; Earl & Deem 2005',
  },
  {
    id: 'slice', label: 'Slice sampling', name: 'slice sampling', family: 'mcmc', metropolis: true, gradientFree: true,
    settings: [{ key: 'width', label: 'Slice width w', kind: 'number', min: 1e-3, max: 50, scale: 'log', default: 1, live: true, help: 'Slice sampling: the initial interval width along a random direction, stepped out by w (at most 10 steps) and shrunk at each miss. A w near the target\'s scale costs fewest density evaluations; any w is correct.' }],
    update: 'log y = log p(x) − Exp(1); along a random direction, step out by w, then shrink until a point is in the slice', source: 'Neal 2003',
  },
  {
    id: 'svgd', label: 'SVGD (Stein variational)', name: 'SVGD', family: 'mcmc', metropolis: false,
    settings: [
      { key: 'svgdStep', label: 'SVGD step size', kind: 'number', min: 1e-4, max: 1, scale: 'log', default: 0.05, live: true, help: 'SVGD: step of its AdaGrad-with-momentum update, x += ε φ / √(running mean of φ²): each particle moves about ε per iteration while φ keeps its direction. No noise: the run is deterministic given the initial particles.' },
      { key: 'kernel', label: 'Kernel bandwidth', kind: 'enum', values: ['median', 'fixed'], valueLabels: ['Median heuristic', 'Fixed'], default: 'median', live: true, help: 'SVGD: the RBF kernel k(x, y) = exp(−|x − y|² / h). Median heuristic: h = med² / log(n + 1), med the median pairwise distance (among the first 1000 particles), every iteration. Fixed: h is the bandwidth setting.' },
      { key: 'bandwidth', label: 'Fixed bandwidth h', kind: 'number', min: 1e-3, max: 100, scale: 'log', default: 1, live: true, help: 'SVGD: h in k(x, y) = exp(−|x − y|² / h), used only when the kernel bandwidth is Fixed (the median heuristic ignores it). Small h: particles interact only with close neighbours; large h: every particle feels them all.' },
      { key: 'repulsion', label: 'Repulsive term', kind: 'bool', default: true, live: true, help: 'SVGD: the kernel gradient term Σ ∇k that pushes particles apart. Off, SVGD is kernel-smoothed gradient ascent on log p: the particles collapse onto the modes.' },
    ],
    update: 'x ← x + ε φ(x)/√(running mean of φ²), φ(x) = (1/n) Σ_j [k(x_j, x) s(x_j) + ∇_{x_j} k(x_j, x)], k = exp(−|x − y|²/h); no noise', source: 'Liu & Wang 2016',
  },
  {
    id: 'hmcda', label: 'HMC, step tuned (dual averaging)', name: 'HMC with dual averaging', family: 'mcmc', metropolis: true,
    settings: [
      // the initial step: dual averaging moves each chain's from there, so a change restarts the tuning
      { ...STEP, live: false },
      { ...LEAPFROG, live: false },
      DELTA,
      ADAPT_STEPS,
    ],
    update: 'HMC with a step per chain, tuned for M iterations by dual averaging of δ − α towards acceptance δ, then fixed at ε̄', source: 'Hoffman & Gelman 2014 (§3.2, Alg. 5)',
  },
  {
    id: 'nuts', label: 'NUTS (No-U-Turn)', name: 'NUTS', family: 'mcmc', metropolis: true,
    settings: [
      // the initial step: dual averaging moves each chain's from there, so a change restarts the tuning
      { ...STEP, live: false },
      DELTA,
      ADAPT_STEPS,
      { key: 'maxDepth', label: 'Max tree depth', kind: 'int', min: 1, max: 10, default: 6, live: true, help: 'NUTS: the most doublings of a trajectory (at most 2^depth − 1 leapfrog steps an iteration). A chain stops doubling earlier when its trajectory turns back (a U-turn) or diverges; if many chains reach this depth the step is small for the target, or the target is long and thin.' },
    ],
    update: 'leapfrog trajectory doubled in a random direction until it makes a U-turn (Stan\'s checks within and between subtrees) or reaches depth D; the next point drawn from it ∝ e^(−H) (multinomial); step per chain tuned by dual averaging as hmcda', source: 'Hoffman & Gelman 2014 (Alg. 3, 6); Betancourt 2017 (multinomial)',
  },
] as const satisfies readonly SamplerEntry[];

export type SamplerId = (typeof SAMPLER_CATALOG)[number]['id'];
/** URL vocabulary, in menu order */
export const SAMPLER_IDS: readonly SamplerId[] = SAMPLER_CATALOG.map((e) => e.id);

export const SAMPLERS: Readonly<Record<SamplerId, SamplerEntry>> = Object.fromEntries(SAMPLER_CATALOG.map((e): [string, SamplerEntry] => [e.id, e])) as Record<SamplerId, SamplerEntry>;

/** the entry of an id from a URL or a test catalog; undefined when unknown */
export function samplerEntry(id: unknown, catalog: readonly SamplerEntry[] = SAMPLER_CATALOG): SamplerEntry | undefined {
  return catalog.find((e) => e.id === id);
}

/** the keys of an entry's settings that change live */
export function liveSettingKeys(e: SamplerEntry): Set<string> {
  return new Set(e.settings.filter((s) => s.live).map((s) => s.key));
}
