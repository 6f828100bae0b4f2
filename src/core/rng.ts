// Seeded PRNG (xoshiro128**) with seed splitting. All randomness in core/ flows from one of these,
// so a URL seed replays a run. tfjs random ops take an integer seed: use rng.seed() for each call.
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  constructor(seed: number) {
    // splitmix32 expands the user seed into a non-zero 128-bit state
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() || 1;
  }

  /** uint32 */
  nextU32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    this.s0 >>>= 0; this.s1 >>>= 0; this.s2 >>>= 0; this.s3 >>>= 0;
    return r;
  }

  /** uniform in [0, 1) */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** standard normal (Box-Muller, caches the second value) */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** a fresh 31-bit integer seed for one tfjs random op (tf.randomNormal(..., seed)) */
  seed(): number {
    return this.nextU32() >>> 1;
  }

  /** an independent stream, e.g. one per sampler / per net, so adding draws in one place does not shift another */
  split(): Rng {
    return new Rng(this.nextU32() ^ 0x5bd1e995);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
