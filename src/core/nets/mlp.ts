// A small fully connected net held as tf.Variables: inDim -> hidden (x depth, SiLU) -> outDim.
// Kept free of any diffusion meaning so other modules (generators, energies) can reuse it.
//
// Initialization: hidden layers He-normal (std sqrt(2/fanIn); SiLU behaves like ReLU for the variance
// argument), biases zero. The output layer is Glorot-uniform scaled by `outScale` (default 1); a score
// net sets it to 0 so that an untrained net returns exactly its analytic baseline (see score-net.ts).
// Every initializer takes rng.seed(), so a seed reproduces the weights bit for bit.
import { tf } from '../tf';
import type { Tensor, Tensor2D, Variable } from '../tf';
import type { Rng } from '../rng';

export interface MlpOptions {
  inDim: number;
  outDim: number;
  /** width of every hidden layer */
  hidden: number;
  /** number of hidden layers (>= 1) */
  depth: number;
  rng: Rng;
  /** multiplier on the output layer's initial weights (0 = zero init) */
  outScale?: number;
}

/** plain-array weights: the shape of each variable and its values, in layer order (W0, b0, W1, b1, ...) */
export interface PlainWeights {
  shapes: number[][];
  values: Float32Array[];
}

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new Error(`mlp: ${name} must be a positive integer, got ${v}`);
}

/** a variable from an initializer tensor; the initializer is freed (tf.variable shares, not moves, its data) */
function own(t: Tensor): Variable {
  const v = tf.variable(t);
  t.dispose();
  return v;
}

export class Mlp {
  /** W0, b0, W1, b1, ..., Wout, bout */
  readonly vars: Variable[];
  private disposed = false;

  constructor(opts: MlpOptions) {
    positiveInt('inDim', opts.inDim);
    positiveInt('outDim', opts.outDim);
    positiveInt('hidden', opts.hidden);
    positiveInt('depth', opts.depth);
    const outScale = opts.outScale ?? 1;
    this.vars = [];
    let fanIn = opts.inDim;
    for (let l = 0; l < opts.depth; l++) {
      const std = Math.sqrt(2 / fanIn);
      this.vars.push(own(tf.randomNormal([fanIn, opts.hidden], 0, std, 'float32', opts.rng.seed())));
      this.vars.push(own(tf.zeros([opts.hidden])));
      fanIn = opts.hidden;
    }
    const limit = outScale * Math.sqrt(6 / (fanIn + opts.outDim));
    const seed = opts.rng.seed(); // drawn even when unused, so outScale does not shift later draws
    const w = limit > 0
      ? tf.randomUniform([fanIn, opts.outDim], -limit, limit, 'float32', seed)
      : tf.zeros([fanIn, opts.outDim]);
    this.vars.push(own(w));
    this.vars.push(own(tf.zeros([opts.outDim])));
  }

  /** forward pass x [N, inDim] -> [N, outDim]; call inside tf.tidy (intermediates are not freed here) */
  apply(x: Tensor2D): Tensor2D {
    this.check();
    let h: Tensor2D = x;
    const n = this.vars.length / 2;
    for (let l = 0; l < n; l++) {
      const z = tf.add(tf.matMul(h, this.vars[2 * l] as Tensor2D), this.vars[2 * l + 1]) as Tensor2D;
      // SiLU(z) = z * sigmoid(z): smooth, so the learned score is smooth in x (no ReLU kinks in the field)
      h = l < n - 1 ? (tf.mul(z, tf.sigmoid(z)) as Tensor2D) : z;
    }
    return h;
  }

  getWeights(): PlainWeights {
    this.check();
    return {
      shapes: this.vars.map((v) => v.shape.slice()),
      values: this.vars.map((v) => Float32Array.from(v.dataSync() as Float32Array)),
    };
  }

  setWeights(w: PlainWeights): void {
    this.check();
    if (w.shapes.length !== this.vars.length || w.values.length !== this.vars.length) {
      throw new Error(`mlp.setWeights: expected ${this.vars.length} arrays, got ${w.values.length}`);
    }
    this.vars.forEach((v, i) => {
      const want = v.shape;
      const got = w.shapes[i];
      const size = want.reduce((p, q) => p * q, 1);
      if (got.length !== want.length || got.some((d, j) => d !== want[j]) || w.values[i].length !== size) {
        throw new Error(
          `mlp.setWeights: array ${i} has shape [${got}] (${w.values[i].length} values), expected [${want}]`,
        );
      }
    });
    tf.tidy(() => this.vars.forEach((v, i) => v.assign(tf.tensor(w.values[i], v.shape))));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.vars.forEach((v) => v.dispose());
  }

  private check(): void {
    if (this.disposed) throw new Error('mlp: used after dispose()');
  }
}
