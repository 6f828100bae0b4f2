// Analytic (non-mixture) targets with normalized densities, exact clean scores and exact samplers.
// Their noised scores have no closed form, so `score` refuses any level but the clean one rather than
// silently returning the clean score where a diffusion sampler expects a noised one.
import { tf } from '../tf';
import type { Tensor, Tensor1D, Tensor2D } from '../tf';
import type { NoiseLevel, ScoreFn } from '../types';
import type { Rng } from '../rng';
import type { Target, TargetId, TargetOptions } from './types';
import { cachedDensity, integrate } from './quadrature';
import { TARGETS, type TargetIdOf } from './catalog';
import { makeDoubleWell } from './double-well';
import { makeFormulaTarget } from './formula/target';
import { DEFAULT_FORMULA_SPEC } from './formula/spec';

const LOG_2PI = Math.log(2 * Math.PI);
const normalPdf = (x: number, m: number, v: number) => Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);

/** throw unless the level is the clean one (the only level an analytic target has an exact score at) */
export function assertCleanLevel(id: TargetId, level: NoiseLevel): void {
  if (level.s2 > 0 || level.a !== 1) {
    throw new Error(
      `target '${id}' has an exact score only at the clean level (a = 1, s2 = 0), not at {a: ${level.a}, s2: ${level.s2}}; ` +
        'use a mixture target or a learned score for noised levels',
    );
  }
}

/** wrap a clean score so that a noised level fails loudly */
export function cleanOnly(id: TargetId, f: (x1: Tensor1D, x2: Tensor1D) => [Tensor, Tensor]): ScoreFn {
  return (x: Tensor2D, level: NoiseLevel) => {
    assertCleanLevel(id, level);
    return tf.tidy(() => {
      const [x1, x2] = tf.unstack(x, 1) as [Tensor1D, Tensor1D];
      return tf.stack(f(x1, x2), 1) as Tensor2D;
    });
  };
}

/** log density from a per-column formula, inside tf.tidy */
export function columnwise(f: (x1: Tensor1D, x2: Tensor1D) => Tensor): (x: Tensor2D) => Tensor1D {
  return (x) => tf.tidy(() => {
    const [x1, x2] = tf.unstack(x, 1) as [Tensor1D, Tensor1D];
    return f(x1, x2) as Tensor1D;
  });
}

/** n rows from a JS generator of one (x1, x2) pair, so a seed gives the same points on every backend */
export function sampleRows(n: number, draw: (out: Float32Array, i: number) => void): Tensor2D {
  if (!Number.isInteger(n) || n < 0) throw new Error(`sample: n must be a non-negative integer, got ${n}`);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) draw(out, 2 * i);
  return tf.tensor2d(out, [n, 2]);
}

/**
 * Banana (Haario et al.'s twisted Gaussian): x1 ~ N(0, 2²), x2 | x1 ~ N(b (x1² − 4), 1), b = 0.25.
 * The −4 centres x2 (E[x2] = 0); the density is normalized as written (a product of two normals).
 */
export const BANANA_B = 0.25;
export function makeBanana(): Target {
  const b = BANANA_B;
  const marginal2 = cachedDensity(
    (y) => integrate((t) => normalPdf(t, 0, 4) * normalPdf(y, b * (t * t - 4), 1), -14, 14, 2800), -10, 60, 1401);
  return {
    id: 'banana', label: TARGETS.banana.name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { xmin: -6, xmax: 6, ymin: -4, ymax: 8 },
    logDensity: columnwise((x1, x2) => {
      const r = tf.sub(x2, tf.mul(tf.sub(tf.square(x1), 4), b));
      return tf.sub(tf.neg(tf.add(tf.div(tf.square(x1), 8), tf.div(tf.square(r), 2))), LOG_2PI + Math.log(2));
    }),
    score: cleanOnly('banana', (x1, x2) => {
      const r = tf.sub(x2, tf.mul(tf.sub(tf.square(x1), 4), b));
      return [tf.add(tf.mul(x1, -0.25), tf.mul(tf.mul(x1, r), 2 * b)), tf.neg(r)];
    }),
    sample: (n: number, rng: Rng) => sampleRows(n, (o, i) => {
      const x1 = 2 * rng.normal();
      o[i] = x1;
      o[i + 1] = b * (x1 * x1 - 4) + rng.normal();
    }),
    marginal: (axis, xs) => (axis === 0 ? xs.map((x) => normalPdf(x, 0, 4)) : marginal2(xs)),
  };
}

