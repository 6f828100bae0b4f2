// One check per preset of every lab: the preset run headless at its recommended length (the CLI with
// --charts, so the judge sees what the page's charts would show: every trace point, the curve and bar
// layers), asserting the claim its paragraph makes. When the paragraph says "switch X" or "compare with Y",
// the check runs that too. scripts/paper-checks.mjs runs them beside the papers' own claims.
// A judge returns [ok, detail]; detail names the numbers it judged, so a failure says what the run showed.

/** the [x, value] points of a chart series (empty when the run never recorded it) */
const pts = (r, key) => r.charts?.trace?.[key] ?? [];
/** the value at the last point with x <= at (undefined before the first point) */
function at(r, key, x) {
  let v;
  for (const [px, pv] of pts(r, key)) if (px <= x) v = pv;
  return v;
}
const last = (r, key) => r.metrics?.[key] ?? pts(r, key).at(-1)?.[1];
const first = (r, key) => pts(r, key)[0]?.[1];
const values = (r, key, from = -Infinity, to = Infinity) => pts(r, key).filter(([x]) => x >= from && x <= to).map(([, v]) => v);
const max = (a) => Math.max(...a);
const min = (a) => Math.min(...a);
const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
const std = (a) => {
  const v = a.filter(Number.isFinite);
  const m = mean(v);
  return v.length ? Math.sqrt(mean(v.map((x) => (x - m) ** 2))) : NaN;
};
const f = (v, d = 3) => (typeof v === 'number' ? Number(v.toPrecision(d)).toString() : String(v));
/** a curve layer's values by its legend name */
const curve = (r, layer, name) => r.charts?.series?.[layer]?.ys?.[name] ?? [];
const xsOf = (r, layer) => r.charts?.series?.[layer]?.xs ?? [];
const increasing = (a, tol = 0) => a.every((v, i) => i === 0 || v >= a[i - 1] - tol);
const decreasing = (a, tol = 0) => a.every((v, i) => i === 0 || v <= a[i - 1] + tol);
/** the swept runs' metric (a --sweep run's final line keys metrics as "key=value/metric") */
const swept = (r, key, vals, metric) => vals.map((v) => r.metrics[`${key}=${v}/${metric}`]);
const all = (...conds) => conds.every(Boolean);

const P = (lab, id, extra = '') => `${lab}?preset=${id}&seed=1${extra}`;
// mog40-dikl and mog40-rkl are judged on the run of mog40-compare (`sameAs`): its two generators train
// exactly as the two single runs do (src/labs/dikl/experiment.test.ts checks it, and
// src/labs/preset-checks.test.ts that the presets differ only in the objective), which saves two runs of
// minutes each (the shared run is the one with the same steps, every and args). side 'B' reads the comparison generator's metrics (key_b) under the plain keys.
// DiKL's paper evaluation (10 exact W₂ solves every 500 updates) is checked in its unit tests and by
// dikl-paper-eval below; elsewhere it would double these runs' time without bearing on their claims
const NOEVAL = '&paperEvery=0';

