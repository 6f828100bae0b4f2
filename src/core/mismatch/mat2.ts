// 2x2 matrices and 2-vectors in float64, row-major [m00, m01, m10, m11]. The Gaussian-prior mode propagates
// means and covariances through thousands of affine steps, so this stays in plain JS (no tensors, no float32).
export type M2 = [number, number, number, number];
export type V2 = [number, number];

export const I2: M2 = [1, 0, 0, 1];
export const Z2: M2 = [0, 0, 0, 0];

export const madd = (A: M2, B: M2): M2 => [A[0] + B[0], A[1] + B[1], A[2] + B[2], A[3] + B[3]];
export const msub = (A: M2, B: M2): M2 => [A[0] - B[0], A[1] - B[1], A[2] - B[2], A[3] - B[3]];
export const mscale = (A: M2, c: number): M2 => [A[0] * c, A[1] * c, A[2] * c, A[3] * c];
export const mT = (A: M2): M2 => [A[0], A[2], A[1], A[3]];
export const mmul = (A: M2, B: M2): M2 => [
  A[0] * B[0] + A[1] * B[2], A[0] * B[1] + A[1] * B[3],
  A[2] * B[0] + A[3] * B[2], A[2] * B[1] + A[3] * B[3],
];
export const mv = (A: M2, v: V2): V2 => [A[0] * v[0] + A[1] * v[1], A[2] * v[0] + A[3] * v[1]];
export const vadd = (a: V2, b: V2): V2 => [a[0] + b[0], a[1] + b[1]];
export const vsub = (a: V2, b: V2): V2 => [a[0] - b[0], a[1] - b[1]];
export const vscale = (a: V2, c: number): V2 => [a[0] * c, a[1] * c];
export const det = (A: M2): number => A[0] * A[3] - A[1] * A[2];
export const trace = (A: M2): number => A[0] + A[3];

export function minv(A: M2, what = 'matrix'): M2 {
  const d = det(A);
  const scale = Math.max(Math.abs(A[0]), Math.abs(A[3]), Math.abs(A[1]), Math.abs(A[2]), 1e-300);
  if (!(Math.abs(d) > 1e-14 * scale * scale)) throw new Error(`${what} is singular (det ${d.toExponential(2)})`);
  return [A[3] / d, -A[1] / d, -A[2] / d, A[0] / d];
}

/** symmetric part: keeps propagated covariances exactly symmetric against rounding drift */
export const msym = (A: M2): M2 => {
  const o = (A[1] + A[2]) / 2;
  return [A[0], o, o, A[3]];
};

/** A C Aᵀ */
export const congruence = (A: M2, C: M2): M2 => msym(mmul(mmul(A, C), mT(A)));

/** [xx, xy, yy] (the Mixture cov layout) <-> M2 */
export const fromCov = (c: readonly [number, number, number]): M2 => [c[0], c[1], c[1], c[2]];
export const toCov = (A: M2): [number, number, number] => [A[0], (A[1] + A[2]) / 2, A[3]];

/** KL(N(m0, C0) ‖ N(m1, C1)) in 2D, nats */
export function gaussKl(m0: V2, C0: M2, m1: V2, C1: M2): number {
  const d0 = det(C0);
  const d1 = det(C1);
  if (!(d0 > 0) || !(d1 > 0)) throw new Error(`KL: covariance not positive definite (det ${d0.toExponential(2)}, ${d1.toExponential(2)})`);
  const P1 = minv(C1, 'KL covariance');
  const dm = vsub(m1, m0);
  const quad = dm[0] * mv(P1, dm)[0] + dm[1] * mv(P1, dm)[1];
  return 0.5 * (trace(mmul(P1, C0)) + quad - 2 + Math.log(d1 / d0));
}

/** E‖D x + e‖² for x ~ N(m, C) */
export function meanSquaredAffine(D: M2, e: V2, m: V2, C: M2): number {
  const r = vadd(mv(D, m), e);
  return r[0] * r[0] + r[1] * r[1] + trace(congruence(D, C));
}
