// A sample estimate of KL(Q ‖ P) when Q is a known mixture and P is known only through samples (a sampler's
// output with a mixture prior): KL ≈ mean_i [log q(x_i) − log p̂(x_i)], x_i ~ Q, p̂ a Gaussian KDE of the
// sampler's points (Scott's bandwidth, per-axis). Biased (the KDE smooths P, and the bandwidth floor adds a
// positive offset), so the UI labels it an estimate; on Gaussians it is checked against the closed form.
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { gmmLogProb } from '../gmm';
import type { Mixture } from '../types';

export async function klKde(q: Mixture, qSamples: Tensor2D, pPoints: Float32Array): Promise<number> {
  const n = pPoints.length / 2;
  if (n < 2) throw new Error('klKde: need at least 2 sampler points');
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += pPoints[2 * i]; my += pPoints[2 * i + 1]; }
  mx /= n; my /= n;
  let vx = 0, vy = 0;
  for (let i = 0; i < n; i++) { vx += (pPoints[2 * i] - mx) ** 2; vy += (pPoints[2 * i + 1] - my) ** 2; }
  const f = n ** (-1 / 6); // Scott's factor in 2D
  const hx = Math.max(Math.sqrt(vx / n) * f, 1e-3);
  const hy = Math.max(Math.sqrt(vy / n) * f, 1e-3);
  const v = tf.tidy(() => {
    const p = tf.tensor2d(pPoints, [n, 2]);
    const scale = tf.tensor1d([1 / hx, 1 / hy]);
    const xs = tf.mul(qSamples, scale);
    const ps = tf.mul(p, scale);
    // squared distances [M, n] via |x|² + |p|² − 2 x·p
    const d2 = tf.add(tf.sub(tf.sum(tf.square(xs), 1, true), tf.mul(tf.matMul(xs, ps, false, true), 2)), tf.reshape(tf.sum(tf.square(ps), 1), [1, -1]));
    const logp = tf.sub(tf.logSumExp(tf.mul(d2, -0.5), 1), Math.log(n) + Math.log(2 * Math.PI * hx * hy));
    return tf.mean(tf.sub(gmmLogProb(qSamples, q), logp));
  });
  const out = (await v.data())[0];
  v.dispose();
  return out;
}
