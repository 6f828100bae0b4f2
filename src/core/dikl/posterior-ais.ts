// The paper's denoising-posterior sampler (METHODS.md §3.2; official sampler/denoise_sampler.py, ais.py):
// p(x0 | x_t) ∝ p(x0) N(x_t; a x0, s² I), with a and s² per row.
//   1. proposal q = N(x_t/a, (s/a)² I) (the likelihood normalized in x0), `particles` draws per row,
//      clipped to ±clip (the code truncates to [−1000, 1000]);
//   2. AIS along π_β ∝ q · p^β, β = j/S, j = 1..S: log-weight += Δβ log p(x), then one MALA move on π_β;
//   3. one particle per row by Gumbel-max on the log-weights;
//   4. `malaSteps` MALA steps on the posterior (β = 1); the result is the last state and ∇log p there.
// The official MoG-40 config moves with HMC of one leapfrog step ε = 1; one leapfrog step of HMC is exactly
// MALA with h = ε²/2, so MALA is the only kernel here (h = 0.5 reproduces that config).
// Since q · p = a² · p(x0) N(x_t; a x0, s²), mean(exp(log w)) is an unbiased estimate of a² p_t(x_t) (2D):
// the unit test checks it on a Gaussian target where p_t is known.
import { tf } from '../tf';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '../tf';
import type { Rng } from '../rng';

/** log p(x0) (unnormalized is fine) and its gradient, from one pass */
export type ScoredDensity = (x: Tensor2D) => { logp: Tensor1D; grad: Tensor2D };

export interface AisOptions {
  /** the lab's isSamples: particles per row */
  particles: number;
  /** AIS temperatures S (0 = plain importance sampling) */
  aisSteps: number;
  /** MALA step h of the AIS moves */
  aisStep: number;
  /** MALA steps on the posterior after resampling */
  malaSteps: number;
  /** their step h */
  malaStep: number;
  /** proposal clip (the code's truncation to ±1000) */
  clip: number;
}

export const PAPER_AIS: AisOptions = { particles: 10, aisSteps: 15, aisStep: 0.5, malaSteps: 5, malaStep: 0.01, clip: 1000 };

export function checkAisOptions(o: AisOptions): void {
  const int = (k: keyof AisOptions, min: number) => {
    if (!Number.isInteger(o[k]) || o[k] < min) throw new Error(`posterior sampler: ${k} must be an integer >= ${min}, got ${o[k]}`);
  };
  int('particles', 1);
  int('aisSteps', 0);
  int('malaSteps', 0);
  for (const k of ['aisStep', 'malaStep', 'clip'] as const) {
    if (!(o[k] > 0) || !Number.isFinite(o[k])) throw new Error(`posterior sampler: ${k} must be a positive number, got ${o[k]}`);
  }
}

/** the state of a chain on π_β(x) = −|x − m|²/(2v) + β log p(x) with cached log p and ∇log p */
interface Chain { x: Tensor2D; logp: Tensor1D; grad: Tensor2D }

const sqNorm = (t: Tensor): Tensor1D => tf.sum(tf.square(t), 1) as Tensor1D;

function logPi(c: Chain, m: Tensor2D, v: Tensor2D, beta: number): Tensor1D {
  // v is [N,1]: flatten it, or [N] / [N,1] would broadcast to [N,N]
  return tf.sub(tf.mul(c.logp, beta), tf.div(sqNorm(tf.sub(c.x, m)), tf.mul(tf.reshape(v, [-1]), 2))) as Tensor1D;
}
function gradPi(c: Chain, m: Tensor2D, v: Tensor2D, beta: number): Tensor2D {
  return tf.sub(tf.mul(c.grad, beta), tf.div(tf.sub(c.x, m), v)) as Tensor2D;
}

/** one MALA move on π_β for every row (inside tf.tidy); returns the new chain and the acceptance mask */
function malaMove(c: Chain, f: ScoredDensity, m: Tensor2D, v: Tensor2D, beta: number, h: number, rng: Rng): { next: Chain; ok: Tensor } {
  const n = c.x.shape[0];
  const xi = tf.randomNormal([n, 2], 0, 1, 'float32', rng.seed());
  const gx = gradPi(c, m, v, beta);
  const y = tf.add(tf.add(c.x, tf.mul(gx, h)), tf.mul(xi, Math.sqrt(2 * h))) as Tensor2D;
  const fy = f(y);
  const cy: Chain = { x: y, logp: fy.logp, grad: fy.grad };
  const gy = gradPi(cy, m, v, beta);
  const back = tf.div(sqNorm(tf.sub(tf.sub(c.x, y), tf.mul(gy, h))), -4 * h);
  const logAlpha = tf.add(tf.sub(logPi(cy, m, v, beta), logPi(c, m, v, beta)), tf.sub(back, tf.mul(sqNorm(xi), -0.5)));
  const logU = tf.log(tf.randomUniform([n], 0, 1, 'float32', rng.seed()));
  const ok = tf.less(logU, logAlpha); // NaN compares false: a bad proposal is rejected
  const ok2 = tf.expandDims(ok, 1);
  return {
    next: { x: tf.where(ok2, y, c.x) as Tensor2D, logp: tf.where(ok, cy.logp, c.logp) as Tensor1D, grad: tf.where(ok2, cy.grad, c.grad) as Tensor2D },
    ok,
  };
}

