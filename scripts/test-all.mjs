#!/usr/bin/env node
// `npm test`: every suite, in order (`npm test -- --long` adds the soak, src/cli/soak.ts), with one closing line "N passed, N failed, N flaky" summing them all.
// Static checks (typecheck, lint) count as one test each; unit tests (Vitest) and end-to-end tests
// (Playwright, against the built app) are counted from their JSON reports. A test that passed only on a
// retry is flaky: it is counted on its own, not as passed (and does not fail the run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results';
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;
let flaky = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  ok ? passed++ : failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function counted(label, ok, file, count) {
  if (!existsSync(file)) {
    failed++;
    lines.push(`${label}: no report (${file}) — counted as one failure`);
    return;
  }
  const [p, f, fl = 0] = count(JSON.parse(readFileSync(file, 'utf8')));
  passed += p;
  failed += f;
  flaky += fl;
  // a runner that crashed after writing a partial report still fails the run
  if (!ok && f === 0) failed++;
  lines.push(`${label}: ${p} passed, ${f} failed${fl ? `, ${fl} flaky (passed on a retry)` : ''}`);
}

// all three, even when one fails: each reports its own errors
check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.core.json']);
check('typecheck (app)', 'npx', ['tsc', '-p', 'tsconfig.app.json']);
check('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']);
check('lint', 'npx', ['eslint', 'src', 'e2e']);

const vitestJson = `${out}/vitest.json`;
rmSync(vitestJson, { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
counted('unit tests', unitOk, vitestJson, (j) => [j.numPassedTests, j.numFailedTests + (j.numRuntimeErrorTests ?? 0)]);

if (!process.argv.includes('--unit')) {
  const built = check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  const pwJson = `${out}/playwright.json`;
  rmSync(pwJson, { force: true });
  if (built) {
    const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
    counted('end-to-end tests', e2eOk, pwJson, (j) => [j.stats.expected, j.stats.unexpected, j.stats.flaky ?? 0]);
    // the benchmark harness in quick mode, so it cannot rot; its times are printed, never asserted
    // (WebGPU/WebGL on a software adapter are left out here: minutes per workload, nothing learned)
    check('benchmark harness (quick)', 'npm', ['run', '--silent', 'bench', '--', '--quick', '--no-build', '--backends', 'wasm,cpu']);
  }
  // the papers' claims as headless runs of the recommended experiments (minutes, not a unit test's seconds);
  // each claim counts as one test
  const papersJson = `${out}/paper-checks.json`;
  rmSync(papersJson, { force: true });
  const papersOk = run('paper checks', 'node', ['scripts/paper-checks.mjs']);
  counted('paper checks', papersOk, papersJson, (j) => [j.passed, j.failed]);
  // long mode: the page left running for minutes while its worker's tensors and its heap are sampled
  // (src/cli/soak.ts; a climbing tensor count fails it): too long for every run, one test when asked for
  if (process.argv.includes('--long')) check('soak (long mode)', 'npm', ['run', '--silent', 'soak', '--', '--minutes', '3', '--check']);
}

console.log('\n=== Summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed, ${flaky} flaky`);
process.exit(failed === 0 ? 0 : 1);
