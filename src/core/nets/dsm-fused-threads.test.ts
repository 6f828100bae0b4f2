// The fused DSM step on two threads (core/fused/mlp-pool.ts, worker_threads here) against the same step on
// one: the same weights after a run of steps, bit for bit. Exact equality is the right tolerance: the batch
// is cut into the same chunks on any number of threads (chunkCount depends on the batch alone), a chunk is
// the same WebAssembly on the same inputs whichever thread runs it, and the chunks' gradients are added in
// chunk order on the trainer's thread; so any difference at all would mean a race or a chunk run twice
// over changed inputs, not rounding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { startNodeMlpThreads } from '../../cli/mlp-threads';
import type { NodeMlpThreads } from '../../cli/mlp-threads';
import { createMlpPool, mlpThreadsLabel, setMlpThreads } from '../fused/mlp-pool';
import { chunkCount, createFusedDsmTrainer } from './dsm-fused';
import type { FusedDsmTrainer } from './dsm-fused';
import { dsmBatch, fusedDsmAgreement } from './dsm-fused-check';
import { DEFAULT_SIGMA_RANGE } from './embedding';
import { Mlp } from './mlp';

const E = 16;
let threads: NodeMlpThreads | null = null;

beforeAll(async () => {
  threads = await startNodeMlpThreads(2);
}, 60000);
afterAll(async () => {
  await threads?.stop();
});

function weightsOf(hidden: number, depth: number, seed: number): Float32Array[] {
  const mlp = new Mlp({ inDim: 2 + E, outDim: 2, hidden, depth, rng: new Rng(seed), outScale: 1 });
  const w = mlp.getWeights().values;
  mlp.dispose();
  return w;
}

const trainer = (hidden: number, depth: number, batch: number, weights: Float32Array[], pool: NonNullable<NodeMlpThreads['pool']> | null): FusedDsmTrainer =>
  createFusedDsmTrainer({ hidden, depth, embedDim: E, range: DEFAULT_SIGMA_RANGE, batch, lr: 3e-3, clipNorm: 1, weights, pool })!;

describe('fused DSM step on threads', () => {
  it('starts two threads in Node and says so', () => {
    expect(threads).not.toBeNull();
    expect(threads!.pool.ready).toBe(true);
    expect(mlpThreadsLabel()).toBe('2 threads');
    setMlpThreads(false);
    expect(mlpThreadsLabel()).toMatch(/^1 thread \(/);
    setMlpThreads(true);
  });

  it('cuts a batch by its size only: one chunk below 256 rows, two below 1 024, four from there', () => {
    expect([4, 252, 256, 1020, 1024, 4096].map(chunkCount)).toEqual([1, 1, 2, 2, 4, 4]);
  });

  // a batch that pads (1 022 -> 1 024: the last chunk has two padded rows), one of two chunks (300 rows: 152 and 148) with a
  // hidden width that pads (30 -> 32), and depth 3 (two hidden-to-hidden backward products)
  for (const [hidden, depth, batch] of [[128, 2, 1022], [30, 3, 300]] as const) {
    it(`gives the single-threaded step's weights bit for bit after 6 steps (width ${hidden}, depth ${depth}, batch ${batch})`, () => {
      const w = weightsOf(hidden, depth, 21);
      const one = trainer(hidden, depth, batch, w, null);
      const two = trainer(hidden, depth, batch, w, threads!.pool);
      expect(one.threads).toBe(1);
      expect(two.threads).toBe(2);
      expect(two.chunks).toBe(one.chunks);
      expect(two.chunks).toBeGreaterThan(1);
      for (let s = 0; s < 6; s++) {
        const b = dsmBatch(batch, 300 + s);
        expect(two.step(b.x0, b.logSigma, b.z)).toBe(one.step(b.x0, b.logSigma, b.z));
      }
      const a = one.getWeights();
      const c = two.getWeights();
      a.forEach((x, i) => expect(Array.from(c[i])).toEqual(Array.from(x)));
      // the weights did move (a test of equality between two trainers that never step would pass too)
      expect(Array.from(a[0])).not.toEqual(Array.from(w[0]));
      // every helper answered in time (a late one would have put the pool on one thread)
      expect(threads!.pool.ready).toBe(true);
      one.dispose();
      two.dispose();
    });
  }

  it('chunked gradients still match tfjs autodiff (batch 1 030: four chunks, the last one padded)', async () => {
    const e = (await fusedDsmAgreement(16, 2, 1030, 5))!;
    expect(e.loss).toBeLessThan(1e-5);
    expect(e.grads).toBeLessThan(2e-5);
  });

  it('a pool whose helper is declared failed runs on one thread, with the same results', () => {
    // a pool of its own, with no helpers started: it never becomes ready, then is marked failed
    const pool = createMlpPool(2)!;
    expect(pool.ready).toBe(false);
    const w = weightsOf(24, 2, 4);
    const one = trainer(24, 2, 512, w, null);
    const lone = trainer(24, 2, 512, w, pool);
    expect(lone.threads).toBe(1);
    pool.helperFailed('test');
    expect(pool.note).toMatch(/test/);
    const b = dsmBatch(512, 9);
    expect(lone.step(b.x0, b.logSigma, b.z)).toBe(one.step(b.x0, b.logSigma, b.z));
    expect(Array.from(lone.getWeights()[2])).toEqual(Array.from(one.getWeights()[2]));
    pool.close();
  });

  it('trainers share the memory without overlap, and a disposed trainer gives its region back', () => {
    const pool = threads!.pool;
    const w = weightsOf(16, 1, 8);
    const first = trainer(16, 1, 64, w, pool);
    const big = trainer(64, 2, 2048, weightsOf(64, 2, 9), pool); // grows the memory past its first pages
    const second = trainer(16, 1, 64, w, pool);
    const b = dsmBatch(64, 1);
    first.step(b.x0, b.logSigma, b.z);
    const snapshot = second.getWeights().map((x) => Array.from(x));
    const bb = dsmBatch(2048, 2);
    big.step(bb.x0, bb.logSigma, bb.z);
    // stepping the others left this one alone
    second.getWeights().forEach((x, i) => expect(Array.from(x)).toEqual(snapshot[i]));
    const used = pool.memory.buffer.byteLength;
    big.dispose();
    const again = trainer(64, 2, 2048, weightsOf(64, 2, 9), pool); // the same size fits where the old one was
    expect(pool.memory.buffer.byteLength).toBe(used);
    again.step(bb.x0, bb.logSigma, bb.z);
    expect(() => big.step(bb.x0, bb.logSigma, bb.z)).toThrow(/after dispose/);
    [first, second, again].forEach((t) => t.dispose());
  });
});
