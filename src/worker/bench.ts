// Runs one benchmark workload in this worker (on its backend) and posts the timing back.
import type { ToWorker } from '../protocol/messages';
import { fusedKernelCheck } from '../engine/bench/kernel-check';
import { benchOptions, runWorkload, WORKLOADS, type WorkloadId } from '../engine/bench/workloads';

export async function runBench(msg: Extract<ToWorker, { type: 'bench' }>): Promise<void> {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
  if (msg.workload === 'fused-check') {
    // not a timing: the fused kernels' largest relative error against the op-by-op closed forms here
    try {
      const t0 = performance.now();
      const check = await fusedKernelCheck(msg.n ?? 256);
      const ms = performance.now() - t0;
      return post({ type: 'benchResult', id: msg.id, result: { workload: 'fused-check', n: msg.n ?? 256, median_ms: ms, min_ms: ms, max_ms: ms, rate: NaN, unit: 'check', check } });
    } catch (e) {
      return post({ type: 'benchResult', id: msg.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (!(WORKLOADS as readonly string[]).includes(msg.workload)) {
    return post({ type: 'benchResult', id: msg.id, error: `unknown workload ${msg.workload}` });
  }
  const id = msg.workload as WorkloadId;
  try {
    const result = await runWorkload(id, benchOptions(id, msg.n, msg.quick));
    post({ type: 'benchResult', id: msg.id, result });
  } catch (e) {
    post({ type: 'benchResult', id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
}
