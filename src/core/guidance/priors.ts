// The data sets of the lab (METHODS.md §0.3, §4.4) and the priors guidance evaluates: exact closed forms
// (a singular-covariance Gaussian mixture for data on a line, Bessel functions for the circle) or a
// learned score, whose Tweedie VJP comes from autodiff.
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { Mixture, NoiseLevel, ScoreFn } from '../types';
import { gmmSample, gmmScore, gmmTweedie, gmmTweedieJacobian } from '../gmm';
import { circleOffSupport, circlePrior, circleSample } from './circle';
import { makeTarget } from '../targets/registry';
import type { TargetId } from '../targets/types';
import { linePrior, type LineComponent } from './jacobian-vec';
import { DATA_IDS, type DataId, type DataSpec, type Prior } from './types';

/** the two-component data: means ±LINE2_MEAN v, standard deviation LINE2_STD along v */
export const LINE2_MEAN = 2;
export const LINE2_STD = 0.5;

/** the data on the line at angle phi (radians) as a Gaussian mixture with singular covariances */
export function lineMixture(id: 'line' | 'line2', phi: number): Mixture {
  if (!Number.isFinite(phi)) throw new Error(`line data: the angle φ must be a finite number, got ${phi}`);
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  const vv = (k: number): [number, number, number] => [k * c * c, k * c * s, k * s * s];
  if (id === 'line') return [{ w: 1, mean: [0, 0], cov: vv(1) }];
  const m = LINE2_MEAN;
  const k = LINE2_STD * LINE2_STD;
  return [
    { w: 1, mean: [m * c, m * s], cov: vv(k) },
    { w: 1, mean: [-m * c, -m * s], cov: vv(k) },
  ];
}

/** ‖x⊥‖/‖x∥‖ for the line spanned by the unit vector v, [N] */
export function lineOffSupport(x: Tensor2D, v: [number, number]): Tensor1D {
  return tf.tidy(() => {
    const para = tf.abs(tf.matMul(x, tf.tensor2d([[v[0]], [v[1]]])));
    const perp = tf.abs(tf.matMul(x, tf.tensor2d([[-v[1]], [v[0]]])));
    return tf.reshape(tf.div(perp, tf.maximum(para, 1e-12)), [-1]) as Tensor1D;
  });
}

/** the 1D components of the line data along v (what linePrior needs) */
export function lineComponents(id: 'line' | 'line2'): LineComponent[] {
  if (id === 'line') return [{ w: 1, mu: 0, var: 1 }];
  const k = LINE2_STD * LINE2_STD;
  return [{ w: 1, mu: LINE2_MEAN, var: k }, { w: 1, mu: -LINE2_MEAN, var: k }];
}

export interface DataOptions {
  /** the components of data 'custom' */
  components?: Mixture;
  /** the points of data 'drawn' (drawn on the plane or loaded from a file), interleaved x, y */
  points?: Float32Array;
}

/** a foundation target as data: mixtures carry their closed forms, data sets only sample */
function targetData(id: DataId, o: DataOptions): DataSpec {
  if (!(DATA_IDS as readonly string[]).includes(id)) throw new Error(`unknown data '${String(id)}'; known: ${DATA_IDS.join(', ')}`);
  const t = makeTarget(id as TargetId, { components: o.components, points: o.points });
  const b = t.box;
  // pad the target's box so guided samples that leave the data stay in view
  const pad = 0.5 * Math.max(b.xmax - b.xmin, b.ymax - b.ymin);
  return {
    id, label: t.label, sample: (n, rng) => t.sample(n, rng), mixture: t.mixture,
    scale: Math.max(b.xmax - b.xmin, b.ymax - b.ymin) / 6,
    box: { xmin: b.xmin - pad, xmax: b.xmax + pad, ymin: b.ymin - pad, ymax: b.ymax + pad },
  };
}

export function makeData(id: DataId, phi: number, o: DataOptions = {}): DataSpec {
  if (id === 'circle') {
    return { id, label: 'unit circle', sample: circleSample, offSupport: circleOffSupport, scale: 1, box: { xmin: -3, xmax: 3, ymin: -3, ymax: 3 } };
  }
  if (id !== 'line' && id !== 'line2') return targetData(id, o);
  const mix = lineMixture(id, phi);
  const v: [number, number] = [Math.cos(phi), Math.sin(phi)];
  return {
    id,
    label: id === 'line' ? 'line (N(0,1) along v)' : 'two Gaussians on a line',
    sample: (n, rng) => gmmSample(n, mix, rng),
    offSupport: (x) => lineOffSupport(x, v),
    direction: v,
    mixture: mix,
    scale: 1,
    box: { xmin: -8, xmax: 8, ymin: -8, ymax: 8 },
  };
}
/** exact prior of a Gaussian mixture: Tweedie and its Jacobian in closed form (J is symmetric, so Jᵀg = J g) */
export function mixturePrior(mix: Mixture): Prior {
  return {
    exact: true,
    score: (x, level) => gmmScore(x, mix, level),
    tweedie: (x, level) => gmmTweedie(x, mix, level),
    tweedieVjp: (x, level, g) =>
      tf.tidy(() => tf.reshape(tf.matMul(gmmTweedieJacobian(x, mix, level), tf.expandDims(g, 2)), [-1, 2]) as Tensor2D),
  };
}

/**
 * the exact prior of a data spec: the circle's Bessel forms, the line data in range-preserving form
 * (jacobian-vec.ts: G_loss exactly tangent), a foundation mixture by the GMM closed forms
 */
export function exactPrior(data: DataSpec): Prior {
  if (data.id === 'circle') return circlePrior;
  if ((data.id === 'line' || data.id === 'line2') && data.direction) return linePrior(lineComponents(data.id), data.direction);
  if (!data.mixture) throw new Error(`data '${data.id}' has no closed-form score: use the learned prior (score=learned)`);
  return mixturePrior(data.mixture);
}

/** x̂0 = (x + s² score)/a */
function tweedieOf(score: ScoreFn, x: Tensor2D, level: NoiseLevel): Tensor2D {
  return tf.tidy(() => tf.div(tf.add(x, tf.mul(score(x, level), level.s2)), level.a) as Tensor2D);
}

/**
 * a prior from any score function (a learned net): the VJP (∂x̂0/∂x)ᵀ g is the gradient of Σ_i gᵢᵀ x̂0(xᵢ);
 * rows do not interact, so the gradient of the sum is the per-row VJP.
 */
export function scorePrior(score: ScoreFn): Prior {
  return {
    exact: false,
    score,
    tweedie: (x, level) => tweedieOf(score, x, level),
    tweedieVjp: (x, level, g) =>
      tf.tidy(() => tf.grad((xx) => tf.sum(tf.mul(tweedieOf(score, xx as Tensor2D, level), g)))(x) as Tensor2D),
  };
}
