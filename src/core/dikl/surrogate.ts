// DiKL's surrogate loss (METHODS.md §3.1; official loss.py `diKL_loss`):
//   L(φ) = mean_batch ⟨ stopgrad(w_t (ŝ_model(x_t, t) − ŝ_target(x_t))), x_t(φ) ⟩,  x_t = a_t f_φ(z) + s_t ε.
// Its gradient is the stochastic gradient of Σ_t w(t) KL(p_φ^{(t)} ‖ p^{(t)}) (the E[∇_φ log p_φ^{(t)}]
// term vanishes). The coefficient is computed outside the gradient tape, which is what stopgrad means.
import { tf } from '../tf';
import type { Scalar, Tensor2D } from '../tf';

/** w (ŝ_model − ŝ_target), [N,2]; rows with a non-finite estimate get 0 (the code skips NaN/Inf batches) */
export function surrogateCoef(model: Tensor2D, target: Tensor2D, w: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const c = tf.mul(w, tf.sub(model, target));
    const ok = tf.all(tf.isFinite(c), 1, true);
    return tf.where(tf.broadcastTo(ok, c.shape), c, tf.zerosLike(c)) as Tensor2D;
  });
}

/** the surrogate value for generator output x(φ) [N,2]; differentiate it with tf.variableGrads */
export function surrogateLoss(x: Tensor2D, a: Tensor2D, s: Tensor2D, eps: Tensor2D, coef: Tensor2D): Scalar {
  return tf.tidy(() => {
    const xt = tf.add(tf.mul(a, x), tf.mul(s, eps));
    return tf.mean(tf.sum(tf.mul(coef, xt), 1)) as Scalar;
  });
}
