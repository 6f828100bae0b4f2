// Drives the #/bench page: one fresh worker per backend, forced onto it (no fallback), running each
// workload in turn. Results are plain data for the table and for the Node harness (window.__bench).
import type { BackendName, BenchResultMsg, FromWorker } from '../protocol/messages';
import { defaultWorkerFactory, type WorkerLike } from './bridge';

export interface BackendBench {
  backend: BackendName;
  adapter?: string;
  error?: string;
  results: BenchResultMsg[];
}

export interface BenchPlan {
  backends: BackendName[];
  workloads: string[];
  n?: number;
  quick: boolean;
  /**
   * ms to wait before the first worker starts. The page's own start-up (the bundle's compilation, the
   * first paints) keeps the second of two cores busy for a few seconds; without the wait the first
   * backend measured ran the DSM step at 6.7-8.6 ms against 3.8-4.2 ms for the same backend after it.
   */
  settleMs: number;
}

const ALL: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

function once(w: WorkerLike, pred: (m: FromWorker) => boolean, timeoutMs: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    w.addEventListener('message', (ev) => {
      const m = (ev as MessageEvent<FromWorker>).data;
      if (pred(m)) {
        clearTimeout(t);
        resolve(m);
      }
    });
    w.addEventListener('error', (ev) => {
      clearTimeout(t);
      reject(new Error((ev as ErrorEvent).message || 'worker crashed'));
    });
  });
}

export async function runBenchPlan(plan: BenchPlan, onProgress: (rows: BackendBench[]) => void, factory = defaultWorkerFactory): Promise<BackendBench[]> {
  const rows: BackendBench[] = [];
  if (plan.settleMs > 0) await new Promise((r) => setTimeout(r, plan.settleMs));
  for (const backend of plan.backends) {
    const row: BackendBench = { backend, results: [] };
    rows.push(row);
    onProgress([...rows]);
    const w = factory();
    try {
      const ready = once(w, (m) => m.type === 'ready' || (m.type === 'error' && m.runId === undefined), 60000);
      // skip every other backend: a bench row must run on exactly the backend it names
      w.postMessage({ type: 'init', backend, skip: ALL.filter((b) => b !== backend) });
      const r = await ready;
      if (r.type !== 'ready' || r.backend !== backend) throw new Error(r.type === 'error' ? r.message : `started ${r.type === 'ready' ? r.backend : '?'} instead`);
      row.adapter = r.adapter;
      for (const [i, workload] of plan.workloads.entries()) {
        const answer = once(w, (m) => m.type === 'benchResult' && m.id === i, 300000);
        w.postMessage({ type: 'bench', id: i, workload, n: plan.n, quick: plan.quick });
        const a = await answer;
        if (a.type === 'benchResult' && a.result) row.results.push(a.result);
        else if (a.type === 'benchResult') row.error = `${workload}: ${a.error}`;
        onProgress([...rows]);
      }
    } catch (e) {
      row.error = e instanceof Error ? e.message : String(e);
    } finally {
      w.terminate();
    }
    onProgress([...rows]);
  }
  return rows;
}

/** `#/bench?backends=wasm,cpu&workloads=grid&n=64&quick=1&settle=0` (settle: ms, default 3000, 0 when quick) */
export function parseBenchQuery(hash: string): BenchPlan {
  const q = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const list = (k: string, all: string[]) => (q.get(k) ? q.get(k)!.split(',').filter((x) => all.includes(x)) : all);
  const n = Number(q.get('n'));
  return {
    backends: list('backends', ALL) as BackendName[],
    workloads: list('workloads', ['langevin-mog40', 'langevin-mog40-ops', 'ddpm-mog40', 'ddpm-mog40-ops', 'dsm-train', 'dsm-train-1t', 'grid', 'fused-check']),
    n: Number.isInteger(n) && n > 0 ? n : undefined,
    quick: q.get('quick') === '1',
    settleMs: q.has('settle') && Number.isFinite(Number(q.get('settle'))) ? Math.min(60000, Math.max(0, Number(q.get('settle')))) : q.get('quick') === '1' ? 0 : 3000,
  };
}
