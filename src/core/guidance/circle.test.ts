// The circle prior's Bessel closed forms against an independent float64 reference: I_n(z) by the trapezoid
// rule on (1/π)∫₀^π e^{z cos θ} cos nθ dθ (spectrally accurate for a periodic integrand), and finite
// differences of log p_t and of x̂0 built on it. Autodiff of the tensor Tweedie mean checks the VJP too.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { besselRatio, i0e, i1e } from './bessel';
import { circleScore, circleTweedie, circleTweedieJacobian, circleTweedieVjp } from './circle';
import { scorePrior } from './priors';

/** e^{-z} I_n(z) by quadrature */
function ineRef(n: number, z: number): number {
  const M = 4000;
  let s = 0;
  for (let k = 0; k < M; k++) {
    const th = (Math.PI * (k + 0.5)) / M;
    s += Math.exp(z * (Math.cos(th) - 1)) * Math.cos(n * th);
  }
  return s / M;
}

/** log p_t(x) up to a constant: −(r² + a²)/(2 s²) + log I0(a r/s²) */
function logpRef(x: number[], a: number, s2: number): number {
  const r = Math.hypot(x[0], x[1]);
  const z = (a * r) / s2;
  return -(r * r + a * a) / (2 * s2) + Math.log(ineRef(0, z)) + z;
}

function tweedieRef(x: number[], a: number, s2: number): number[] {
  const r = Math.hypot(x[0], x[1]);
  const z = (a * r) / s2;
  const rho = ineRef(1, z) / ineRef(0, z);
  return [(rho * x[0]) / r, (rho * x[1]) / r];
}

const LEVELS = [
  { a: 0.95, s2: 1 - 0.95 ** 2 }, // z ~ 10
  { a: 0.6, s2: 0.64 }, // z ~ 1
  { a: 0.999, s2: 1 - 0.999 ** 2 }, // z ~ 500 (the asymptotic branch of ρ')
];
const XS = [[0.9, 0.3], [-0.4, 1.3], [0.2, -0.15], [1.5, -1.1]];

describe('Bessel functions', () => {
  it('I0e, I1e match quadrature to 1e-6 relative, and ρ in tensors matches the host', () => {
    const zs = [0.01, 0.5, 2, 3.7, 3.8, 10, 100, 3000];
    for (const z of zs) {
      expect(Math.abs(i0e(z) / ineRef(0, z) - 1)).toBeLessThan(1e-6);
      expect(Math.abs(i1e(z) / ineRef(1, z) - 1)).toBeLessThan(1e-6);
    }
    const rho = tf.tidy(() => besselRatio(tf.tensor1d(zs))).dataSync();
    zs.forEach((z, i) => expect(rho[i]).toBeCloseTo(ineRef(1, z) / ineRef(0, z), 5));
    expect(() => i0e(-1)).toThrow(/z >= 0/);
  });
});

describe('unit-circle prior', () => {
  it('score = ∇ log p_t (central differences of the quadrature log-density)', () => {
    for (const { a, s2 } of LEVELS.slice(0, 2)) {
      const got = tf.tidy(() => circleScore(tf.tensor2d(XS), { a, s2 })).arraySync() as number[][];
      XS.forEach((x, i) => {
        const h = 1e-5;
        for (const d of [0, 1]) {
          const xp = [...x]; xp[d] += h;
          const xm = [...x]; xm[d] -= h;
          const fd = (logpRef(xp, a, s2) - logpRef(xm, a, s2)) / (2 * h);
          expect(Math.abs(got[i][d] - fd)).toBeLessThan(2e-4 * Math.max(1, Math.abs(fd)));
        }
      });
    }
  });

  it('x̂0 = ρ u and the Jacobian match the reference and its central differences', () => {
    for (const { a, s2 } of LEVELS) {
      const x = tf.tensor2d(XS);
      const m = circleTweedie(x, { a, s2 }).arraySync() as number[][];
      const J = circleTweedieJacobian(x, { a, s2 }).arraySync() as number[][][];
      x.dispose();
      XS.forEach((p, i) => {
        const ref = tweedieRef(p, a, s2);
        expect(m[i][0]).toBeCloseTo(ref[0], 5);
        expect(m[i][1]).toBeCloseTo(ref[1], 5);
        const h = 1e-6;
        for (const d of [0, 1]) {
          const xp = [...p]; xp[d] += h;
          const xm = [...p]; xm[d] -= h;
          const fp = tweedieRef(xp, a, s2), fm = tweedieRef(xm, a, s2);
          for (const r of [0, 1]) {
            const fd = (fp[r] - fm[r]) / (2 * h);
            expect(Math.abs(J[i][r][d] - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
          }
        }
      });
    }
  });

  it('the closed-form VJP equals autodiff through the tensor Tweedie mean', () => {
    const level = LEVELS[0];
    const x = tf.tensor2d(XS) as Tensor2D;
    const g = tf.tensor2d([[1, 0], [0.3, -2], [-1, 1], [0.5, 0.5]]) as Tensor2D;
    const closed = circleTweedieVjp(x, level, g).arraySync() as number[][];
    const auto = scorePrior(circleScore).tweedieVjp(x, level, g).arraySync() as number[][];
    x.dispose(); g.dispose();
    closed.forEach((row, i) => row.forEach((v, d) => expect(Math.abs(v - auto[i][d])).toBeLessThan(2e-3 * Math.max(1, Math.abs(v)))));
  });

  it('rejects the clean level with a message', () => {
    const x = tf.tensor2d([[1, 0]]) as Tensor2D;
    expect(() => circleScore(x, { a: 1, s2: 0 })).toThrow(/s2 > 0/);
    x.dispose();
  });
});
