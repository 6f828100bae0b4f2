// The rewards' exact component expectations against the spec's table and against Monte Carlo.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { componentReward, componentRewardGrad, erf, rewardAt, rewardTensor, type RewardSpec } from './rewards';
import { tf } from '../tf';

const HEX = Array.from({ length: 6 }, (_, k) => [4 * Math.cos((k * Math.PI) / 3), 4 * Math.sin((k * Math.PI) / 3)]);

function mc(spec: RewardSpec, c: number[], v: number, n: number, rng: Rng) {
  let s = 0, g1 = 0, g2 = 0;
  const sd = Math.sqrt(v);
  for (let i = 0; i < n; i++) {
    const z1 = rng.normal(), z2 = rng.normal();
    const r = rewardAt(c[0] + sd * z1, c[1] + sd * z2, spec);
    s += r; g1 += (r * z1) / sd; g2 += (r * z2) / sd; // E[R (X − c)/v]
  }
  return { r: s / n, g: [g1 / n, g2 / n] };
}

describe('Implicit Diffusion rewards', () => {
  it('erf matches known values', () => {
    expect(erf(0)).toBeCloseTo(0, 7);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-2)).toBeCloseTo(-0.995322265, 6);
  });

  it('r_i on the hexagon equals the METHODS.md table (hard and smooth)', () => {
    const hard = [0.18863, 0.2983, 0.00448, 0, 0.00041, 0.02724];
    const smooth = [0.67275, 1.02575, 0.03257, 0.00028, 0.00297, 0.09365];
    HEX.forEach((c, i) => {
      expect(componentReward({ kind: 'hard' }, c[0], c[1], 1)).toBeCloseTo(hard[i], 4);
      // the table's smooth column is a Monte Carlo estimate (≈4e-4 off); a 2M-point quadrature gives 0.672355, 1.025570
      expect(Math.abs(componentReward({ kind: 'smooth' }, c[0], c[1], 1) - smooth[i])).toBeLessThan(6e-4);
    });
    expect(componentReward({ kind: 'smooth' }, 4, 0, 1)).toBeCloseTo(0.6723553, 6);
    expect(componentReward({ kind: 'smooth' }, HEX[1][0], HEX[1][1], 1)).toBeCloseTo(1.0255703, 6);
  });

  it('r(c) and ∇r(c) agree with Monte Carlo for every reward', () => {
    const rng = new Rng(5);
    const specs: RewardSpec[] = [{ kind: 'hard' }, { kind: 'smooth' }, { kind: 'bump', bump: { x: -1, y: 2, width: 1.5, height: 2 } }];
    for (const spec of specs) {
      for (const [c, v] of [[[0.5, 1], 1], [[2, 3.4], 0.5]] as const) {
        const m = mc(spec, [...c], v, 200_000, rng);
        const r = componentReward(spec, c[0], c[1], v);
        const g = componentRewardGrad(spec, c[0], c[1], v);
        const scale = Math.max(0.05, Math.abs(r));
        expect(Math.abs(m.r - r) / scale, `${spec.kind} r`).toBeLessThan(0.02);
        expect(Math.abs(m.g[0] - g[0]) / scale, `${spec.kind} g1`).toBeLessThan(0.05);
        expect(Math.abs(m.g[1] - g[1]) / scale, `${spec.kind} g2`).toBeLessThan(0.05);
      }
    }
  });

  it('the tensor reward equals the float64 one and rejects a bad bump', () => {
    const pts = [[-1, 2], [0, 0], [4, 3.8], [3, -1]];
    for (const spec of [{ kind: 'hard' }, { kind: 'smooth' }, { kind: 'bump', bump: { x: 1, y: 1, width: 0.7, height: 1 } }] as RewardSpec[]) {
      const t = rewardTensor(tf.tensor2d(pts), spec);
      const got = t.dataSync();
      t.dispose();
      pts.forEach((p, i) => expect(got[i]).toBeCloseTo(rewardAt(p[0], p[1], spec), 5));
    }
    expect(() => componentReward({ kind: 'bump', bump: { x: 0, y: 0, width: 0, height: 1 } }, 0, 0, 1)).not.toThrow();
    expect(() => rewardTensor(tf.zeros([1, 2]), { kind: 'bump', bump: { x: 0, y: NaN, width: 1, height: 1 } })).toThrow(/finite/);
  });
});
