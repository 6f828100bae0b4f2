// Threads for the MLP training kernels (mlp-simd.wat): one shared WebAssembly memory, one instance of the
// threaded build per thread, and work handed out as call lists that live in that memory.
//
// Who does what. The thread that trains (the app's compute worker, or Node's main thread) owns an MlpPool:
// the shared memory, its own kernel instance on it, and an allocator that gives each trainer a region.
// Helper threads (Web Workers in the browser, worker_threads in Node; started by worker/ and cli/, which own
// the platform APIs) run runMlpHelper(): they instantiate the same build on the same memory and then block
// in Atomics.wait until there is work. A trainer writes, once, one call list per chunk of its batch (a
// sequence of kernel calls with their byte offsets: the chunk's forward pass, loss gradient and backward
// pass into the chunk's own gradient block). Per step, run() puts the chunks' list addresses in the control
// block, bumps a sequence word and wakes the helpers (Atomics.notify); every thread then claims chunks one
// at a time from a counter (so a helper that wakes late leaves its share to the others); each helper adds one to a done word when it is through, and the trainer's thread, after its own chunks,
// waits for all of them (a short spin on Atomics.load, then Atomics.wait). The reduction of the chunks'
// gradients and the Adam update then run on the trainer's thread alone (they are ~1% of a step).
//
// What runs where never changes a result: a chunk's list is the same code on the same inputs whichever
// thread runs it, and the reduction adds the chunks in their fixed order; a trainer without threads runs
// the same chunks one after another. The chunking depends on the batch only, not on the thread count.
//
// Seq-cst Atomics on the control words order the plain stores around them (the job written before the
// sequence bump, a helper's results before its done increment), in WebAssembly as in JavaScript.
import { mlpSimdKernelsShared } from './mlp-simd';
import type { MlpSimdKernels } from './mlp-simd';
import { sharedMemory, WASM_PAGE } from './wasm-module';
import type { WasmMemory } from './wasm-module';

/** threads beyond this bring little at the batch sizes here (a chunk of a 1 024 batch is 256 rows) */
export const MAX_THREADS = 4;
/** the threaded build's memory maximum (scripts/build-wasm.mjs: SHARED_MEMORY) */
const MAX_PAGES = 8192;

// the control block: Int32 words at byte 0 of the shared memory
const SEQ = 0; // bumped once per job; helpers wait on it
const DONE = 1; // helpers that finished the current job
const CMD = 2;
const NCHUNK = 3;
const NEXT = 4; // the next chunk to claim
const TABLE = 16; // the chunks' call-list byte offsets, words TABLE .. TABLE + MAX_CHUNKS - 1
export const MAX_CHUNKS = 32;
const FINISHED = TABLE + MAX_CHUNKS; // one word per chunk: 1 once its list has run
const CONTROL_BYTES = 4 * (FINISHED + MAX_CHUNKS);
const RUN = 1;
const EXIT = 2;
/** a helper that has not finished within this many ms is given up on (its chunks rerun here) */
const HELPER_TIMEOUT_MS = 5000;

// call lists: word 0 the number of calls, then per call CALL_WORDS words: the kernel, then its i32 arguments
const CALL_WORDS = 10;
const KERNEL_IDS = { gemm: 0, bias_silu: 1, bias_add: 2, silu_grad: 3, colsum: 4, dsm_out: 5 } as const;
export type ListKernel = keyof typeof KERNEL_IDS;
export type Call = [ListKernel, ...number[]];

/** the words of a call list (to be written at a 4-byte aligned offset) */
export function encodeCalls(calls: readonly Call[]): Int32Array {
  const out = new Int32Array(1 + CALL_WORDS * calls.length);
  out[0] = calls.length;
  calls.forEach(([name, ...args], i) => {
    if (args.length > CALL_WORDS - 1) throw new Error(`call list: ${name} has ${args.length} arguments`);
    out[1 + i * CALL_WORDS] = KERNEL_IDS[name];
    args.forEach((a, j) => (out[2 + i * CALL_WORDS + j] = a));
  });
  return out;
}

/** runs the call list at byte offset `at` (one switch per call: no argument arrays in the hot path) */
export function runCalls(k: MlpSimdKernels, i32: Int32Array, at: number): void {
  const w = at >> 2;
  const n = i32[w];
  for (let c = 0, p = w + 1; c < n; c++, p += CALL_WORDS) {
    switch (i32[p]) {
      case 0: k.gemm(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4], i32[p + 5], i32[p + 6], i32[p + 7], i32[p + 8], i32[p + 9]); break;
      case 1: k.bias_silu(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4], i32[p + 5], i32[p + 6]); break;
      case 2: k.bias_add(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4]); break;
      case 3: k.silu_grad(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4]); break;
      case 4: k.colsum(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4]); break;
      case 5: k.dsm_out(i32[p + 1], i32[p + 2], i32[p + 3], i32[p + 4], i32[p + 5], i32[p + 6], i32[p + 7], i32[p + 8], i32[p + 9]); break;
      default: throw new Error(`call list at ${at}: unknown kernel ${i32[p]}`);
    }
  }
}

