import { describe, expect, it } from 'vitest';
import { counterNormals, pcgHash } from './counter-rng';

describe('counter-based normals', () => {
  it('pcgHash matches the reference values of the C code (uint32 arithmetic)', () => {
    // from the C reference: uint32_t pcg_hash(uint32_t v) { state = v * 747796405u + 2891336453u; ... }
    const ref = (v: number): number => {
      const state = (BigInt(v) * 747796405n + 2891336453n) & 0xffffffffn;
      const sh = (state >> 28n) + 4n;
      const word = (((state >> sh) ^ state) * 277803737n) & 0xffffffffn;
      return Number((word >> 22n) ^ word);
    };
    for (const v of [0, 1, 2, 12345, 0x7fffffff, 0xffffffff, 0xdeadbeef]) expect(pcgHash(v)).toBe(ref(v));
  });

  it('draws standard normals: moments, tails, independence across pairs and seeds', () => {
    const n = 50000;
    const z = counterNormals(7, n);
    let m = 0, v = 0, k4 = 0, cxy = 0, tail = 0;
    for (let i = 0; i < 2 * n; i++) { m += z[i]; v += z[i] * z[i]; k4 += z[i] ** 4; if (Math.abs(z[i]) > 1.96) tail++; }
    for (let i = 0; i < n; i++) cxy += z[2 * i] * z[2 * i + 1];
    m /= 2 * n; v /= 2 * n; k4 /= 2 * n;
    expect(Math.abs(m)).toBeLessThan(0.015);
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
    expect(Math.abs(k4 - 3)).toBeLessThan(0.1);
    expect(Math.abs(tail / (2 * n) - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(cxy / n)).toBeLessThan(0.02);
    // neighbouring pairs and neighbouring seeds are uncorrelated
    let lag = 0;
    for (let i = 0; i + 2 < 2 * n; i++) lag += z[i] * z[i + 2];
    expect(Math.abs(lag / (2 * n))).toBeLessThan(0.02);
    const w = counterNormals(8, n);
    let cross = 0;
    for (let i = 0; i < 2 * n; i++) cross += z[i] * w[i];
    expect(Math.abs(cross / (2 * n))).toBeLessThan(0.02);
    // and a seed replays exactly
    expect(counterNormals(7, 10)).toEqual(z.slice(0, 20));
  });
});
