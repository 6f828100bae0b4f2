// The zero-shot rules of affine-rules.ts as batched tensor score functions, for any Gaussian-mixture prior
// (a Gaussian is a 1-component mixture). Same formulas, with the prior score, Tweedie mean and its Jacobian
// from the mixture closed forms (gmm.ts), or with a substitute prior score (a learned net) where given.
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '../tf';
import { gmmScore, gmmTweedie, gmmTweedieJacobian } from '../gmm';
import type { Mixture, NoiseLevel, ScoreFn } from '../types';
import { I2, msub, type M2, type V2 } from './mat2';
import type { RuleId } from './measurement';

export interface MixtureCondSetup {
  prior: Mixture;
  post: Mixture; // exact posterior (true σ_y)
  P: M2;
  u: V2;
  sigmaYAssumed: number;
  zeta: number;
  eta: number; // DDNM+'s η
}

/** x Mᵀ for row-vector batches x [N,2] (applies M to each row) */
function applyRows(x: Tensor2D, M: M2): Tensor2D {
  return tf.matMul(x, tf.tensor2d([M[0], M[2], M[1], M[3]], [2, 2])) as Tensor2D;
}

/** s̃_t(x) of `rule` at `level`, [N,2] */
export function ruleScoreTensor(rule: RuleId, x: Tensor2D, level: NoiseLevel, cs: MixtureCondSetup): Tensor2D {
  const { a, s2 } = level;
  if (!(s2 > 0)) throw new Error(`rules need a noised level (s² > 0), got s² = ${s2}`);
  return tf.tidy(() => {
    if (rule === 'oracle') return gmmScore(x, cs.post, level);
    const sp = gmmScore(x, cs.prior, level);
    if (rule === 'uncond') return sp;
    const { P, u } = cs;
    const ut = tf.tensor1d([u[0], u[1]]);
    if (rule === 'ddnm' || rule === 'bo-ddnm') {
      const den = rule === 'ddnm' ? s2 : s2 + a * a * cs.sigmaYAssumed ** 2;
      const obs = tf.div(tf.sub(tf.mul(ut, a), applyRows(x, P)), den);
      return tf.add(applyRows(sp, msub(I2, P)), obs) as Tensor2D;
    }
    let gain: number;
    if (rule === 'dps') gain = 2 * cs.zeta;
    else if (rule === 'pigdm') gain = 1 / (s2 / (a * a + s2) + cs.sigmaYAssumed ** 2);
    else if (rule === 'ddnm-plus') throw new Error('DDNM+ is not a DDPM score rule: use ruleStepFn (rule-steps.ts)');
    else throw new Error(`unknown rule '${String(rule)}'`);
    const x0 = gmmTweedie(x, cs.prior, level);
    const J = gmmTweedieJacobian(x, cs.prior, level) as Tensor; // [N,2,2], J[n,i,j] = ∂x̂0_i/∂x_j
    const r = tf.sub(ut, applyRows(x0, P)); // Aᵀ(y − A x̂0)
    const g = tf.reshape(tf.matMul(J, tf.reshape(r, [-1, 2, 1]), true, false), [-1, 2]); // Jᵀ r
    return tf.add(sp, tf.mul(g, gain)) as Tensor2D;
  });
}

export function ruleScoreFn(rule: RuleId, cs: MixtureCondSetup): ScoreFn {
  return (x, level) => ruleScoreTensor(rule, x, level, cs);
}