export const PRESET_CHECKS = [
  // ---------------------------------------------------------------- Samplers
  {
    id: 'samplers/langevin-stuck',
    claim: 'ULA from N(0, I) stays on a few of the 40 modes (at most 10 at iterations 500 and 2000); DDPM with the same exact score covers all 40',
    runs: [{ url: P('samplers', 'langevin-stuck'), every: 100 }, { url: P('samplers', 'langevin-stuck', '&sampler=ddpm'), steps: 100 }],
    judge: ([ula, ddpm]) => {
      const mid = at(ula, 'modes_covered', 500);
      const end = last(ula, 'modes_covered');
      return [all(mid <= 10, end <= 10, last(ddpm, 'modes_covered') === 40), `ULA modes ${mid} at 500, ${end} at 2000; DDPM ${last(ddpm, 'modes_covered')}/40`];
    },
  },
  {
    id: 'samplers/langevin-stuck-ddpm',
    claim: 'DDPM with the exact noised score covers all 40 MoG-40 modes in T = 100 steps',
    runs: [{ url: P('samplers', 'langevin-stuck-ddpm') }],
    judge: ([r]) => [last(r, 'modes_covered') === 40, `modes ${last(r, 'modes_covered')}/40`],
  },
  {
    id: 'samplers/mala-acceptance',
    claim: "MALA's acceptance falls as the step grows, slowly then sharply, from ~1 at 0.05; ULA at the same step is biased at 0.2 and diverges at 0.3, where MALA only rejects more",
    runs: [
      { url: P('samplers', 'mala-acceptance'), args: ['--sweep', 'step=0.05,0.3,0.8,1.5'] },
      { url: P('samplers', 'mala-acceptance', '&step=0.2') },
      { url: P('samplers', 'mala-acceptance', '&sampler=ula&step=0.2') },
      { url: P('samplers', 'mala-acceptance', '&sampler=ula&step=0.3'), expect: 'diverged' },
    ],
    judge: ([m, mala, ula, ulaBig]) => {
      const acc = swept(m, 'step', [0.05, 0.3, 0.8, 1.5], 'accept_rate');
      const drops = acc.slice(1).map((a, i) => acc[i] - a);
      const ok = all(acc[0] > 0.95, decreasing(acc), drops.at(-1) > drops[0], last(ula, 'sw2') > 1.3 * last(mala, 'sw2'), ulaBig.diverged, m.metrics['step=0.3/sw2'] < 0.25);
      return [ok, `acceptance ${acc.map((a) => f(a, 2)).join(' → ')} at steps 0.05, 0.3, 0.8, 1.5; at step 0.2 sliced W₂ ULA ${f(last(ula, 'sw2'))} vs MALA ${f(last(mala, 'sw2'))}; ULA at 0.3 ${ulaBig.diverged ? 'diverged' : 'did not diverge'}, MALA at 0.3 ${f(m.metrics['step=0.3/sw2'])}`];
    },
  },
  {
    id: 'samplers/learned-spirals',
    claim: "the DSM loss's running mean falls (toward its floor, not 0); the learned score's DDPM draws the spirals; fewer training steps are blurrier",
    runs: [{ url: P('samplers', 'learned-spirals') }, { url: P('samplers', 'learned-spirals', '&trainSteps=200') }],
    judge: ([r, short]) => {
      const early = at(r, 'dsm_loss_avg', 200);
      const end = last(r, 'dsm_loss_avg');
      return [all(end < early - 0.03, end > 0.5, last(r, 'sw2') < 0.25, last(short, 'sw2') > 1.3 * last(r, 'sw2')), `DSM running mean ${f(early)} at 200 → ${f(end)} at 2000; sliced W₂ ${f(last(r, 'sw2'))} (200 training steps: ${f(last(short, 'sw2'))})`];
    },
  },
  {
    id: 'samplers/hmc-funnel',
    claim: 'HMC at step 0.9 accepts about a third of its proposals yet its x₁ marginal stays right; at step 0.2 it accepts nearly all',
    runs: [{ url: P('samplers', 'hmc-funnel') }, { url: P('samplers', 'hmc-funnel', '&step=0.2') }],
    judge: ([r, small]) => {
      const acc = mean(values(r, 'accept_rate', 100));
      return [all(acc > 0.2, acc < 0.45, last(r, 'sw2') < 0.25, last(small, 'accept_rate') > 0.95), `acceptance ${f(acc, 2)} at step 0.9 (sliced W₂ ${f(last(r, 'sw2'))}), ${f(last(small, 'accept_rate'), 3)} at 0.2`];
    },
  },
  {
    id: 'samplers/annealed-8g',
    claim: 'annealed Langevin starts as one broad cloud and ends on the eight modes, at the level of an exact sample (sliced W₂ ≈ 0.07)',
    runs: [{ url: P('samplers', 'annealed-8g'), every: 25 }],
    judge: ([r]) => [all(first(r, 'sw2') > 0.5, last(r, 'sw2') < 0.12, last(r, 'modes_covered') === 8), `sliced W₂ ${f(first(r, 'sw2'))} at ${pts(r, 'sw2')[0]?.[0]} → ${f(last(r, 'sw2'))}, modes ${last(r, 'modes_covered')}/8`],
  },
  {
    id: 'samplers/annealed-mog40',
    claim: 'annealed Langevin from N(0, I) covers all 40 MoG-40 modes (ULA from the same start: a few)',
    runs: [{ url: P('samplers', 'annealed-mog40') }],
    judge: ([r]) => [last(r, 'modes_covered') === 40, `modes ${last(r, 'modes_covered')}/40, sliced W₂ ${f(last(r, 'sw2'))}`],
  },
  {
    id: 'samplers/gibbs-aligned',
    claim: 'Gibbs from a corner splits evenly between two side-by-side modes: sliced W2 under 0.3 by iteration 300 and at the end',
    runs: [{ url: P('samplers', 'gibbs-aligned'), every: 100 }],
    judge: ([r]) => [all(at(r, 'sw2', 300) < 0.3, last(r, 'sw2') < 0.3, last(r, 'modes_covered') === 2), `sliced W₂ ${f(at(r, 'sw2', 300))} at 300, ${f(last(r, 'sw2'))} at the end; modes ${last(r, 'modes_covered')}/2`],
  },
  {
    id: 'samplers/gibbs-rotated',
    claim: 'the same two modes on the diagonal: Gibbs from the corner stays in one, sliced W2 above 1.2 after 500 sweeps and 4x the side-by-side run',
    runs: [{ url: P('samplers', 'gibbs-rotated') }, { url: P('samplers', 'gibbs-aligned') }],
    judge: ([rot, aligned]) => [all(last(rot, 'sw2') > 1.2, last(rot, 'sw2') > 4 * last(aligned, 'sw2')), `sliced W₂ rotated ${f(last(rot, 'sw2'))}, side by side ${f(last(aligned, 'sw2'))}`],
  },
  {
    id: 'samplers/hmc-vs-rwm-banana',
    claim: 'on the banana HMC (h 0.2, L 10) has at least twice the ESS per iteration of random-walk Metropolis (sigma 1.5) and twice the ESS per gradient of MALA at its step, with split-R-hat under 1.05',
    runs: [{ url: P('samplers', 'hmc-vs-rwm-banana') }, { url: P('samplers', 'hmc-vs-rwm-banana', '&sampler=rwm&scale=1.5') }, { url: P('samplers', 'hmc-vs-rwm-banana', '&sampler=mala') }],
    judge: ([hmc, rwm, mala]) => [
      all(last(hmc, 'ess_per_iter') > 2 * last(rwm, 'ess_per_iter'), last(hmc, 'ess_per_grad') > 2 * last(mala, 'ess_per_grad'), last(hmc, 'rhat') < 1.05),
      `ESS per iteration HMC ${f(last(hmc, 'ess_per_iter'))}, RWM ${f(last(rwm, 'ess_per_iter'))}; per gradient HMC ${f(last(hmc, 'ess_per_grad'))}, MALA ${f(last(mala, 'ess_per_grad'))}; split-R̂ HMC ${f(last(hmc, 'rhat'), 4)}`,
    ],
  },
  {
    id: 'samplers/pt-mog40',
    claim: 'parallel tempering (K = 4, tMax = 300) from N(0, I) covers 39 of the 40 MoG-40 modes by iteration 50 and all 40 at the end (at least 39 from 100 on), sliced W₂ down to an exact sample\'s; ULA from the same start a few (≤ 10); at tMax = 30 the modes come far more slowly; the swap rate settles near 0.44 after starting near 0.8',
    runs: [
      { url: P('samplers', 'pt-mog40'), every: 10 },
      { url: P('samplers', 'pt-mog40', '&sampler=ula'), every: 100 },
      { url: P('samplers', 'pt-mog40', '&tMax=30'), every: 50 },
    ],
    judge: ([pt, ula, cool]) => {
      const [m50, m60, m100] = [at(pt, 'modes_covered', 50), at(pt, 'modes_covered', 60), at(pt, 'modes_covered', 100)];
      const kept = min(values(pt, 'modes_covered', 100));
      const swapEarly = max(values(pt, 'swap_rate', 1, 10));
      const swapLate = mean(values(pt, 'swap_rate', 100));
      const ok = all(
        m50 >= 35, m60 >= 39, kept >= 39, last(pt, 'modes_covered') === 40, last(pt, 'sw2') < 2,
        last(ula, 'modes_covered') <= 10,
        at(cool, 'modes_covered', 100) <= 30, last(cool, 'sw2') > 3 * last(pt, 'sw2'),
        swapEarly > 0.7, swapLate > 0.3, swapLate < 0.65,
      );
      return [ok, `PT modes ${at(pt, 'modes_covered', 10)} at 10, ${m50} at 50, ${m60} at 60, ${m100} at 100, at least ${kept} from 100 on, ${last(pt, 'modes_covered')}/40 at ${pt.steps} (sliced W₂ ${f(last(pt, 'sw2'))}); ULA ${last(ula, 'modes_covered')}; tMax = 30: ${at(cool, 'modes_covered', 100)} at 100, ${last(cool, 'modes_covered')} at ${cool.steps} (sliced W₂ ${f(last(cool, 'sw2'))}); swap rate ≤ ${f(swapEarly, 2)} over 1–10, mean ${f(swapLate, 2)} over 100–${pt.steps}`];
    },
  },
  {
    id: 'samplers/svgd-repulsion',
    claim: 'SVGD on the banana spreads over the target (sliced W₂ under 0.1 from iteration 150, below the ~0.13 of 1000 exact samples; mean log-density the target\'s average, −3.52); without the repulsive term every particle piles onto the mode (mean log-density −2.53, log p at the mode; sliced W₂ ≈ 1.9)',
    runs: [{ url: P('samplers', 'svgd-repulsion'), every: 50 }, { url: P('samplers', 'svgd-repulsion', '&repulsion=false'), every: 50 }],
    judge: ([on, off]) => {
      // the banana's log density at its mode (x₁ = 0 on the ridge, r = 0): -log(2π · 2); its average under the target -3.52 (exact samples)
      const atMode = -Math.log(4 * Math.PI);
      const ok = all(
        at(on, 'sw2', 150) < 0.1, last(on, 'sw2') < 0.1, Math.abs(last(on, 'mean_log_density') + 3.52) < 0.05,
        at(off, 'mean_log_density', 150) > atMode - 0.01, last(off, 'mean_log_density') > atMode - 0.01, last(off, 'sw2') > 1.5,
      );
      return [ok, `repulsion on: sliced W₂ ${f(at(on, 'sw2', 150))} at 150, ${f(last(on, 'sw2'))} at 300, mean log-density ${f(last(on, 'mean_log_density'))} (target −3.52); off: mean log-density ${f(at(off, 'mean_log_density', 150))} at 150, ${f(last(off, 'mean_log_density'))} at 300 (log p at the mode ${f(atMode)}), sliced W₂ ${f(last(off, 'sw2'))}`];
    },
  },
  {
    id: 'samplers/hmcda-tunes',
    claim: 'dual averaging takes HMC on the banana from step 2 to a step near 0.74 with acceptance held at 0.8 while tuning; the tuned HMC has an ESS per gradient above 0.015; at delta 0.6 a larger step',
    runs: [{ url: P('samplers', 'hmcda-tunes'), every: 100 }, { url: P('samplers', 'hmcda-tunes', '&delta=0.6'), steps: 600 }],
    judge: ([r, low]) => {
      const tuning = mean(values(r, 'accept_rate', 100, 500));
      const step = last(r, 'step_adapted');
      const ok = all(Math.abs(tuning - 0.8) < 0.05, step > 0.4, step < 1.2, at(r, 'step_adapted', 100) < 1, last(r, 'ess_per_grad') > 0.015, last(low, 'step_adapted') > 1.1 * step);
      return [ok, `acceptance ${f(tuning)} over 100-500 (δ 0.8); step ${f(at(r, 'step_adapted', 100))} at 100, ${f(step)} tuned; ESS per gradient ${f(last(r, 'ess_per_grad'))}; at δ 0.6 step ${f(last(low, 'step_adapted'))}`];
    },
  },
  {
    id: 'samplers/one-chain',
    claim: 'HMC at step 0.8 on the banana accepts about 0.81 of its trajectories (red crosses appear); at step 1.3 it refuses most (0.29)',
    runs: [{ url: P('samplers', 'one-chain', '&delay=0'), every: 50 }, { url: P('samplers', 'one-chain', '&delay=0&step=1.3'), every: 50 }],
    judge: ([r, big]) => {
      const a = mean(values(r, 'accept_rate', 20));
      const b = mean(values(big, 'accept_rate', 20));
      return [all(a > 0.65, a < 0.93, b < 0.45), `acceptance ${f(a)} at step 0.8, ${f(b)} at 1.3`];
    },
  },
  {
    id: 'samplers/nuts-tunes',
    claim: 'NUTS on the banana tunes its step from 2 to about 0.85 with the acceptance statistic near 0.8 while tuning; its tree depth is about 2; ESS per gradient above 0.015',
    runs: [{ url: P('samplers', 'nuts-tunes'), every: 50 }],
    judge: ([r]) => {
      const tuning = mean(values(r, 'accept_rate', 50, 300));
      const step = last(r, 'step_adapted');
      const depth = mean(values(r, 'tree_depth', 50));
      return [all(Math.abs(tuning - 0.8) < 0.05, step > 0.5, step < 1.3, depth > 1.5, depth < 3.5, last(r, 'ess_per_grad') > 0.015), `acceptance ${f(tuning)} over 50-300; step ${f(step)}; tree depth ${f(depth)}; ESS per gradient ${f(last(r, 'ess_per_grad'))}`];
    },
  },
  {
    id: 'samplers/formula-ring',
    claim: 'HMC on the typed ring accepts ~95% and reaches the sliced W₂ of an exact sample (~0.06) within 250 iterations; the mean log-density is the ring\'s own (−1.87)',
    runs: [{ url: P('samplers', 'formula-ring'), every: 50 }],
    judge: ([r]) => {
      const acc = mean(values(r, 'accept_rate', 50));
      return [all(acc > 0.9, at(r, 'sw2', 250) < 0.08, last(r, 'sw2') < 0.08, Math.abs(last(r, 'mean_log_density') + 1.87) < 0.1), `acceptance ${f(acc)}; sliced W₂ ${f(at(r, 'sw2', 250))} at 250, ${f(last(r, 'sw2'))} at 500; mean log-density ${f(last(r, 'mean_log_density'))}`];
    },
  },
  {
    id: 'samplers/formula-banana-family',
    claim: 'the larger the slider a, the sharper the banana and the worse a fixed-step MALA does: acceptance falls (0.94 at a = 0, 0.83 at 0.5, 0.59 at 1) and sliced W₂ after 400 iterations rises (0.04, 0.07, 0.27)',
    runs: [{ url: P('samplers', 'formula-banana-family', '&fp=a,0,0,1'), every: 100 }, { url: P('samplers', 'formula-banana-family'), every: 100 }, { url: P('samplers', 'formula-banana-family', '&fp=a,1,0,1'), every: 100 }],
    judge: (rs) => {
      const acc = rs.map((r) => mean(values(r, 'accept_rate', 100)));
      const w = rs.map((r) => last(r, 'sw2'));
      return [all(decreasing(acc), acc[0] > 0.9, acc[2] < 0.7, increasing(w), w[2] > 3 * w[0], last(rs[2], 'mean_log_density') < -4), `acceptance ${acc.map((v) => f(v)).join(', ')}; sliced W₂ ${w.map((v) => f(v)).join(', ')} at a = 0, 0.5, 1; mean log-density at a = 1 ${f(last(rs[2], 'mean_log_density'))}`];
    },
  },
  {
    id: 'samplers/data-file',
    claim: 'a score learned from the example file\'s 500 points lets DDPM draw the heart: sliced W₂ to the data about 0.24, far below the noise it starts from',
    runs: [{ url: P('samplers', 'data-file') }, { url: P('samplers', 'data-file', '&trainSteps=0') }],
    judge: ([r, untrained]) => [all(last(r, 'sw2') < 0.35, last(untrained, 'sw2') > 2 * last(r, 'sw2')), `sliced W₂ ${f(last(r, 'sw2'))} (an untrained score: ${f(last(untrained, 'sw2'))})`],
  },
  // ---------------------------------------------------------------- DiKL
  {
    id: 'dikl/mog40-compare',
    claim: 'from the same initial weights DiKL covers most of the 40 modes, reverse KL few',
    runs: [{ url: P('dikl', 'mog40-compare', NOEVAL), every: 100 }],
    judge: ([r]) => [all(last(r, 'modes_covered') >= 34, last(r, 'modes_covered_b') <= 20), `DiKL ${last(r, 'modes_covered')}, reverse KL ${last(r, 'modes_covered_b')} of 40`],
  },
  {
    id: 'dikl/mog40-spread',
    claim: 'with the output scaled by the spread DiKL covers ~22 modes after 100 updates and ~31 after 1000; reverse KL stays on a few (at most ~11)',
    runs: [{ url: P('dikl', 'mog40-spread', NOEVAL), every: 100 }],
    judge: ([r]) => {
      const early = at(r, 'modes_covered', 100);
      const rkl = max(values(r, 'modes_covered_b'));
      return [all(early >= 18, last(r, 'modes_covered') >= 28, rkl <= 15), `DiKL ${early} modes at 100, ${last(r, 'modes_covered')} at 1000; reverse KL at most ${rkl} (${last(r, 'modes_covered_b')} at 1000)`];
    },
  },
  {
    id: 'dikl/mog40-dikl',
    claim: 'DiKL spreads over the box: modes covered climbs, sliced W₂ and the energy TVD fall',
    runs: [{ url: P('dikl', 'mog40-dikl', NOEVAL), every: 100, sameAs: { url: P('dikl', 'mog40-compare', NOEVAL), side: 'A' } }],
    judge: ([r]) => [
      all(last(r, 'modes_covered') >= 36, last(r, 'sw2') < 0.5 * first(r, 'sw2'), last(r, 'energy_tvd') < first(r, 'energy_tvd')),
      `modes ${first(r, 'modes_covered')} → ${last(r, 'modes_covered')}, sliced W₂ ${f(first(r, 'sw2'))} → ${f(last(r, 'sw2'))}, TVD ${f(first(r, 'energy_tvd'))} → ${f(last(r, 'energy_tvd'))}`,
    ],
  },
  {
    id: 'dikl/mog40-rkl',
    claim: 'plain reverse KL covers only the handful of modes near its start',
    runs: [{ url: P('dikl', 'mog40-rkl', NOEVAL), every: 100, sameAs: { url: P('dikl', 'mog40-compare', NOEVAL), side: 'B' } }],
    judge: ([r]) => [last(r, 'modes_covered') <= 20, `modes ${last(r, 'modes_covered')} of 40`],
  },
  {
    id: 'dikl/mog40-ais',
    claim: "with the paper's AIS posterior sampler instead of the closed form DiKL still covers the modes",
    runs: [{ url: P('dikl', 'mog40-ais', NOEVAL) }],
    judge: ([r]) => [last(r, 'modes_covered') >= 30, `modes ${last(r, 'modes_covered')} of 40`],
  },
  {
    id: 'dikl/mog40-paper',
    claim: 'the official MoG-40 configuration runs as set (width 400, depth 4, batch 1024, 50 DSM steps, AIS) and its samples stay finite',
    runs: [{ url: P('dikl', 'mog40-paper', NOEVAL) }],
    judge: ([r]) => {
      const p = r.params;
      const ok = all(p.width === 400, p.depth === 4, p.batch === 1024, p.dsmSteps === 50, p.targetScore === 'msi-ais', r.steps === 10, Number.isFinite(last(r, 'sw2')));
      return [ok, `width ${p.width}, depth ${p.depth}, batch ${p.batch}, DSM steps ${p.dsmSteps}, ${p.targetScore}; ${r.steps} updates, sliced W₂ ${f(last(r, 'sw2'))}`];
    },
  },
  {
    id: 'dikl/double-well',
    claim: 'DiKL with the AIS estimator puts mass in both wells of the double well (left-well mass within 0.15 of the exact samples\' 0.16)',
    runs: [{ url: P('dikl', 'double-well', NOEVAL) }],
    judge: ([r]) => {
      const [left, exact] = [last(r, 'left_well'), last(r, 'left_well_exact')];
      return [all(left > 0.05, left < 0.95, Math.abs(left - exact) < 0.15), `mass in the left well ${f(left)} (exact samples ${f(exact)}), sliced W₂ ${f(last(r, 'sw2'))}`];
    },
  },
  {
    id: 'dikl/8g-compare',
    claim: 'on 8 Gaussians DiKL covers all eight by update 100, reverse KL fewer (all by ~500); at 300 the energy TVD favours reverse KL while it covers fewer modes; at 800 DiKL leads on W₂',
    runs: [{ url: P('dikl', '8g-compare', NOEVAL), every: 100 }],
    judge: ([r]) => {
      const [a100, b100, a300, b300] = [at(r, 'modes_covered', 100), at(r, 'modes_covered_b', 100), at(r, 'modes_covered', 300), at(r, 'modes_covered_b', 300)];
      const [t300, tb300] = [at(r, 'energy_tvd', 300), at(r, 'energy_tvd_b', 300)];
      const ok = all(a100 === 8, b100 < 8, a300 === 8, b300 < 8, tb300 < t300, last(r, 'modes_covered') === 8, last(r, 'w2') < last(r, 'w2_b'));
      return [ok, `modes at 100: DiKL ${a100}, reverse KL ${b100}; at 300: ${a300} vs ${b300}, energy TVD ${f(t300)} vs ${f(tb300)}; at 800: modes ${last(r, 'modes_covered')} vs ${last(r, 'modes_covered_b')}, W₂ ${f(last(r, 'w2'))} vs ${f(last(r, 'w2_b'))}`];
    },
  },
  // ---------------------------------------------------------------- DxMI
  {
    id: 'dxmi/sharpen-ddpm',
    claim: 'DxMI brings the 4-step DDPM\'s sliced W₂ down by a third or more (about half), keeps 8 modes, the energy scores AUROC > 0.9; σ_t barely move, the entropy stays above the data\'s and the energy gap stays negative',
    runs: [{ url: P('dxmi', 'sharpen-ddpm'), every: 50 }],
    judge: ([r]) => {
      const sw = min(values(r, 'sw2_data', 500));
      const ok = all(last(r, 'sw2_data') <= 0.7 * last(r, 'baseline_sw2'), last(r, 'modes_covered') === 8, last(r, 'auroc') > 0.9, Math.abs(last(r, 'sigma_mean') / first(r, 'sigma_mean') - 1) < 0.3, last(r, 'entropy_samples') > last(r, 'entropy_data'), at(r, 'sw2_data', 400) <= 0.7 * last(r, 'baseline_sw2'), last(r, 'energy_gap') < 0);
      return [ok, `sliced W₂ ${f(last(r, 'baseline_sw2'))} → ${f(last(r, 'sw2_data'))} (best after 500: ${f(sw)}), modes ${last(r, 'modes_covered')}, AUROC ${f(last(r, 'auroc'))}, σ mean ${f(first(r, 'sigma_mean'))} → ${f(last(r, 'sigma_mean'))}, entropy ${f(last(r, 'entropy_samples'))} vs data ${f(last(r, 'entropy_data'))}`];
    },
  },
  {
    id: 'dxmi/no-entropy',
    claim: 'without entropy σ_t collapse (to ~0.015), the samples jump between a few modes, sliced W₂ grows and the entropy falls far below the data\'s',
    runs: [{ url: P('dxmi', 'no-entropy'), every: 50 }],
    judge: ([r]) => [
      all(last(r, 'sigma_mean') < 0.05, last(r, 'modes_covered') <= 4, last(r, 'sw2_data') > 1, last(r, 'entropy_samples') < last(r, 'entropy_data') - 1),
      `σ mean ${f(last(r, 'sigma_mean'))}, modes ${last(r, 'modes_covered')}, sliced W₂ ${f(last(r, 'sw2_data'))}, entropy ${f(last(r, 'entropy_samples'))} vs data ${f(last(r, 'entropy_data'))}`,
    ],
  },
  {
    id: 'dxmi/entropy-side-by-side',
    claim: 'from the same start, τ = 0.05 keeps all 8 modes with σ_t grown; the τ = 0 twin collapses its σ_t and drops modes',
    runs: [{ url: P('dxmi', 'entropy-side-by-side'), every: 50 }],
    judge: ([r]) => [
      all(last(r, 'modes_covered') === 8, last(r, 'modes_tau0') <= 4, last(r, 'sigma_mean') > first(r, 'sigma_mean'), last(r, 'sigma_mean_tau0') < 0.1, last(r, 'entropy_tau0') < last(r, 'entropy_samples')),
      `τ = 0.05: ${last(r, 'modes_covered')} modes, σ ${f(first(r, 'sigma_mean'))} → ${f(last(r, 'sigma_mean'))}; τ = 0: ${last(r, 'modes_tau0')} modes, σ ${f(last(r, 'sigma_mean_tau0'))}, entropy ${f(last(r, 'entropy_tau0'))} vs ${f(last(r, 'entropy_samples'))}`,
    ],
  },
  {
    id: 'dxmi/anomaly',
    claim: 'on two spirals the energy separates held-out data from uniform points (AUROC rises well above chance)',
    runs: [{ url: P('dxmi', 'anomaly'), every: 100 }],
    judge: ([r]) => [all(last(r, 'auroc') > 0.75, last(r, 'auroc') > first(r, 'auroc')), `AUROC ${f(first(r, 'auroc'))} → ${f(last(r, 'auroc'))}`],
  },
  {
    id: 'dxmi/values',
    claim: 'the value functions V(·, t): nearly flat at t = 0 (pure noise), more structured at every later step; the TD loss falls and the samples sharpen below the DDPM baseline',
    runs: [{ url: P('dxmi', 'values'), every: 100 }],
    judge: ([r]) => {
      const sd = [0, 1, 2, 3].map((k) => std(r.charts?.grids?.[`value${k}`]?.values ?? []));
      const ok = all(sd.every(Number.isFinite), increasing(sd), sd[3] > 2.5 * sd[0], last(r, 'td_loss') < first(r, 'td_loss'), last(r, 'sw2_data') < last(r, 'baseline_sw2'));
      return [ok, `spread of V(·, t) over the plane per panel ${sd.map((v) => f(v, 2)).join(' < ')}; TD loss ${f(first(r, 'td_loss'))} → ${f(last(r, 'td_loss'))}, sliced W₂ ${f(last(r, 'sw2_data'))} vs DDPM ${f(last(r, 'baseline_sw2'))}`];
    },
  },
  {
    id: 'dxmi/checkerboard-10',
    claim: 'with T = 10 the DDPM starts less blurry than with T = 4, and DxMI sharpens it further',
    runs: [{ url: P('dxmi', 'checkerboard-10'), every: 200 }, { url: P('dxmi', 'checkerboard-10', '&T=4'), steps: 1 }],
    judge: ([r, t4]) => [all(last(r, 'baseline_sw2') < last(t4, 'baseline_sw2'), last(r, 'sw2_data') < last(r, 'baseline_sw2')), `DDPM sliced W₂ ${f(last(r, 'baseline_sw2'))} at T = 10 vs ${f(last(t4, 'baseline_sw2'))} at T = 4; DxMI ${f(last(r, 'sw2_data'))}`],
  },
  // ---------------------------------------------------------------- Gradient guidance
  {
    id: 'guidance/naive-vs-lookahead',
    claim: 'naive guidance: the off-subspace ratio climbs round after round; G_loss at δ = 0.2 keeps it near zero',
    runs: [{ url: P('guidance', 'naive-vs-lookahead') }, { url: P('guidance', 'naive-vs-lookahead', '&guidance=gloss&delta=0.2') }],
    judge: ([n, g]) => {
      // the median ratio of one round is noisy (±0.15): compared over windows of rounds
      const [a, b, c] = [mean(values(n, 'off_support_ratio', 1, 10)), mean(values(n, 'off_support_ratio', 50, 100)), mean(values(n, 'off_support_ratio', 150, 200))];
      return [all(a < b, a < c, c > 0.3, max(values(g, 'off_support_ratio', 150)) < 0.05), `naive: mean ratio ${f(a)} over rounds 1–10, ${f(b)} over 50–100, ${f(c)} over 150–200; G_loss: ≤ ${f(max(values(g, 'off_support_ratio', 150)))} over 150–200`];
    },
  },
  {
    id: 'guidance/regularized-optimum',
    claim: 'G_loss with the exact prior stays on the line (ratio 0) and its mean reward rises then levels off far below 10',
    runs: [{ url: P('guidance', 'regularized-optimum') }],
    judge: ([r]) => {
      const r0 = first(r, 'reward_mean');
      const r150 = at(r, 'reward_mean', 150);
      const end = last(r, 'reward_mean');
      return [all(max(values(r, 'off_support_ratio')) < 1e-3, end > r0 + 1, Math.abs(end - r150) < 0.15 * (end - r0), end < 8), `ratio ≤ ${f(max(values(r, 'off_support_ratio')))}, reward ${f(r0)} → ${f(r150)} at 150 → ${f(end)} at 300`];
    },
  },
  {
    id: 'guidance/fine-tuning',
    claim: 'Algorithm 2 (fine-tuning from round 20) lifts the mean reward to ~9.5 by round 50, where Algorithm 1 from the same seed is far lower',
    runs: [{ url: P('guidance', 'fine-tuning') }, { url: P('guidance', 'fine-tuning', '&algorithm=1') }],
    judge: ([a2, a1]) => {
      const v2 = at(a2, 'reward_mean', 50);
      const v1 = at(a1, 'reward_mean', 50);
      return [all(v2 > 8.5, v1 < 7.5), `round 50: Algorithm 2 ${f(v2)}, Algorithm 1 ${f(v1)}`];
    },
  },
  {
    id: 'guidance/front',
    claim: 'over the δ sweep G_loss stays on the subspace for every δ while naive G leaves it more as δ grows, for less reward',
    runs: [{ url: P('guidance', 'front') }],
    judge: ([r]) => frontJudge(r),
  },
  {
    id: 'guidance/front-circle',
    claim: 'on the circle G_loss keeps ‖x‖ − 1 near 0 for every δ and the reward saturates near 1',
    runs: [{ url: P('guidance', 'front-circle') }],
    judge: ([r]) => frontJudge(r, { circle: true }),
  },
  {
    id: 'guidance/f2-click',
    claim: 'G_loss keeps the samples on the line (ratio 0) and lifts the mean reward from the unguided ~2.5 toward the line\'s best 3.5 for b = (3, 3); for b = (8, 0) it climbs from 1.7 to ~4.6 within ten rounds; naive G stays near the line',
    runs: [
      { url: P('guidance', 'f2-click') },
      { url: P('guidance', 'f2-click', '&delta=0') },
      { url: P('guidance', 'f2-click', '&bx=8&by=0') },
      { url: P('guidance', 'f2-click', '&guidance=naive&delta=3') },
    ],
    judge: ([g, off, far, n]) => {
      const guided = mean(values(g, 'reward_mean', 5));
      const unguided = mean(values(off, 'reward_mean', 5));
      const ok = all(max(values(g, 'off_support_ratio')) < 0.01, guided > unguided + 0.3, guided < 3.5, at(far, 'reward_mean', 10) > first(far, 'reward_mean') + 2, last(n, 'off_support_ratio') < 0.05);
      return [ok, `b = (3, 3): mean reward ${f(guided)} over rounds 5–50 (δ = 0: ${f(unguided)}), ratio ≤ ${f(max(values(g, 'off_support_ratio')))}; b = (8, 0): ${f(first(far, 'reward_mean'))} → ${f(at(far, 'reward_mean', 10))} at round 10; naive δ = 3: ratio ${f(last(n, 'off_support_ratio'))}`];
    },
  },
  {
    id: 'guidance/hexagon',
    claim: 'on the full-dimensional hexagon prior f2 guidance lowers the mean reward round after round (more so at δ = 0.02); a linear reward climbs every round',
    runs: [{ url: P('guidance', 'hexagon') }, { url: P('guidance', 'hexagon', '&delta=0.02') }, { url: P('guidance', 'hexagon', '&reward=linear') }],
    judge: ([r, small, lin]) => {
      const early = (x) => mean(values(x, 'reward_mean', 1, 5));
      const late = (x) => mean(values(x, 'reward_mean', 31, 40));
      const ok = all(late(r) < early(r), late(small) < early(small) - 1, late(small) < late(r), late(lin) > early(lin) + 5);
      return [ok, `mean reward, rounds 1–5 → 31–40: f2 ${f(early(r))} → ${f(late(r))}; δ = 0.02 ${f(early(small))} → ${f(late(small))}; linear ${f(early(lin))} → ${f(late(lin))}`];
    },
  },
  // ---------------------------------------------------------------- Implicit Diffusion
  {
    id: 'implicit/paper-5-1',
    claim: 'J rises as the mass gathers on the first component, then switches to the component at 60° and ends with nearly all the weight there; the particle run tracks the exact flow',
    runs: [{ url: P('implicit', 'paper-5-1') }],
    judge: ([r]) => {
      const w1max = max(values(r, 'w1'));
      const gap = max(pts(r, 'J_exact').map(([x, v]) => Math.abs(v - (at(r, 'J_flow', x) ?? v))));
      return [all(w1max > 0.6, last(r, 'w2') > 0.9, last(r, 'J_exact') > 0.28, gap < 0.03), `w1 peaks at ${f(w1max)}, final w2 ${f(last(r, 'w2'))}, J ${f(first(r, 'J_exact'))} → ${f(last(r, 'J_exact'))}, |J − J_flow| ≤ ${f(gap)}`];
    },
  },
  {
    id: 'implicit/single-vs-nested',
    claim: 'at equal gradient evaluations the single loop reaches the best component long before the nested loop',
    runs: [{ url: P('implicit', 'single-vs-nested') }],
    judge: ([r]) => [all(last(r, 'J_exact') > 0.28, last(r, 'J_nested') < last(r, 'J_exact') - 0.05), `J single ${f(last(r, 'J_exact'))} vs nested ${f(last(r, 'J_nested'))} after ${f(last(r, 'grad_evals'))} gradient evaluations`],
  },
  {
    id: 'implicit/means-bump',
    claim: 'the six centres move onto the bump and J nears its ceiling 0.8',
    runs: [{ url: P('implicit', 'means-bump') }],
    judge: ([r]) => [all(last(r, 'J_exact') > 0.75, first(r, 'J_exact') < 0.5), `J ${f(first(r, 'J_exact'))} → ${f(last(r, 'J_exact'))} (ceiling 0.8)`],
  },
  {
    id: 'implicit/kl-regularized',
    claim: 'with the KL leash λ = 0.1 no weight passes ~0.75 and the run settles with every component kept; with λ = 0 one weight passes 0.9 and the others die out',
    runs: [{ url: P('implicit', 'kl-regularized') }, { url: P('implicit', 'kl-regularized', '&lambda=0') }],
    judge: ([r, free]) => {
      const ws = [1, 2, 3, 4, 5, 6];
      const peak = (x) => max(ws.map((i) => max(values(x, `w${i}`))));
      const smallest = (x) => min(ws.map((i) => last(x, `w${i}`)));
      const settled = max(ws.map((i) => Math.abs(last(r, `w${i}`) - at(r, `w${i}`, 1000))));
      const othersFree = min(ws.map((i) => max(values(free, `w${i}`, 400, 1200)))) ;
      return [all(peak(r) < 0.8, smallest(r) > 0.01, settled < 0.05, peak(free) > 0.9, othersFree < 0.02), `λ = 0.1: largest weight ever ${f(peak(r))}, smallest at the end ${f(smallest(r))}, change after 1000 ≤ ${f(settled)}; λ = 0: largest ${f(peak(free))}, the weakest component ≤ ${f(othersFree)} over 400–1200`];
    },
  },
  {
    id: 'implicit/ebm-moons',
    claim: 'the EBM fit to two moons: sliced W₂ between chains and data falls (0.23 at 300, 0.063 at 1000, 0.045 at 2000)',
    runs: [{ url: P('implicit', 'ebm-moons'), every: 100 }],
    judge: ([r]) => [all(at(r, 'sw2', 300) > 0.12, last(r, 'sw2') < 0.08), `sliced W₂ ${f(at(r, 'sw2', 300))} at 300, ${f(at(r, 'sw2', 1000))} at 1000, ${f(last(r, 'sw2'))} at 2000`],
  },
  {
    id: 'implicit/diffusion-finetune',
    claim: 'the queue moves the weights to the rewarded components and F to its maximum within ~50 updates, the gradient cosine near 1 while F rises; the nested loop is far behind at equal sampler steps',
    runs: [{ url: P('implicit', 'diffusion-finetune') }],
    judge: ([r]) => {
      const cos = mean(values(r, 'grad_cosine', 1, 40));
      const f50 = at(r, 'F_exact', 50);
      const n50 = at(r, 'F_nested', 50);
      const w = at(r, 'w1', 50) + at(r, 'w2', 50);
      return [all(cos > 0.85, f50 > 0.8, n50 < 0.65, w > 0.9), `cosine ${f(cos)} over updates 1–40, F ${f(f50)} at 50 (nested ${f(n50)}), w1 + w2 ${f(w)}`];
    },
  },
  {
    id: 'implicit/diffusion-learned-base',
    claim: "the learned base's DSM running mean falls, then the fine-tuned batch's mean reward climbs from ≈ 0.3 to ≈ 1.2",
    runs: [{ url: P('implicit', 'diffusion-learned-base') }],
    judge: ([r]) => {
      const early = at(r, 'dsm_loss_avg', 150);
      const rew = mean(values(r, 'reward', 200));
      return [all(last(r, 'dsm_loss_avg') < early - 0.03, first(r, 'reward') < 0.5, rew > 1), `DSM running mean ${f(early)} → ${f(last(r, 'dsm_loss_avg'))}, reward ${f(first(r, 'reward'))} → ${f(rew)} (mean over updates 200–300)`];
    },
  },
  // ---------------------------------------------------------------- Score mismatch
  {
    id: 'mismatch/ddnm-vs-bo',
    claim: 'KL against T: the oracle falls toward 0, BO-DDNM levels off near 0.09, DDNM sits orders of magnitude higher and grows with T',
    runs: [{ url: P('mismatch', 'ddnm-vs-bo') }],
    judge: ([r]) => {
      const o = curve(r, 'sweepT', 'oracle');
      const bo = curve(r, 'sweepT', 'BO-DDNM');
      const dd = curve(r, 'sweepT', 'DDNM');
      const ok = all(o.length > 3, decreasing(o), o.at(-1) < 0.01, Math.abs(bo.at(-1) - 0.09) < 0.04, Math.abs(bo.at(-1) - bo.at(-2)) < 0.2 * bo.at(-1), dd.at(-1) > 100 * bo.at(-1), dd.at(-1) > dd[0]);
      return [ok, `T = ${xsOf(r, 'sweepT').join(', ')}: oracle ${o.map((v) => f(v, 2)).join(' ')}; BO-DDNM ${bo.map((v) => f(v, 2)).join(' ')}; DDNM ${dd.map((v) => f(v, 2)).join(' ')}`];
    },
  },
  {
    id: 'mismatch/ddnm-plus',
    claim: 'DDNM+ (η = 0.85): KL ≈ 3–16 for T = 50–2000, below DDNM, ~100× above BO-DDNM, rising with T',
    runs: [{ url: P('mismatch', 'ddnm-plus') }],
    judge: ([r]) => {
      const xs = xsOf(r, 'sweepT');
      const pl = curve(r, 'sweepT', 'DDNM+');
      const sel = pl.filter((_, i) => xs[i] >= 50);
      const from50 = (a) => a.filter((_, i) => xs[i] >= 50);
      const dd = curve(r, 'sweepT', 'DDNM');
      const bo = curve(r, 'sweepT', 'BO-DDNM');
      const ok = all(sel.length >= 3, min(sel) > 2, max(sel) < 20, increasing(sel, 0.05), from50(pl).every((v, i) => v < from50(dd)[i] / 10 && v > 20 * from50(bo)[i]));
      return [ok, `T = ${xs.join(', ')}: DDNM+ ${pl.map((v) => f(v, 2)).join(' ')}; DDNM ${dd.map((v) => f(v, 2)).join(' ')}; BO-DDNM ${bo.map((v) => f(v, 2)).join(' ')}`];
    },
  },
  {
    id: 'mismatch/bias-persists',
    claim: "bias against T: the exact score's KL falls toward 0, the mismatched one levels off at a floor, B_T does not shrink with T; doubling ε quadruples the floor",
    runs: [{ url: P('mismatch', 'bias-persists') }, { url: P('mismatch', 'bias-persists', '&eps=0.6') }],
    judge: ([r, big]) => {
      const ex = curve(r, 'biasT', 'KL exact score (floor)');
      const mm = curve(r, 'biasT', 'KL mismatched score');
      const bt = curve(r, 'biasT', 'B_T');
      const ok = all(ex.length > 3, decreasing(ex), ex.at(-1) < 0.02, mm.at(-1) > 0.05, Math.abs(mm.at(-1) - mm.at(-2)) < 0.2 * mm.at(-1), increasing(bt), bt.at(-1) < 3 * bt[xsOf(r, 'biasT').indexOf(200)], curve(big, 'biasT', 'KL mismatched score').at(-1) > 3 * mm.at(-1), curve(big, 'biasT', 'KL mismatched score').at(-1) < 5 * mm.at(-1));
      return [ok, `T = ${xsOf(r, 'biasT').join(', ')}: exact ${ex.map((v) => f(v, 2)).join(' ')}; mismatched ${mm.map((v) => f(v, 2)).join(' ')}; B_T ${bt.map((v) => f(v, 2)).join(' ')}; ε = 0.6 floor ${f(curve(big, 'biasT', 'KL mismatched score').at(-1))}`];
    },
  },
  {
    id: 'mismatch/learned-score',
    claim: "a learned score (200 steps) leaves a gap to the exact-score sampler that more steps do not close; 3000 training steps shrink E‖Δ‖², B_T and the gap",
    runs: [{ url: P('mismatch', 'learned-score') }, { url: P('mismatch', 'learned-score', '&trainSteps=3000') }],
    judge: ([r, long]) => {
      const mm = curve(r, 'biasT', 'SW₂ mismatched score');
      const ex = curve(r, 'biasT', 'SW₂ exact score (floor)');
      const gap = (x) => curve(x, 'biasT', 'SW₂ mismatched score').at(-1) - curve(x, 'biasT', 'SW₂ exact score (floor)').at(-1);
      const ok = all(mm.length >= 2, mm.at(-1) > ex.at(-1), last(long, 'bias_accumulated') < last(r, 'bias_accumulated'), gap(long) < gap(r));
      return [ok, `SW₂ at the largest T: learned ${f(mm.at(-1))} vs exact ${f(ex.at(-1))}; B_T ${f(last(r, 'bias_accumulated'))} → ${f(last(long, 'bias_accumulated'))} with 3000 steps, gap ${f(gap(r))} → ${f(gap(long))}`];
    },
  },
  {
    id: 'mismatch/training-mixture',
    claim: 'sampling with the score of another mixture follows that mixture, not the target: a sliced W₂ to the target that more steps do not remove; matching means lower the bias',
    runs: [{ url: P('mismatch', 'training-mixture') }],
    judge: ([r]) => {
      const mm = curve(r, 'biasT', 'SW₂ mismatched score');
      const ex = curve(r, 'biasT', 'SW₂ exact score (floor)');
      return [all(mm.length >= 2, mm.at(-1) > 3 * ex.at(-1), last(r, 'bias_accumulated') > 0.1), `SW₂ at T = ${xsOf(r, 'biasT').join(', ')}: mismatched ${mm.map((v) => f(v, 2)).join(' ')} vs exact ${ex.map((v) => f(v, 2)).join(' ')}; B_T ${f(last(r, 'bias_accumulated'))}`];
    },
  },
  {
    id: 'mismatch/noise-free',
    claim: 'with σ_y = 0 BO-DDNM and DDNM coincide, and both keep a bias that does not vanish',
    runs: [{ url: P('mismatch', 'noise-free') }],
    judge: ([r]) => {
      const bo = curve(r, 'sweepT', 'BO-DDNM');
      const dd = curve(r, 'sweepT', 'DDNM');
      const same = bo.every((v, i) => Math.abs(v - dd[i]) <= 1e-6 * Math.max(1, Math.abs(v)));
      return [all(bo.length > 3, same, bo.at(-1) > 0.01), `BO-DDNM ${bo.map((v) => f(v, 2)).join(' ')}; DDNM ${dd.map((v) => f(v, 2)).join(' ')}`];
    },
  },
  {
    id: 'mismatch/noise-level-mismatch',
    claim: "told σ_y = 0.05 when it is 0.3, BO-DDNM's KL moves from ≈ 0.09 toward DDNM's",
    runs: [{ url: P('mismatch', 'noise-level-mismatch') }],
    judge: ([r]) => {
      const bo = last(r, 'kl_bo_ddnm');
      const dd = last(r, 'kl_ddnm');
      // "toward": on a log scale BO-DDNM is now nearer DDNM than its matched ≈ 0.09
      return [all(bo > 1, Math.log(dd / bo) < Math.log(bo / 0.09)), `KL at T = 200: BO-DDNM ${f(bo)} (matched ≈ 0.09), DDNM ${f(dd)}`];
    },
  },
  {
    id: 'mismatch/mixture-prior',
    claim: 'on a two-mode prior the KL is a sample estimate (KDE) and E‖Δ_t‖² a Monte Carlo one: both are reported and finite, and BO-DDNM\'s samples are near the exact posterior',
    runs: [{ url: P('mismatch', 'mixture-prior') }],
    judge: ([r]) => [all(Number.isFinite(last(r, 'kl_kde')), last(r, 'kl_kde') < 1, last(r, 'delta2') > 0, last(r, 'sw2_posterior') < 0.5), `KL (KDE) ${f(last(r, 'kl_kde'))}, E‖Δ‖² ${f(last(r, 'delta2'))}, sliced W₂ to the posterior ${f(last(r, 'sw2_posterior'))}`],
  },
];

