#!/usr/bin/env node
// `npm run check:papers`: the papers' qualitative claims as headless runs of the labs' recommended
// experiments (the CLI `npm run experiment`, WASM backend), each judged on its final metrics. Too long for a
// unit test (seconds to minutes each), short enough for CI: two run at a time, one per core.
// Prints one line per check as it ends (and test-results/paper-checks.json) and exits 1 if any fails. `--only ID[,ID]` runs a subset.
// Thresholds are the issues' own (docs/<lab>-lab.md has the measured numbers behind them).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const CHECKS = [
  {
    id: 'dikl-covers',
    claim: 'DiKL (preset mog40-dikl, seed 1) covers at least 36 of the 40 MoG-40 modes',
    url: 'dikl?preset=mog40-dikl&seed=1',
    judge: (m) => [m.modes_covered >= 36, `modes_covered ${m.modes_covered}`],
  },
  {
    id: 'rkl-collapses',
    claim: 'plain reverse KL (preset mog40-rkl, seed 1) covers far fewer (at most 20)',
    url: 'dikl?preset=mog40-rkl&seed=1',
    judge: (m) => [m.modes_covered <= 20, `modes_covered ${m.modes_covered}`],
  },
  {
    id: 'dxmi-sharpens',
    claim: 'DxMI on 8 Gaussians, T = 4, 1000 iterations: sliced W2 ≥ 30% below the 4-step DDPM, 8 modes, AUROC > 0.9',
    url: 'dxmi?data=8gaussians&T=4&seed=1',
    steps: 1000,
    judge: (m) => [
      m.sw2_data <= 0.7 * m.baseline_sw2 && m.modes_covered === 8 && m.auroc > 0.9,
      `sw2_data ${m.sw2_data?.toFixed(3)} vs baseline ${m.baseline_sw2?.toFixed(3)} (${Math.round((1 - m.sw2_data / m.baseline_sw2) * 100)}% below), modes ${m.modes_covered}, AUROC ${m.auroc?.toFixed(3)}`,
    ],
  },
  {
    id: 'dxmi-entropy',
    claim: 'DxMI without entropy (τ = 0 twin of preset entropy-side-by-side) collapses to at most 4 modes; with τ = 0.05 all 8 stay',
    url: 'dxmi?preset=entropy-side-by-side&seed=1',
    steps: 1000,
    judge: (m) => [m.modes_covered === 8 && m.modes_tau0 <= 4, `modes ${m.modes_covered} (τ = 0.05) vs ${m.modes_tau0} (τ = 0)`],
  },
];

function runOne(c) {
  return new Promise((resolve) => {
    const args = ['run', '--silent', 'experiment', '--', c.url, '--backend', 'wasm'];
    if (c.steps) args.push('--steps', String(c.steps));
    const t0 = Date.now();
    const p = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const s = Math.round((Date.now() - t0) / 1000);
      const last = out.trim().split('\n').pop() ?? '';
      let ok = false;
      let detail;
      try {
        const final = JSON.parse(last);
        if (code !== 0 || !final.metrics) throw new Error(`exit ${code}`);
        [ok, detail] = c.judge(final.metrics);
      } catch (e) {
        detail = `no result (${e instanceof Error ? e.message : e}): ${err.trim().split('\n').slice(-3).join(' | ')}`;
      }
      resolve({ c, ok, detail, s });
    });
  });
}

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1]?.split(',') : null;
const todo = CHECKS.filter((c) => !only || only.includes(c.id));
if (!todo.length) {
  console.error(`error: --only names no check; the checks are ${CHECKS.map((c) => c.id).join(', ')}`);
  process.exit(2);
}

// two at a time: the WASM backend is single-threaded, the machine has two cores
const results = [];
const queue = [...todo];
await Promise.all(
  [0, 1].map(async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const r = await runOne(c);
      console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${r.c.id} (${r.s} s): ${r.c.claim} — ${r.detail}`);
      results.push(r);
    }
  }),
);
const failed = results.filter((r) => !r.ok).length;
console.log(`paper checks: ${results.length - failed} passed, ${failed} failed`);
// for npm test's count (scripts/test-all.mjs), next to the other suites' reports
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/paper-checks.json', JSON.stringify({ passed: results.length - failed, failed, checks: results.map((r) => ({ id: r.c.id, ok: r.ok, detail: r.detail, seconds: r.s })) }));
process.exit(failed ? 1 : 0);
