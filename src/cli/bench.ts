// `npm run bench [-- --quick] [--workload W[,W...]] [--n N] [--backends LIST] [--labs LIST] [--json] [--no-browser] [--no-numpy] [--no-torch] [--no-build]`
// Fixed workloads on every backend: in headless Chromium (the app's own worker: WebGPU, WebGL, WASM,
// CPU), in Node (CPU, WASM), in NumPy and (where `import torch` works) in PyTorch, in one run, so every figure
// comes with its ratio to each.
// Prints a table, or with --json one line per workload. Times are reported, never asserted.
import { spawnSync } from 'node:child_process';
import { benchOptions, numpyTwin, runWorkload, WORKLOADS, type WorkloadId } from '../engine/bench/workloads';
import { mlpThreadsStarted, startNodeBackend } from './node-backend';
import { benchInBrowser, UI_PAGES, uiFigures, withBenchApp, type UiFigures } from './bench-browser';
import { HEADLINE, labRates, type LabRate } from './bench-labs';
import type { LabId } from '../labs/types';
import { UsageError } from './args';

interface Row { backend: string; median_ms: number; min_ms: number; max_ms: number; rate: number; error?: string }
interface Report { workload: WorkloadId; n: number; unit: string; rows: Row[]; numpy?: Row; torch?: Row }

function parse(argv: string[]) {
  const o = { labs: undefined as LabId[] | undefined, quick: false, json: false, browser: true, numpy: true, torch: true, build: true, ui: true, workloads: [...WORKLOADS] as WorkloadId[], n: undefined as number | undefined, backends: ['webgpu', 'webgl', 'wasm', 'cpu'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a.startsWith('--labs=') || a === '--labs') {
      const v = a === '--labs' ? argv[++i] : a.slice('--labs='.length);
      const labs = (v ?? '').split(',').filter(Boolean);
      for (const l of labs) if (!Object.hasOwn(HEADLINE, l)) throw new UsageError(`--labs: "${l}" is not allowed: ${Object.keys(HEADLINE).join(', ')}`);
      o.labs = labs as LabId[];
    }
    else if (a === '--json') o.json = true;
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--no-numpy') o.numpy = false;
    else if (a === '--no-torch') o.torch = false;
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-ui') o.ui = false;
    else if (a === '--backends') {
      o.backends = (argv[++i] ?? '').split(',');
      const bad = o.backends.filter((b) => !['webgpu', 'webgl', 'wasm', 'cpu'].includes(b));
      if (bad.length || !o.backends.length) throw new UsageError(`--backends="${argv[i]}" is not allowed: a comma list of webgpu, webgl, wasm, cpu`);
    }
    else if (a === '--workload') {
      // one workload, or a comma list of them (dsm-train,dsm-train-1t: threaded and single-threaded in one run)
      const ws = (argv[++i] ?? '').split(',') as WorkloadId[];
      const bad = ws.filter((w) => !WORKLOADS.includes(w) && (w as string) !== 'ui');
      if (bad.length || !ws.length || (ws.length > 1 && ws.includes('ui' as WorkloadId))) throw new UsageError(`--workload="${argv[i]}" is not allowed: ${[...WORKLOADS, 'ui'].join(', ')}, or a comma list of the former`);
      if ((ws[0] as string) === 'ui') o.workloads = [];
      else {
        o.workloads = ws;
        o.ui = false;
      }
    } else if (a === '--n') {
      o.n = Number(argv[++i]);
      if (!Number.isInteger(o.n) || o.n < 1) throw new UsageError(`--n="${argv[i]}" is not allowed: a positive integer`);
    } else throw new UsageError(`unknown option ${a}; allowed: --quick --json --workload W --n N --backends LIST --labs LIST --no-browser --no-numpy --no-torch --no-build --no-ui`);
  }
  return o;
}