/**
 * Neal's funnel, tamed for a 2D plot: v = x1 ~ N(0, 1.2²), x2 | v ~ N(0, e^v). Neal's original uses
 * v ~ N(0, 3²), whose neck and mouth differ by e^{±4.5} in width and cannot both be seen in one box;
 * σ_v = 1.2 keeps the x2-scale between e^{−1.2} and e^{1.2} over ±2σ_v, inside the box [−4,4]×[−8,8].
 */
export const FUNNEL_SIGMA_V = 1.2;
export function makeFunnel(): Target {
  const sv = FUNNEL_SIGMA_V;
  const vv = sv * sv;
  // symmetric in x2, so tabulate |x2| only
  const half = cachedDensity((y) => integrate((v) => normalPdf(v, 0, vv) * normalPdf(y, 0, Math.exp(v)), -6 * sv, 6 * sv, 1440), 0, 40, 2001);
  return {
    id: 'funnel', label: TARGETS.funnel.name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { xmin: -4, xmax: 4, ymin: -8, ymax: 8 },
    logDensity: columnwise((v, y) => {
      const quad = tf.add(tf.div(tf.square(v), 2 * vv), tf.mul(tf.mul(tf.square(y), tf.exp(tf.neg(v))), 0.5));
      return tf.sub(tf.neg(tf.add(quad, tf.mul(v, 0.5))), LOG_2PI + Math.log(sv));
    }),
    score: cleanOnly('funnel', (v, y) => {
      const e = tf.exp(tf.neg(v));
      return [tf.add(tf.sub(tf.div(v, -vv), 0.5), tf.mul(tf.mul(tf.square(y), e), 0.5)), tf.neg(tf.mul(y, e))];
    }),
    sample: (n: number, rng: Rng) => sampleRows(n, (o, i) => {
      const v = sv * rng.normal();
      o[i] = v;
      o[i + 1] = Math.exp(v / 2) * rng.normal();
    }),
    marginal: (axis, xs) => (axis === 0 ? xs.map((x) => normalPdf(x, 0, vv)) : half(xs.map(Math.abs))),
  };
}

/**
 * Donut (Chi Feng's MCMC gallery): log p = −(|x| − r0)² / (2σ²) − log Z with the gallery's r0 = 2.6 and
 * 2σ² = 0.033. In polar coordinates p(r, θ) ∝ r N(r; r0, σ²), so Z = 2π (σ² e^{−r0²/2σ²} + r0 σ √(2π) Φ(r0/σ))
 * (Φ(20) = 1 to double precision). |x| carries a 1e-12 floor so the score is finite at the origin, where
 * the density is e^{−200}: nothing there to sample.
 */
export const DONUT_R0 = 2.6;
export const DONUT_SIGMA = Math.sqrt(0.033 / 2);
export function makeDonut(): Target {
  const r0 = DONUT_R0;
  const v = DONUT_SIGMA * DONUT_SIGMA;
  const logZ = Math.log(2 * Math.PI * (v * Math.exp(-(r0 * r0) / (2 * v)) + r0 * DONUT_SIGMA * Math.sqrt(2 * Math.PI)));
  const pdf = (x: number, y: number) => Math.exp(-((Math.hypot(x, y) - r0) ** 2) / (2 * v) - logZ);
  // symmetric in both axes and under x1 <-> x2: one tabulated marginal of |x|
  const half = cachedDensity((x) => integrate((y) => pdf(x, y), -4, 4, 3200), 0, 4, 801);
  const radius = (x1: Tensor1D, x2: Tensor1D) => tf.sqrt(tf.add(tf.add(tf.square(x1), tf.square(x2)), 1e-12));
  return {
    id: 'donut', label: TARGETS.donut.name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { xmin: -4, xmax: 4, ymin: -4, ymax: 4 },
    logDensity: columnwise((x1, x2) => tf.sub(tf.div(tf.square(tf.sub(radius(x1, x2), r0)), -2 * v), logZ)),
    score: cleanOnly('donut', (x1, x2) => {
      const r = radius(x1, x2);
      const c = tf.div(tf.sub(r, r0), tf.mul(r, -v)); // d log p / dr divided by r
      return [tf.mul(c, x1), tf.mul(c, x2)];
    }),
    // r from r N(r; r0, σ²) on r > 0 by rejection from N(r0, σ²), accepting with r / (r0 + 10σ) (the
    // normal's mass past 10σ is 1e-23), then a uniform angle
    sample: (n: number, rng: Rng) => sampleRows(n, (o, i) => {
      const cap = r0 + 10 * DONUT_SIGMA;
      let r: number;
      do r = r0 + DONUT_SIGMA * rng.normal();
      while (!(r > 0 && rng.uniform() * cap < r));
      const th = 2 * Math.PI * rng.uniform();
      o[i] = r * Math.cos(th);
      o[i + 1] = r * Math.sin(th);
    }),
    marginal: (_axis, xs) => half(xs.map(Math.abs)),
  };
}

