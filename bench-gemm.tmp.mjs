import initWabt from 'wabt';
import { readFileSync } from 'node:fs';
const wabt = await initWabt();
const file = process.argv[2];
const mod = wabt.parseWat(file, readFileSync(file, 'utf8'), { simd: true });
mod.validate();
const { instance } = await WebAssembly.instantiate(mod.toBinary({}).buffer);
const { gemm, memory } = instance.exports;
const F = new Float32Array(memory.buffer);
function run(M, N, K, trans) {
  // A at 0, B after, C after
  const aOff = 0, bOff = M * K * 4, cOff = bOff + K * N * 4;
  const A = new Float32Array(M * K).map(() => Math.random() - 0.5), B = new Float32Array(K * N).map(() => Math.random() - 0.5);
  // trans: A stored as [K x M]
  F.set(A, 0); F.set(B, bOff / 4);
  const sam = trans ? 1 : K, sak = trans ? M : 1;
  gemm(aOff, bOff, cOff, M, N, K, sam, sak, 0);
  // check a few entries
  let err = 0;
  for (let t = 0; t < 50; t++) { const i = (Math.random() * M) | 0, j = (Math.random() * N) | 0; let s = 0; for (let k = 0; k < K; k++) s += A[trans ? k * M + i : i * K + k] * B[k * N + j]; err = Math.max(err, Math.abs(s - F[cOff / 4 + i * N + j])); }
  for (let w = 0; w < 20; w++) gemm(aOff, bOff, cOff, M, N, K, sam, sak, 0);
  const reps = 200; const t0 = performance.now();
  for (let w = 0; w < reps; w++) gemm(aOff, bOff, cOff, M, N, K, sam, sak, 0);
  const ms = (performance.now() - t0) / reps;
  console.log(`${M}x${N}x${K} trans=${trans} ${ms.toFixed(3)} ms ${(2 * M * N * K / ms / 1e6).toFixed(1)} GFLOP/s err ${err.toExponential(1)}`);
}
run(1024, 128, 128, false); run(128, 128, 1024, true); run(1024, 128, 20, false); run(20 > 0 ? 20 : 0, 128, 1024, true); run(1024, 8, 128, false);
