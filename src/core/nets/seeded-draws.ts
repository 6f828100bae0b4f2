// tf.randomUniform and tf.randomNormal (float32, with a seed) computed straight into arrays: the same
// numbers, bit for bit, as tfjs-core 4.22 draws them (seedrandom's Alea, seeded with String(seed) through
// Baagøe's Mash; normals by Marsaglia's polar method, two per accepted pair, as tfjs's MPRandGauss).
// The fused training step (score-net.ts) needs its batch's levels and noise as plain arrays; through
// tfjs ops and a read-back they cost ~0.45 ms a step at batch 1 024 on the WASM backend (tensor creation
// on the backend, then dataSync), about a fifth of a two-thread step. seeded-draws.test.ts checks the
// equality with tfjs for many seeds and sizes.

/** seedrandom's Alea generator for String(seed): returns its next() */
function alea(seed: number): () => number {
  let n = 0xefc8249d;
  const mash = (data: string) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
  let c = 1;
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  const key = String(seed);
  s0 -= mash(key);
  if (s0 < 0) s0 += 1;
  s1 -= mash(key);
  if (s1 < 0) s1 += 1;
  s2 -= mash(key);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    return (s2 = t - (c = t | 0));
  };
}

/** out[i] = what tf.randomUniform([out.length], min, max, 'float32', seed) holds */
export function uniformDraws(out: Float32Array, min: number, max: number, seed: number): Float32Array {
  const next = alea(seed);
  const range = max - min;
  for (let i = 0; i < out.length; i++) out[i] = min + range * next();
  return out;
}

/**
 * out[i] = what tf.randomNormal([out.length], mean, std, 'float32', seed) holds. Seed 0 is not allowed:
 * tfjs then seeds itself from the unseeded global generator (callers take their seeds from Rng.seed(), and fall back to tfjs for 0).
 */
export function normalDraws(out: Float32Array, mean: number, std: number, seed: number): Float32Array {
  if (!seed) throw new Error('normalDraws: seed 0 means an unseeded draw in tfjs');
  const next = alea(seed);
  for (let i = 0; i < out.length; i += 2) {
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * next() - 1;
      v2 = 2 * next() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const mul = Math.sqrt((-2.0 * Math.log(s)) / s);
    out[i] = mean + std * v1 * mul;
    if (i + 1 < out.length) out[i + 1] = mean + std * v2 * mul;
  }
  return out;
}
