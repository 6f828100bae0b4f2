// Gibbs sampling on a Gaussian mixture: each coordinate drawn from its exact conditional given the other.
// For a mixture Σ_k w_k N(μ_k, Σ_k), x_a | x_b is again a mixture: component k with weight
// ∝ w_k N(x_b; μ_kb, Σ_kbb), mean μ_ka + Σ_kab/Σ_kbb (x_b − μ_kb), variance Σ_kaa − Σ_kab²/Σ_kbb. So a step
// is a component draw (Gumbel-max on those log weights) and a normal draw, no gradient, no rejection.
// Only the mixtures have these conditionals here (the lab falls back elsewhere); it mixes fast when the
// components are axis-aligned and slowly when they are strongly correlated (the lesson of its preset).
// scan: 'systematic' updates x1 then x2 each iteration; 'random' one coordinate chosen at random.
import { tf } from '../../tf';
import type { Tensor1D, Tensor2D } from '../../tf';
import { type Mixture } from '../../types';
import { ParticleSampler, type Advance } from '../base';
import type { SamplerOptions } from '../types';

/** per-axis constants of the conditionals x_a | x_b, one entry per component */
interface Conditional {
  logW: Float32Array; // log w_k − ½ log(2π Σ_kbb)
  mb: Float32Array; // μ_kb
  vb: Float32Array; // Σ_kbb
  ma: Float32Array; // μ_ka
  slope: Float32Array; // Σ_kab / Σ_kbb
  sd: Float32Array; // √(Σ_kaa − Σ_kab²/Σ_kbb)
}

function conditional(mix: Mixture, a: 0 | 1): Conditional {
  const b = 1 - a;
  const K = mix.length;
  const out: Conditional = { logW: new Float32Array(K), mb: new Float32Array(K), vb: new Float32Array(K), ma: new Float32Array(K), slope: new Float32Array(K), sd: new Float32Array(K) };
  mix.forEach((c, k) => {
    const [xx, xy, yy] = c.cov;
    const vaa = a === 0 ? xx : yy;
    const vbb = a === 0 ? yy : xx;
    out.logW[k] = Math.log(c.w) - 0.5 * Math.log(2 * Math.PI * vbb);
    out.mb[k] = c.mean[b];
    out.vb[k] = vbb;
    out.ma[k] = c.mean[a];
    out.slope[k] = xy / vbb;
    out.sd[k] = Math.sqrt(Math.max(vaa - (xy * xy) / vbb, 1e-12));
  });
  return out;
}

export class GibbsSampler extends ParticleSampler {
  readonly id = 'gibbs' as const;
  private readonly cond: [Conditional, Conditional];

  constructor(opts: SamplerOptions) {
    super(opts);
    if (!opts.mixture || opts.mixture.length === 0) {
      this.dispose();
      throw new Error("sampler 'gibbs': needs the target's Gaussian mixture for its exact conditionals (this target is not one)");
    }
    this.cond = [conditional(opts.mixture, 0), conditional(opts.mixture, 1)];
  }

  protected advance(): Advance {
    let x = this.particles();
    const axes: (0 | 1)[] = this.setting('scan') === 'random' ? [this.rng.uniform() < 0.5 ? 0 : 1] : [0, 1];
    for (const a of axes) x = this.drawAxis(x, a);
    return { x };
  }

  /** x with coordinate a replaced by a draw from its conditional given the other */
  private drawAxis(x: Tensor2D, a: 0 | 1): Tensor2D {
    const c = this.cond[a];
    const n = x.shape[0];
    const K = c.logW.length;
    const [x1, x2] = tf.unstack(x, 1) as [Tensor1D, Tensor1D];
    const xb = tf.expandDims(a === 0 ? x2 : x1, 1); // [n,1]
    const db = tf.sub(xb, tf.tensor1d(c.mb)); // [n,K]
    const logits = tf.sub(tf.tensor1d(c.logW), tf.div(tf.square(db), tf.mul(tf.tensor1d(c.vb), 2)));
    // tf.oneHot needs depth >= 2: one component is always that component
    const pick = K === 1 ? tf.ones([n, 1]) : tf.cast(tf.oneHot(tf.argMax(tf.sub(logits, tf.log(tf.neg(tf.log(tf.randomUniform([n, K], 1e-12, 1, 'float32', this.rng.seed()))))), 1), K), 'float32');
    const mean = tf.sum(tf.mul(pick, tf.add(tf.tensor1d(c.ma), tf.mul(db, tf.tensor1d(c.slope)))), 1);
    const sd = tf.sum(tf.mul(pick, tf.tensor1d(c.sd)), 1);
    const xa = tf.add(mean, tf.mul(sd, tf.randomNormal([n], 0, 1, 'float32', this.rng.seed())));
    return (a === 0 ? tf.stack([xa, x2], 1) : tf.stack([x1, xa], 1)) as Tensor2D;
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default GibbsSampler;
