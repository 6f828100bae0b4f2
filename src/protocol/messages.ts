// Typed messages between the UI thread and the compute worker: discriminated unions on `type`.
// Every run-scoped message carries runId; each `configure` bumps it and both sides drop stale ones.
import type { Snapshot } from './snapshot';
import type { FormulaCheck, FormulaDraft } from '../core/targets/formula/check';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = BackendName | 'auto';
export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

export type Params = Record<string, unknown>;

export type ToWorker =
  /**
   * `remembered`: auto's earlier probe figures on this device (the choice is made from them, no new
   * measurement); `lab`: the lab about to be configured, whose mix of work the choice is made for
   */
  | { type: 'init'; backend: BackendRequest; skip?: BackendName[]; remembered?: BackendMeasurement[]; lab?: string }
  /** `horizon`: the recommended run length (the preset's steps, else the lab's): the engine charts costly metrics ~50 times over it */
  | { type: 'configure'; runId: number; lab: string; params: Params; play: boolean; horizon?: number }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number; n: number }
  /** live change (step size, speed, view toggles); the worker answers with `needsReset` if it cannot apply it */
  | { type: 'update'; runId: number; patch: Params }
  /** the UI drew frame `frame`: the engine may send the next one */
  | { type: 'ack'; runId: number; frame: number }
  | { type: 'snapshot'; runId: number; grids: boolean }
  /** the experiment's trained weights, answered by `weights` */
  | { type: 'getWeights'; runId: number }
  | { type: 'setWeights'; runId: number; weights: WeightsMsg }
  /** test hook: the worker reports its backend as failed (as a lost GPU device would), to exercise the fallback path */
  | { type: 'simulateFailure' }
  /** test hook: the worker destroys its real WebGPU device (what a driver reset does), so the loss path runs for real */
  | { type: 'destroyDevice' }
  /** debug: the worker's tfjs memory (tf.memory()), answered by `memory` (the soak samples it for leaks) */
  | { type: 'memory'; id: number }
  /** the formula editor's check of a draft (parameters, box, density on a coarse grid), answered by `formulaChecked`: the math stays off the UI thread */
  | { type: 'checkFormula'; id: number; draft: FormulaDraft }
  /** benchmark one workload on this worker's backend (the #/bench page) */
  | { type: 'bench'; id: number; workload: string; n?: number; quick: boolean };

export type FromWorker =
  /**
   * the worker runs on `backend` (also sent again when auto moves to another backend for a new lab);
   * `measured`: the probe figures auto chose from (new ones are remembered); `estimates`: the lab's estimated
   * ms per iteration on each measured backend
   */
  /** threads: what the fused training step (CPU and WASM backends) runs on, '2 threads' or '1 thread (why)' */
  | { type: 'ready'; backend: BackendName; adapter: string; threads?: string; fallbackFrom?: { backend: BackendName; reason: string }[]; measured?: BackendMeasurement[]; estimates?: BackendEstimate[]; lab?: string }
  | { type: 'frame'; runId: number; frame: number; status: RunStatus; snapshot: Snapshot }
  | { type: 'status'; runId: number; status: RunStatus; iteration: number; message?: string }
  | { type: 'needsReset'; runId: number; keys: string[] }
  /** a failure with what to do next; `fatal` means the backend itself failed and the bridge should restart on the next one */
  | { type: 'error'; runId?: number; message: string; suggestion?: string; fatal: boolean; backend?: BackendName }
  | { type: 'benchResult'; id: number; result?: BenchResultMsg; error?: string }
  | { type: 'weights'; runId: number; weights: WeightsMsg }
  | { type: 'memory'; id: number; backend: string; numTensors: number; numBytes: number }
  | { type: 'formulaChecked'; id: number; check: FormulaCheck };

/** ms of each kind of work on one backend (engine/bench/probe.ts) */
export interface ProbeTimes {
  /** a fused ULA step on MoG-40 at N = 2000 */
  mixture: number;
  /** a DSM step of the score net (fused on CPU/WASM) */
  fusedNet: number;
  /** a tfjs-autodiff Adam step of a 2-128-128-2 MLP at batch 256 */
  net: number;
  /** the op-by-op MoG-40 log density and score at N = 1000 */
  ops: number;
}

/** a lab's work per iteration in units of the probe's timings (LabSchema.backendProfile) */
export type BackendProfile = Partial<ProbeTimes>;

/** the start-up probe on one backend (auto picks, per lab, the backend with the lowest estimate) */
export interface BackendMeasurement {
  backend: BackendName;
  adapter: string;
  times: ProbeTimes;
}

/** a lab's estimated ms per iteration on one backend */
export interface BackendEstimate {
  backend: BackendName;
  ms: number;
}

/** network weights in a message or a file: shapes, flat values, and the lab's own metadata */
export interface WeightsMsg {
  shapes: number[][];
  values: Float32Array[];
}

/** one workload's timing (engine/bench/workloads.ts BenchResult, repeated here so protocol stays tfjs-free) */
export interface BenchResultMsg {
  workload: string;
  n: number;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  rate: number;
  unit: string;
  /** dsm-train workloads: what the fused training step ran on ('2 threads', '1 thread (why)') */
  threads?: string;
  /** workload 'fused-check': largest relative errors of the fused kernels vs the op-by-op closed forms */
  check?: { fused: boolean; score: number; logp: number; step: number; dsm: number; dsmThreads?: number; dsmThreadsDiff?: number };
}
