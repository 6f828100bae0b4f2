// #/bench: the fixed workloads on every backend this browser has, in the app's own worker. The Node
// harness (`npm run bench`) opens this page and reads window.__bench; a researcher can open it too.
import { useEffect, useState } from 'react';
import { parseBenchQuery, runBenchPlan, type BackendBench } from '../state/bench-runner';
import type { BenchResultMsg } from '../protocol/messages';

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));

const checkText = (c: NonNullable<BenchResultMsg['check']>) =>
  (c.fused ? `fused vs op-by-op, max rel. error: score ${c.score.toExponential(1)}, log p ${c.logp.toExponential(1)}, step ${c.step.toExponential(1)}` : 'no fused kernel on this backend (op-by-op path)') +
  `; fused DSM step vs autodiff: gradients ${c.dsm.toExponential(1)}` +
  (c.dsmThreads !== undefined ? `; on ${c.dsmThreads} thread${c.dsmThreads === 1 ? '' : 's'} vs one: weights differ by ${c.dsmThreadsDiff}` : '');

export function BenchPage() {
  const [rows, setRows] = useState<BackendBench[]>([]);
  const [done, setDone] = useState(false);
  useEffect(() => {
    const plan = parseBenchQuery(location.hash);
    const w = window as unknown as { __bench?: { done: boolean; rows: BackendBench[] } };
    w.__bench = { done: false, rows: [] };
    let live = true;
    void runBenchPlan(plan, (r) => live && setRows(r)).then((r) => {
      w.__bench = { done: true, rows: r };
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <main className="landing">
      <h1>Benchmarks</h1>
      <p className="lede">Fixed workloads in the app's worker, on each backend (median of repeats). {done ? 'Done.' : 'Running…'}</p>
      <table className="bench" data-testid="bench-table">
        <thead><tr><th>backend</th><th>adapter</th><th>workload</th><th>N</th><th>median ms</th><th>spread ms</th><th>rate</th></tr></thead>
        <tbody>
          {rows.flatMap((r) =>
            r.results.length === 0
              ? [<tr key={r.backend}><td>{r.backend}</td><td>{r.adapter ?? ''}</td><td colSpan={5}>{r.error ?? 'running…'}</td></tr>]
              : r.results.map((x) => (
                  <tr key={r.backend + x.workload}>
                    <td>{r.backend}</td><td>{r.adapter}</td><td>{x.workload}</td><td>{x.n}</td>
                    <td>{fmt(x.median_ms)}</td><td>{fmt(x.min_ms)}–{fmt(x.max_ms)}</td><td>{x.check ? checkText(x.check) : `${fmt(x.rate)} ${x.unit}`}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    </main>
  );
}