/** the Python reference `script` on the first interpreter that has `module`; undefined leaves its column empty */
function python(script: string, module: string, label: (j: { threads?: number; torch?: string; blas?: string }) => string, w: WorkloadId, n: number | undefined, quick: boolean): Row | undefined {
  // Debian's python3-torch installs for /usr/bin/python3, which need not be the python3 on PATH
  const exe = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', `import ${module}`]).status === 0);
  if (!exe) return undefined;
  const args = [script, '--workload', numpyTwin(w), ...(n ? ['--n', String(n)] : []), ...(quick ? ['--quick'] : [])];
  const r = spawnSync(exe, args, { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { backend: label(j), median_ms: j.median_ms, min_ms: j.min_ms, max_ms: j.max_ms, rate: j.rate };
}
const numpy = (w: WorkloadId, n: number | undefined, quick: boolean) => python('scripts/bench_numpy.py', 'numpy', () => 'numpy', w, n, quick);
const torch = (w: WorkloadId, n: number | undefined, quick: boolean) =>
  python('scripts/bench_torch.py', 'torch', (j) => `pytorch ${j.torch ?? ''} (${j.threads ?? '?'} threads${j.blas ? `, ${j.blas} BLAS` : ''})`, w, n, quick);

async function main() {
  const o = parse(process.argv.slice(2));
  const reports: Report[] = o.workloads.map((w) => ({ workload: w, n: benchOptions(w, o.n, o.quick).n, unit: '', rows: [] }));
  let ui: UiFigures[] = [];
  let rates: LabRate[] = [];
  if (o.browser) {
    await withBenchApp(o.build, async (base, browser) => {
      if (o.workloads.length) {
        const rows = await benchInBrowser(base, browser, { backends: o.backends, workloads: o.workloads, n: o.n, quick: o.quick });
        for (const r of reports) {
          for (const b of rows) {
            const x = b.results.find((y) => y.workload === r.workload);
            if (x) {
              r.unit = x.unit;
              r.rows.push({ backend: `${b.backend} (${b.adapter})${x.threads ? `, ${x.threads}` : ''}`, median_ms: x.median_ms, min_ms: x.min_ms, max_ms: x.max_ms, rate: x.rate });
            } else r.rows.push({ backend: b.backend, median_ms: NaN, min_ms: NaN, max_ms: NaN, rate: NaN, error: b.error ?? 'not run' });
          }
        }
      }
      if (o.ui) ui = await uiFigures(base, 'wasm', UI_PAGES(o.quick ? 1000 : 10000), o.quick ? 2 : 6);
      // quick mode (CI): one lab, so the harness stays exercised without minutes of runs
      if (o.ui) rates = await labRates(base, o.quick ? 3 : 20, o.labs ?? (o.quick ? ['samplers'] : undefined));
    });
  }
  for (const backend of ['cpu', 'wasm'] as const) {
    await startNodeBackend(backend);
    await mlpThreadsStarted(); // the dsm-train rows on every thread from their first step
    for (const r of reports) {
      const x = await runWorkload(r.workload, benchOptions(r.workload, o.n, o.quick));
      r.unit = x.unit;
      r.rows.push({ backend: `node-${backend}${x.threads ? ` (${x.threads})` : ''}`, median_ms: x.median_ms, min_ms: x.min_ms, max_ms: x.max_ms, rate: x.rate });
    }
  }
  if (o.numpy) for (const r of reports) r.numpy = numpy(r.workload, o.n, o.quick);
  if (o.torch) for (const r of reports) r.torch = torch(r.workload, o.n, o.quick);
  print(reports, ui, rates, o.json);
}

function print(reports: Report[], ui: UiFigures[], rates: LabRate[], json: boolean) {
  for (const r of reports) {
    const ok = r.rows.filter((x) => Number.isFinite(x.median_ms));
    const best = ok.reduce<Row | undefined>((b, x) => (!b || x.median_ms < b.median_ms ? x : b), undefined);
    const ratio = best && r.numpy ? r.numpy.median_ms / best.median_ms : null;
    if (json) {
      const rate = (x: Row) => (r.workload.startsWith('dsm-train') ? { train_steps_per_s: x.rate } : r.workload === 'grid' ? { grid_points_per_s: x.rate } : { particle_steps_per_s: x.rate });
      process.stdout.write(JSON.stringify({
        workload: r.workload, n: r.n,
        results: r.rows.map((x) => ({ backend: x.backend, median_ms: x.median_ms, spread_ms: [x.min_ms, x.max_ms], ...rate(x), ...(x.error ? { error: x.error } : {}) })),
        numpy: r.numpy ? { median_ms: r.numpy.median_ms, ...rate(r.numpy) } : null,
        torch: r.torch ? { backend: r.torch.backend, median_ms: r.torch.median_ms, ...rate(r.torch) } : null,
        ratio_best_vs_numpy: ratio,
        ratio_best_vs_torch: best && r.torch ? r.torch.median_ms / best.median_ms : null,
      }) + '\n');
      continue;
    }
    console.log(`\n${r.workload}  (N = ${r.n}; ${r.unit})`);
    console.log('backend'.padEnd(70) + 'median ms'.padStart(12) + 'spread ms'.padStart(22) + 'rate'.padStart(14) + '  vs NumPy'.padEnd(12) + '  vs PyTorch');
    for (const x of [...r.rows, ...(r.numpy ? [r.numpy] : []), ...(r.torch ? [r.torch] : [])]) {
      const vs = (ref?: Row) => (ref && Number.isFinite(x.median_ms) ? `${(ref.median_ms / x.median_ms).toFixed(2)}x` : '');
      const line = x.error ? `  ${x.error}` : `${x.median_ms.toFixed(3).padStart(12)}${`${x.min_ms.toFixed(2)}-${x.max_ms.toFixed(2)}`.padStart(22)}${x.rate.toPrecision(4).padStart(14)}  ${vs(r.numpy).padEnd(10)}  ${vs(r.torch)}`;
      console.log(x.backend.slice(0, 69).padEnd(70) + line);
    }
  }
  for (const u of ui) {
    if (json) process.stdout.write(JSON.stringify({ workload: 'ui', ...u }) + '\n');
    else console.log(`\nui (${u.page}, ${u.backend}): ${u.fps.toFixed(1)} frames/s received, plane painted ${u.paint_fps.toFixed(1)}/s, longest main-thread task ${u.longest_task_ms.toFixed(0)} ms, slider to frame ${u.slider_to_frame_ms.toFixed(0)} ms, first frame ${u.first_frame_ms.toFixed(0)} ms after navigation`);
  }
  if (rates.length && !json) {
    console.log("\nui: iterations/s of each lab's headline preset in the page (backend=auto, highest speed) and in the CLI (best Node backend),");
    console.log('    stepping only and with the metrics the page charts at the same iterations; page/CLI against the latter (and the former)');
    console.log('lab / preset'.padEnd(34) + 'page backend'.padStart(13) + 'page it/s'.padStart(11) + 'CLI steps'.padStart(17) + 'CLI charted'.padStart(13) + 'page/CLI'.padStart(16));
  }
  for (const r of rates) {
    if (json) process.stdout.write(JSON.stringify({ workload: 'ui-lab', ...r }) + '\n');
    else console.log(`${r.lab} / ${r.preset}`.padEnd(34) + r.page_backend.padStart(13) + r.page_its.toPrecision(4).padStart(11) + `${r.cli_its.toPrecision(4)} (${r.cli_backend})`.padStart(17) + r.cli_charted_its.toPrecision(4).padStart(13) + `${r.ratio.toFixed(2)} (${r.ratio_steps_only.toFixed(2)})`.padStart(16));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? (process.env.DEBUG ? e.stack : e.message) : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
