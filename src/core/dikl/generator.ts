// The one-step neural sampler x = f_φ(z), z ~ N(0, I₂) (METHODS.md §3.1): an MLP with SiLU times an output
// factor `scale`. scale = 1 is the paper's plain MLP (the lab's default). scale = d (the target's spread) with
// the output layer initialised at 1/d of its usual size keeps the initial samples O(1) at the origin but lets
// Adam move them d times faster in world units: DiKL spreads sooner, and plain reverse KL also drifts across
// to more modes (docs/dikl-lab.md measures both), so it is an option, not the default.
import { tf } from '../tf';
import type { Tensor2D, Variable } from '../tf';
import type { Rng } from '../rng';
import { Mlp, type PlainWeights } from '../nets/mlp';

export interface GeneratorOptions {
  width: number;
  depth: number;
  scale: number;
  rng: Rng;
}

/** what a saved generator file holds: enough to rebuild the net and check it fits */
export interface GeneratorWeights extends PlainWeights {
  width: number;
  depth: number;
  scale: number;
}

export class Generator {
  private readonly mlp: Mlp;
  readonly width: number;
  readonly depth: number;
  readonly scale: number;

  constructor(o: GeneratorOptions) {
    if (!Number.isInteger(o.width) || o.width < 1) throw new Error(`generator: width must be a positive integer, got ${o.width}`);
    if (!Number.isInteger(o.depth) || o.depth < 1) throw new Error(`generator: depth must be a positive integer, got ${o.depth}`);
    if (!(o.scale > 0) || !Number.isFinite(o.scale)) throw new Error(`generator: scale must be positive, got ${o.scale}`);
    this.width = o.width;
    this.depth = o.depth;
    this.scale = o.scale;
    this.mlp = new Mlp({ inDim: 2, outDim: 2, hidden: o.width, depth: o.depth, rng: o.rng, outScale: 1 / o.scale });
  }

  get vars(): Variable[] {
    return this.mlp.vars;
  }

  /** x = d · MLP(z), [N,2]; inside a gradient scope this is differentiable in φ */
  apply(z: Tensor2D): Tensor2D {
    return tf.tidy(() => tf.mul(this.mlp.apply(z), this.scale) as Tensor2D);
  }

  /** n fresh samples (no gradient), seeded */
  sample(n: number, seed: number): Tensor2D {
    if (!Number.isInteger(n) || n < 1) throw new Error(`generator: sample count must be a positive integer, got ${n}`);
    return tf.tidy(() => this.apply(tf.randomNormal([n, 2], 0, 1, 'float32', seed) as Tensor2D));
  }

  getWeights(): GeneratorWeights {
    return { ...this.mlp.getWeights(), width: this.width, depth: this.depth, scale: this.scale };
  }

  setWeights(w: GeneratorWeights): void {
    if (w.width !== this.width || w.depth !== this.depth) {
      throw new Error(`generator: weights are for width ${w.width} × depth ${w.depth}, this generator is ${this.width} × ${this.depth}`);
    }
    if (w.scale !== this.scale) throw new Error(`generator: weights were trained with output scale ${w.scale}, this target uses ${this.scale}`);
    this.mlp.setWeights(w);
  }

  dispose(): void {
    this.mlp.dispose();
  }
}