/** rows repeated P times, row-major: row i's particles are i·P .. i·P + P − 1 */
const repeatRows = (t: Tensor2D, P: number): Tensor2D => tf.reshape(tf.tile(tf.expandDims(t, 1), [1, P, 1]), [-1, t.shape[1]]) as Tensor2D;

/** steps 1–2: AIS particles [N·P,2] with their cached density, and log-weights [N,P]. Call inside tf.tidy. */
export function aisParticles(xt: Tensor2D, a: Tensor2D, s2: Tensor2D, f: ScoredDensity, o: AisOptions, rng: Rng): { chain: Chain; logw: Tensor2D; m: Tensor2D; v: Tensor2D } {
  checkAisOptions(o);
  const P = o.particles;
  const n = xt.shape[0];
  const m = repeatRows(tf.div(xt, a) as Tensor2D, P);
  const v = repeatRows(tf.div(s2, tf.square(a)) as Tensor2D, P);
  const eps = tf.randomNormal([n * P, 2], 0, 1, 'float32', rng.seed());
  const x0 = tf.clipByValue(tf.add(m, tf.mul(eps, tf.sqrt(v))), -o.clip, o.clip) as Tensor2D;
  const f0 = f(x0);
  let chain: Chain = { x: x0, logp: f0.logp, grad: f0.grad };
  let logw: Tensor1D = tf.zeros([n * P]);
  for (let j = 1; j <= o.aisSteps; j++) {
    const beta = j / o.aisSteps;
    logw = tf.add(logw, tf.mul(chain.logp, 1 / o.aisSteps)) as Tensor1D;
    chain = malaMove(chain, f, m, v, beta, o.aisStep, rng).next;
  }
  // plain IS (S = 0): the weight is the full p(x0)
  if (o.aisSteps === 0) logw = chain.logp;
  return { chain, logw: tf.reshape(logw, [n, P]) as Tensor2D, m, v };
}

/** the whole estimator: one approximate posterior sample x0 per row, ∇log p(x0), and the MALA acceptance */
export function aisPosterior(xt: Tensor2D, a: Tensor2D, s2: Tensor2D, f: ScoredDensity, o: AisOptions, rng: Rng): { x0: Tensor2D; grad: Tensor2D; accept: Scalar } {
  return tf.tidy(() => {
    const { chain, logw } = aisParticles(xt, a, s2, f, o, rng);
    const [n, P] = logw.shape as [number, number];
    const u = tf.randomUniform([n, P], 1e-20, 1, 'float32', rng.seed());
    // non-finite weights (a particle far in a tail) lose the Gumbel-max rather than poisoning it
    const safe = tf.where(tf.isFinite(logw), logw, tf.fill([n, P], -1e30));
    const pick = tf.argMax(tf.sub(safe, tf.log(tf.neg(tf.log(u)))), 1);
    const idx = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(P, 'int32')), tf.cast(pick, 'int32'));
    const take = (t: Tensor) => tf.gather(t, idx);
    let c: Chain = { x: take(chain.x) as Tensor2D, logp: take(chain.logp) as Tensor1D, grad: take(chain.grad) as Tensor2D };
    const mRow = tf.div(xt, a) as Tensor2D;
    const vRow = tf.div(s2, tf.square(a)) as Tensor2D;
    let accepted: Tensor = tf.scalar(0);
    for (let k = 0; k < o.malaSteps; k++) {
      const { next, ok } = malaMove(c, f, mRow, vRow, 1, o.malaStep, rng);
      accepted = tf.add(accepted, tf.mean(tf.cast(ok, 'float32')));
      c = next;
    }
    const accept = (o.malaSteps > 0 ? tf.div(accepted, o.malaSteps) : tf.scalar(NaN)) as Scalar;
    return { x0: c.x, grad: c.grad, accept };
  });
}
