// Fixed benchmark workloads (issue 8), run on whatever tfjs backend is active: in the app's worker
// (every browser backend) and in Node (CPU, WASM). Each warms up, repeats, and reports the median
// and the spread; the clock stops only after a read-back, so asynchronous backends are timed fully.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { CLEAN } from '../../core/types';
import { gmmScore } from '../../core/gmm';
import { gmmLogProbAndScoreFast } from '../../core/fused/gmm-fused';
import { MOG40 } from '../../core/targets/mixtures';
import { createSampler, loadSamplers } from '../../core/samplers/registry';
import { makeSchedule } from '../../core/schedules';
import { createScoreNet } from '../../core/nets/score-net';
import { mlpThreadsLabel, setMlpThreads } from '../../core/fused/mlp-pool';
import { gridPoints } from '../../labs/common/grid';

// `langevin-mog40` and `ddpm-mog40` run the samplers as the app does (a known mixture: one fused kernel
// per step where the backend has one, core/fused/); the `-ops` twins force the op-by-op tfjs path, so one
// run shows what fusing buys on each backend. `grid` likewise uses the fused log density + score.
// `dsm-train` runs the fused training step on the helper threads where they run (core/fused/mlp-pool.ts),
// `dsm-train-1t` the same step on one thread (the same bits, so only the time differs).
export const WORKLOADS = ['langevin-mog40', 'langevin-mog40-ops', 'ddpm-mog40', 'ddpm-mog40-ops', 'dsm-train', 'dsm-train-1t', 'grid'] as const;
export type WorkloadId = (typeof WORKLOADS)[number];
/** the NumPy workload a tfjs workload is compared with */
export const numpyTwin = (w: WorkloadId): string => w.replace(/-ops$/, '').replace(/-1t$/, '');

export interface BenchOptions {
  n: number; // particles (langevin, ddpm), batch (dsm-train), grid side (grid)
  repeats: number;
  /** inner iterations per timed repeat (langevin steps, training steps) */
  inner: number;
  /**
   * warm-up: at least one untimed repeat, and more until this many ms have passed. A fresh worker (or
   * Node process) spends its first second tiering its WebAssembly up (tfjs's backend, our kernels) on
   * the second core, which halved the first backend's speed when one repeat was the whole warm-up.
   */
  warmupMs: number;
}

export interface BenchResult {
  workload: WorkloadId;
  n: number;
  median_ms: number; // per unit: one step / one full run / one training step / one grid
  min_ms: number;
  max_ms: number;
  /** work per second in the workload's unit */
  rate: number;
  unit: 'particle-steps/s' | 'particle-steps/s (T=100 run)' | 'train steps/s' | 'grid points/s';
  /** dsm-train: what the fused training step ran on ('2 threads', '1 thread (why)') */
  threads?: string;
}

export const DEFAULT_N: Record<WorkloadId, number> = { 'langevin-mog40': 10000, 'langevin-mog40-ops': 10000, 'ddpm-mog40': 10000, 'ddpm-mog40-ops': 10000, 'dsm-train': 1024, 'dsm-train-1t': 1024, grid: 128 };

// performance exists in browsers, workers and Node; core's tsconfig has no DOM types
const clock = (globalThis as unknown as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

async function timeIt(o: BenchOptions, once: () => Promise<void>): Promise<number[]> {
  const t0 = now();
  do await once();
  while (now() - t0 < o.warmupMs);
  const repeats = o.repeats;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = now();
    await once();
    times.push(now() - t0);
  }
  return times.sort((a, b) => a - b);
}

function summarize(workload: WorkloadId, n: number, times: number[], perUnit: number, work: number, unit: BenchResult['unit']): BenchResult {
  const median = times[Math.floor(times.length / 2)] / perUnit;
  return { workload, n, median_ms: median, min_ms: times[0] / perUnit, max_ms: times[times.length - 1] / perUnit, rate: (work / median) * 1000, unit };
}

