// The per-component constants a fused mixture kernel needs, packed in one small float32 array so a
// kernel gets them as one input (a GPU buffer on WebGPU, a view of backend memory on CPU/WASM):
// for component k, P[6k..6k+5] = (a mu_x, a mu_y, w11, w21, w22, logc) with W_k = [[w11, 0], [w21, w22]]
// the whitening of the noised covariance and logc = log pi_k - log 2 pi - 1/2 log det S_k (gmm-terms.ts).
import type { Mixture, NoiseLevel } from '../types';
import { gmmConsts } from '../gmm-terms';

export const PACK_STRIDE = 6;

export function packMixture(mix: Mixture, level: NoiseLevel): Float32Array {
  const c = gmmConsts(mix, level);
  const P = new Float32Array(PACK_STRIDE * c.K);
  for (let k = 0; k < c.K; k++) {
    const o = PACK_STRIDE * k;
    P[o] = c.a * mix[k].mean[0];
    P[o + 1] = c.a * mix[k].mean[1];
    P[o + 2] = c.w11[k];
    P[o + 3] = c.w21[k];
    P[o + 4] = c.w22[k];
    P[o + 5] = c.logc[k];
  }
  return P;
}
