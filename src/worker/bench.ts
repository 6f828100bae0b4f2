// Runs one benchmark workload in this worker (on its backend) and posts the timing back.
import type { ToWorker } from '../protocol/messages';
import { benchOptions, runWorkload, WORKLOADS, type WorkloadId } from '../engine/bench/workloads';

export async function runBench(msg: Extract<ToWorker, { type: 'bench' }>): Promise<void> {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
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