// core's tsconfig has no DOM or Node types: the clock is looked up, as in engine/bench/workloads.ts
const clock = (globalThis as unknown as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

/**
 * Every thread of a job claims chunks one at a time (an atomic counter) until none is left: a helper that
 * wakes late, or a thread the OS preempts, leaves its share to the others. Which thread runs a chunk never
 * changes its result.
 */
function claimAndRun(k: MlpSimdKernels, i32: Int32Array, ctl: Int32Array): void {
  const C = ctl[NCHUNK];
  for (let c = Atomics.add(ctl, NEXT, 1); c < C; c = Atomics.add(ctl, NEXT, 1)) {
    runCalls(k, i32, ctl[TABLE + c]);
    Atomics.store(ctl, FINISHED + c, 1);
  }
}

/** what a helper thread is started with (posted to it by the platform code) */
export interface MlpHelperInit {
  memory: WasmMemory;
  /** 1 .. threads - 1 (the trainer's thread is 0) */
  index: number;
}

export interface MlpPool {
  readonly memory: WasmMemory;
  /** the trainer thread's instance on the shared memory */
  readonly kernels: MlpSimdKernels;
  /** threads in all, the trainer's included (helpers may still be starting: see `ready`) */
  readonly threads: number;
  /** every helper has started; until then (and after close or a helper's failure) run() runs everything here */
  readonly ready: boolean;
  /** how many threads the next run() uses */
  readonly active: number;
  /** a 64-byte aligned region of `bytes`, zero-filled, or null when the memory's maximum is reached */
  alloc(bytes: number): number | null;
  free(at: number): void;
  /** runs the call lists at these byte offsets, spread over the threads; returns when all are done */
  run(lists: readonly number[]): void;
  /** the platform code calls this once per helper that reported it started */
  helperStarted(): void;
  /** a helper failed to start or died: this pool runs on its own thread from now on */
  helperFailed(reason: string): void;
  /** why it runs on one thread, when it does */
  readonly note: string;
  /** tells the helpers to return (the platform then ends their threads) */
  close(): void;
}

/**
 * A pool for `threads` threads in all (capped at MAX_THREADS; the caller starts threads - 1 helpers with
 * helperInit(i)), or null where there is no shared memory or no threaded WebAssembly.
 */
export function createMlpPool(threads: number): MlpPool | null {
  const n = Math.max(1, Math.min(MAX_THREADS, Math.floor(threads)));
  const memory = sharedMemory(16, MAX_PAGES);
  if (!memory) return null;
  const kernels = mlpSimdKernelsShared(memory);
  if (!kernels) return null;
  const ctl = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
  let i32 = new Int32Array(memory.buffer);
  const refresh = () => {
    if (i32.byteLength !== memory.buffer.byteLength) i32 = new Int32Array(memory.buffer);
  };
  let started = 0;
  let broken = '';
  let closed = false;
  let canWait = true;
  // the allocator: regions above the control block; freed ones kept sorted by address and merged
  let top = 1024;
  const sizes = new Map<number, number>();
  let holes: { at: number; bytes: number }[] = [];
  const helpers = n - 1;
  const ready = () => !broken && !closed && started >= helpers;

  const pool: MlpPool = {
    memory,
    kernels,
    threads: n,
    get ready() {
      return ready();
    },
    get active() {
      return ready() ? n : 1;
    },
    get note() {
      return broken || (closed ? 'threads closed' : ready() ? '' : 'threads starting');
    },
    alloc(bytes) {
      const size = Math.ceil(bytes / 64) * 64;
      let at = -1;
      const h = holes.findIndex((x) => x.bytes >= size);
      if (h >= 0) {
        at = holes[h].at;
        if (holes[h].bytes === size) holes.splice(h, 1);
        else holes[h] = { at: at + size, bytes: holes[h].bytes - size };
      } else {
        const need = top + size;
        const have = memory.buffer.byteLength;
        if (need > have) {
          try {
            memory.grow(Math.ceil((need - have) / WASM_PAGE));
          } catch {
            return null; // past the maximum
          }
        }
        at = top;
        top = need;
      }
      sizes.set(at, size);
      refresh();
      new Uint8Array(memory.buffer, at, size).fill(0);
      return at;
    },
    free(at) {
      const bytes = sizes.get(at);
      if (bytes === undefined) return;
      sizes.delete(at);
      holes.push({ at, bytes });
      holes.sort((a, b) => a.at - b.at);
      const merged: typeof holes = [];
      for (const x of holes) {
        const last = merged[merged.length - 1];
        if (last && last.at + last.bytes === x.at) last.bytes += x.bytes;
        else merged.push({ ...x });
      }
      // a hole that reaches the top goes back to the bump pointer
      const last = merged[merged.length - 1];
      if (last && last.at + last.bytes === top) {
        top = last.at;
        merged.pop();
      }
      holes = merged;
    },
    run(lists) {
      refresh();
      const C = lists.length;
      if (C > MAX_CHUNKS) throw new Error(`mlp pool: ${C} chunks, at most ${MAX_CHUNKS}`);
      const N = ready() ? Math.min(n, C) : 1;
      if (N <= 1) {
        for (const at of lists) runCalls(kernels, i32, at);
        return;
      }
      ctl[NCHUNK] = C;
      for (let c = 0; c < C; c++) {
        ctl[TABLE + c] = lists[c];
        ctl[FINISHED + c] = 0;
      }
      Atomics.store(ctl, NEXT, 0);
      Atomics.store(ctl, DONE, 0);
      Atomics.store(ctl, CMD, RUN);
      Atomics.add(ctl, SEQ, 1);
      Atomics.notify(ctl, SEQ);
      claimAndRun(kernels, i32, ctl);
      // the helpers usually finish about when this thread does: spin a little before sleeping
      const t0 = now();
      let spins = 0;
      for (;;) {
        const d = Atomics.load(ctl, DONE);
        if (d >= helpers) return;
        if (++spins < 2000) continue;
        if (now() - t0 > HELPER_TIMEOUT_MS) break;
        if (canWait) {
          try {
            Atomics.wait(ctl, DONE, d, 50);
          } catch {
            canWait = false; // a thread that may not block (a page's main thread): keep spinning
          }
        }
      }
      // a helper did not answer in 5 s: taken as gone, its unfinished chunks run here and the pool stays on
      // this thread from now on (a helper that was only that late could still be writing the same chunk's
      // buffers; nothing here can stop it)
      pool.helperFailed(`a helper thread did not finish within ${HELPER_TIMEOUT_MS} ms`);
      for (let c = 0; c < C; c++) if (Atomics.load(ctl, FINISHED + c) === 0) runCalls(kernels, i32, lists[c]);
    },
    helperStarted() {
      started++;
    },
    helperFailed(reason) {
      if (!broken) broken = `threads stopped: ${reason}`;
    },
    close() {
      if (closed) return;
      closed = true;
      Atomics.store(ctl, CMD, EXIT);
      Atomics.add(ctl, SEQ, 1);
      Atomics.notify(ctl, SEQ);
    },
  };
  return pool;
}

/**
 * A helper thread's whole life: instantiate the threaded build on the pool's memory, say so, then run the
 * chunks given to thread `index` each time the sequence word moves, until the pool closes. It blocks its
 * thread (Atomics.wait) between jobs, so it never returns to its event loop: messages to it are not read.
 */
export function runMlpHelper(init: MlpHelperInit, started: () => void): void {
  const k = mlpSimdKernelsShared(init.memory);
  if (!k) throw new Error('mlp helper: the threaded WebAssembly build does not run here');
  const ctl = new Int32Array(init.memory.buffer, 0, CONTROL_BYTES / 4);
  let i32 = new Int32Array(init.memory.buffer);
  let seen = Atomics.load(ctl, SEQ);
  started();
  // no spin before sleeping: spinning 0.5 ms for the next job measured no faster in Node (2 cores)
  for (;;) {
    Atomics.wait(ctl, SEQ, seen);
    const s = Atomics.load(ctl, SEQ);
    if (s === seen) continue;
    seen = s;
    if (Atomics.load(ctl, CMD) === EXIT) return;
    if (i32.byteLength !== init.memory.buffer.byteLength) i32 = new Int32Array(init.memory.buffer);
    claimAndRun(k, i32, ctl);
    Atomics.add(ctl, DONE, 1);
    Atomics.notify(ctl, DONE);
  }
}

// The pool the trainers use, installed by the platform code (worker/, cli/) where threads can run.
let installed: MlpPool | null = null;
let enabled = true;
let oneThreadNote = 'no threads started';

/** installs `pool` for trainers created afterwards, or null with the reason there is none (shown to the user) */
export function setMlpPool(pool: MlpPool | null, reason = 'no threads started'): void {
  installed = pool;
  oneThreadNote = reason;
}
/** threads off (or back on) for trainers created afterwards: A/B benchmarks and tests */
export function setMlpThreads(on: boolean): void {
  enabled = on;
}
/** the pool a new trainer should use, or null for the single-threaded path */
export function mlpPool(): MlpPool | null {
  return enabled ? installed : null;
}

/** what the training step runs on, for the user: '2 threads', or '1 thread (why)' */
export function mlpThreadsLabel(): string {
  const p = installed;
  if (!enabled) return '1 thread (threads switched off)';
  if (!p) return `1 thread (${oneThreadNote})`;
  if (p.threads < 2) return `1 thread (${oneThreadNote})`;
  return p.ready ? `${p.threads} threads` : `1 thread (${p.note})`;
}