/** the guidance δ-sweep fronts: G_loss on the support for every δ, naive G off it more as δ grows */
function frontJudge(r, opts = {}) {
  const layers = r.charts?.series ?? {};
  const names = Object.entries(layers).map(([k, v]) => `${k}: ${Object.keys(v.ys).join('/')}`).join('; ');
  const find = (re) => {
    for (const [, l] of Object.entries(layers)) for (const [k, v] of Object.entries(l.ys)) if (re.test(k)) return { xs: l.xs, ys: v };
    return null;
  };
  const gOff = find(/off.*G_loss/i);
  const nOff = find(/off.*naive/i);
  if (!gOff || !nOff) return [false, `no G_loss/naive off-support curves among ${names || 'no curves'}`];
  const gMax = max(gOff.ys.map(Math.abs));
  if (opts.circle) return [gMax < 0.01, `G_loss |‖x‖ − 1| ≤ ${f(gMax)} over δ; naive ${nOff.ys.map((v) => f(v, 2)).join(' ')}`];
  return [all(gMax < 1e-3, nOff.ys.at(-1) > nOff.ys[0], nOff.ys.at(-1) > 0.1), `G_loss off-subspace ≤ ${f(gMax)} over δ; naive ${nOff.ys.map((v) => f(v, 2)).join(' ')}`];
}