/**
 * Squiggle (Chi Feng's MCMC gallery): z = (x1, x2 + sin(5 x1)) ~ N(0, Σ), Σ = [[2, 0.25], [0.25, 0.5]].
 * The map x -> z has Jacobian determinant 1, so p(x) = N(z(x); 0, Σ) is normalized as written, samples
 * are exact (x1 = z1, x2 = z2 − sin(5 z1)) and the score is Jᵀ ∇_z log N = [g1 + 5 cos(5 x1) g2, g2] with
 * g = −Σ⁻¹ z.
 */
export const SQUIGGLE_COV = [2, 0.25, 0.5] as const;
export function makeSquiggle(): Target {
  const [a, b, c] = SQUIGGLE_COV;
  const det = a * c - b * b;
  const [pa, pb, pc] = [c / det, -b / det, a / det]; // Σ⁻¹
  const l11 = Math.sqrt(a);
  const l21 = b / l11;
  const l22 = Math.sqrt(c - l21 * l21);
  const logZ = LOG_2PI + 0.5 * Math.log(det);
  const pdf = (x: number, y: number) => {
    const z2 = y + Math.sin(5 * x);
    return Math.exp(-0.5 * (pa * x * x + 2 * pb * x * z2 + pc * z2 * z2) - logZ);
  };
  const marginal2 = cachedDensity((y) => integrate((x) => pdf(x, y), -9, 9, 7200), -4, 4, 801);
  const g = (x1: Tensor1D, x2: Tensor1D): [Tensor, Tensor] => {
    const z2 = tf.add(x2, tf.sin(tf.mul(x1, 5)));
    return [tf.neg(tf.add(tf.mul(x1, pa), tf.mul(z2, pb))), tf.neg(tf.add(tf.mul(x1, pb), tf.mul(z2, pc)))];
  };
  return {
    id: 'squiggle', label: TARGETS.squiggle.name, kind: 'analytic', normalized: true, exactNoisedScore: false,
    box: { xmin: -5, xmax: 5, ymin: -4, ymax: 4 },
    logDensity: columnwise((x1, x2) => {
      const z2 = tf.add(x2, tf.sin(tf.mul(x1, 5)));
      const quad = tf.add(tf.add(tf.mul(tf.square(x1), pa), tf.mul(tf.mul(x1, z2), 2 * pb)), tf.mul(tf.square(z2), pc));
      return tf.sub(tf.mul(quad, -0.5), logZ);
    }),
    score: cleanOnly('squiggle', (x1, x2) => {
      const [g1, g2] = g(x1, x2);
      return [tf.add(g1, tf.mul(tf.mul(tf.cos(tf.mul(x1, 5)), 5), g2)), g2];
    }),
    sample: (n: number, rng: Rng) => sampleRows(n, (o, i) => {
      const e1 = rng.normal();
      const e2 = rng.normal();
      const z1 = l11 * e1;
      o[i] = z1;
      o[i + 1] = l21 * e1 + l22 * e2 - Math.sin(5 * z1);
    }),
    marginal: (axis, xs) => (axis === 0 ? xs.map((x) => normalPdf(x, 0, a)) : marginal2(xs)),
  };
}

/**
 * Every analytic target by id (registry.ts dispatches here). Keyed by TargetIdOf<'analytic'>: a catalog
 * entry of that family without its line does not compile. Arrows, since double-well.ts imports this
 * module's helpers (the table is read at call time, not while the modules load). A target that takes
 * options reads them from its argument (the formula; without one, the default ring DEFAULT_FORMULA, so a
 * fresh menu choice or a test that builds every target gets a density).
 */
export const ANALYTIC: Record<TargetIdOf<'analytic'>, (opts?: TargetOptions) => Target> = {
  banana: () => makeBanana(),
  funnel: () => makeFunnel(),
  'double-well': () => makeDoubleWell(),
  donut: () => makeDonut(),
  squiggle: () => makeSquiggle(),
  formula: (opts) => makeFormulaTarget(opts?.formula ?? DEFAULT_FORMULA_SPEC),
};
