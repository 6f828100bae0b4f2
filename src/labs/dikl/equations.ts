// The DiKL lab's objective and its two score estimates with the current values (METHODS.md §3.1–3.3;
// docs/dikl-lab.md: plain reverse KL is the same estimator at the smallest level t = 1 only).
import { formulaEquation } from '../common/formula-equation';
import type { DiklParams } from './params';
import { aligned, equationsFor, num, text, type EquationBlock } from '../common/latex';

const WEIGHTS: Record<string, string> = {
  uniform: '1',
  'inv-a': '1 / a_t',
  's2-over-a': 's_t^2 / a_t',
  's2-over-a2': 's_t^2 / a_t^2',
};
const WEIGHT_TEXT: Record<string, string> = { uniform: '1', 'inv-a': '1/aₜ', 's2-over-a': 'sₜ²/aₜ', 's2-over-a2': 'sₜ²/aₜ²' };

export const diklEquations = equationsFor((p: DiklParams) => {
  const T = num(p.T);
  const rkl = p.objective === 'rkl';
  const w = WEIGHTS[p.weighting] ?? '1';
  const lv = rkl ? '1' : 't';
  const target =
    p.targetScore === 'exact'
      ? `\\hat s_{\\text{target}}(x_${lv}) = \\nabla \\log p^{(${lv})}(x_${lv}) \\quad ${text('(closed form)')}`
      : `\\hat s_{\\text{target}}(x_${lv}) = a_${lv} \\big(x_0 + \\nabla \\log p(x_0)\\big) - x_${lv}, \\quad x_0 \\sim p(x_0 \\mid x_${lv})\\ ${text(p.targetScore === 'msi-ais' ? `(IS with ${p.isSamples} particles, ${p.aisSteps} AIS steps, ${p.malaSteps} MALA steps)` : '(exact posterior sample)')}`;
  const out: EquationBlock[] = [{
    title: rkl ? 'Plain reverse KL: the same estimator at the smallest level t = 1' : `Reverse diffusive KL, T_max = ${T}, weight w(t) = ${WEIGHT_TEXT[p.weighting] ?? '1'}`,
    tex: aligned(
      rkl
        ? `&\\mathrm{KL}(p_\\phi^{(1)} \\Vert p^{(1)}), \\qquad x = f_\\phi(z),\\ z \\sim \\mathcal N(0, I)`
        : `\\mathrm{DiKL}(p_\\phi \\Vert p) &= \\sum_{t=1}^{${num(p.T - 1)}} w(t)\\, \\mathrm{KL}\\big(p_\\phi^{(t)} \\Vert p^{(t)}\\big), \\qquad w(t) = ${w}, \\quad x = f_\\phi(z),\\ z \\sim \\mathcal N(0, I)`,
      `\\mathcal L(\\phi) &= \\operatorname{mean}_{\\text{batch } ${num(p.batch)}} \\Big\\langle \\operatorname{sg}\\big[${rkl ? '' : 'w(t)\\,'}\\big(s_\\psi(x_${lv}, ${lv}) - \\hat s_{\\text{target}}(x_${lv})\\big)\\big],\\ x_${lv}(\\phi) \\Big\\rangle, \\quad x_${lv} = a_${lv} f_\\phi(z) + s_${lv} \\varepsilon${rkl ? '' : `, \\ t \\sim \\mathcal U\\{1, \\dots, ${num(p.T - 1)}\\}`}`,
      `&${target}`,
      `\\phi &\\leftarrow \\operatorname{Adam}\\big(\\phi, \\nabla_\\phi \\mathcal L;\\ ${num(p.lr)}\\big), \\quad \\lVert \\nabla_\\phi \\rVert \\le 10`,
    ),
    note: `VP schedule: β linear from 10⁻⁴ to ${p.betaEnd}, a_t = √ᾱ_t, s_t = √(1 − ᾱ_t).`,
  }, {
    title: `Model noisy score: ${num(p.dsmSteps)} DSM step(s) per update on detached generator samples, lr ${num(p.scoreLr)}`,
    tex: `\\mathcal L(\\psi) = \\mathbb E \\big\\lVert \\varepsilon + s_${lv}\\, s_\\psi(a_${lv} x + s_${lv} \\varepsilon, ${lv}) \\big\\rVert^2, \\quad x = \\operatorname{sg}[f_\\phi(z)]${rkl ? '' : ', \\ t \\sim \\mathcal U\\{1, \\dots, T_{\\max} - 1\\}'}`,
  }];
  if (p.target === 'formula') out.unshift(formulaEquation(p));
  return out;
});