export async function runWorkload(id: WorkloadId, o: BenchOptions): Promise<BenchResult> {
  await loadSamplers(['ula', 'ddpm']);
  const rng = new Rng(1);
  const mixture = id.endsWith('-ops') ? undefined : MOG40;
  if (id === 'langevin-mog40' || id === 'langevin-mog40-ops') {
    const s = createSampler('ula', { init: tf.randomNormal([o.n, 2], 0, 1, 'float32', 1) as Tensor2D, score: (x, l) => gmmScore(x, MOG40, l), mixture, rng, step: 0.1, leapfrog: 1, eta: 0, integrator: 'euler', annealStepsPerLevel: 1 });
    const times = await timeIt(o, async () => {
      for (let k = 0; k < o.inner; k++) s.step();
      await s.particles().data();
    });
    s.dispose();
    return summarize(id, o.n, times, o.inner, o.n, 'particle-steps/s');
  }
  if (id === 'ddpm-mog40' || id === 'ddpm-mog40-ops') {
    const sched = makeSchedule('linear', 100);
    const times = await timeIt(o, async () => {
      const s = createSampler('ddpm', { init: tf.randomNormal([o.n, 2], 0, 1, 'float32', rng.seed()) as Tensor2D, score: (x, l) => gmmScore(x, MOG40, l), mixture, rng, step: 1, leapfrog: 1, eta: 0, integrator: 'euler', schedule: sched, annealStepsPerLevel: 1 });
      while (!s.done) s.step();
      await s.particles().data();
      s.dispose();
    });
    return summarize(id, o.n, times, 1, o.n * 100, 'particle-steps/s (T=100 run)');
  }
  if (id === 'dsm-train' || id === 'dsm-train-1t') {
    const data = tf.randomNormal([4096, 2], 0, 1, 'float32', 2) as Tensor2D;
    const one = id === 'dsm-train-1t';
    if (one) setMlpThreads(false); // for the net created here only
    const threads = mlpThreadsLabel();
    const net = createScoreNet({ hidden: 128, depth: 2, lr: 1e-3, batch: o.n, dataScale: 1, rng });
    if (one) setMlpThreads(true);
    const times = await timeIt(o, async () => {
      for (let k = 0; k < o.inner; k++) net.trainStep(data);
    });
    net.dispose();
    data.dispose();
    return { ...summarize(id, o.n, times, o.inner, 1, 'train steps/s'), threads };
  }
  // grid: log-density and score of MoG-40 on an n x n grid (the heatmap and the vector field)
  const box = { xmin: -56, xmax: 56, ymin: -56, ymax: 56 };
  const pts = gridPoints(box, o.n, o.n);
  const times = await timeIt(o, async () => {
    const { logp: lp, score: sc } = gmmLogProbAndScoreFast(pts, MOG40, CLEAN);
    await Promise.all([lp.data(), sc.data()]);
    lp.dispose();
    sc.dispose();
  });
  pts.dispose();
  return summarize(id, o.n, times, 1, o.n * o.n, 'grid points/s');
}

/** quick mode (CI): small sizes and few repeats, so the harness cannot rot; times are not asserted */
export function benchOptions(id: WorkloadId, n: number | undefined, quick: boolean): BenchOptions {
  const quickN: Record<WorkloadId, number> = { 'langevin-mog40': 1000, 'langevin-mog40-ops': 1000, 'ddpm-mog40': 500, 'ddpm-mog40-ops': 500, 'dsm-train': 128, 'dsm-train-1t': 128, grid: 32 };
  const size = n ?? (quick ? quickN[id] : DEFAULT_N[id]);
  const inner = id.startsWith('langevin') || id.startsWith('dsm-train') ? (quick ? 2 : 10) : 1;
  return { n: size, repeats: quick ? 2 : 5, inner, warmupMs: quick ? 0 : 1000 };
}
