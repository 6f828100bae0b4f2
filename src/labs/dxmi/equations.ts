// The DxMI lab's energy, value and policy updates with the current values (METHODS.md §5.1–5.3;
// docs/dxmi-lab.md for the confinement α, which is ours).
import { aligned, equationsFor, num, type EquationBlock } from '../common/latex';
import type { DxmiParams } from './params';

export const dxmiEquations = equationsFor((p: DxmiParams) => {
  const T = num(p.T);
  const tau = num(p.tau);
  const tv = num(p.tauVelocity);
  const gam = num(p.gamma);
  const alpha = p.confine > 0 ? ` + ${num(p.confine)}\\, \\lVert \\tilde x \\rVert^2` : '';
  const shared = p.value === 'shared';
  const costs = `${tv}\\, \\frac{\\lVert x_{t+1} - x_t \\rVert^2}{2 s_t^2} - ${tau} \\log \\sigma_t`;
  const out: EquationBlock[] = [{
    title: `Energy step, γ = ${num(p.gamma)}${p.confine > 0 ? `, confinement α = ${num(p.confine)}` : ''}`,
    tex: aligned(
      `E(x) &= ${shared ? 'V_\\psi(x)' : 'V_\\psi(x, ' + T + ')'}${alpha ? ` = \\operatorname{MLP}(x)${alpha}` : ''}`,
      `\\min_\\psi\\ & \\overline{E(x_{\\text{data}})} - \\overline{E(x_{${T}})} + ${gam}\\, \\big(\\overline{E(x_{\\text{data}})^2} + \\overline{E(x_{${T}})^2}\\big)`,
    ),
    note: `One Adam step, lr ${num(p.energyLr)}, batch ${num(p.batch)}; x_T from the current sampler.`,
  }, {
    title: `Value (TD) steps, t = ${num(p.T - 1)} … 0${shared ? ' (one shared net)' : ''}`,
    tex: `\\min_\\psi\\ \\mathbb E\\Big[\\big(V_\\psi(x_t${shared ? '' : ', t'}) - \\operatorname{sg}\\big[V_\\psi(x_{t+1}${shared ? '' : ', t+1'})${p.costsInValue ? ` + ${costs}` : ''}\\big]\\big)^2\\Big]`,
    note: `lr ${num(p.valueLr)}; ${p.costsInValue ? 'the costs are in the value target' : 'the costs enter the policy loss, not the value target (the released configs)'}.`,
  }, {
    title: `Policy step, τ = ${num(p.tau)}, τ velocity = ${num(p.tauVelocity)}`,
    tex: aligned(
      `x_{t+1} &= \\mu_\\theta(x_t, t) + \\sigma_t\\, \\varepsilon, \\qquad t = 0, \\dots, ${num(p.T - 1)}`,
      `\\min_{\\theta${p.learnSigma ? ', \\sigma' : ''}}\\ & \\mathbb E\\Big[V_\\psi(x_{t+1}${shared ? '' : ', t+1'})${p.costsInValue ? '' : ` + ${costs}`}\\Big]`,
      `s_t^2 &\\leftarrow ${num(p.rho)}\\, s_t^2 + ${num(1 - p.rho)}\\, \\overline{(x_{t+1} - x_t)^2}`,
    ),
    note: `Adam, lr ${num(p.samplerLr)}, gradient norm ≤ 0.1; ${T}-step sampler on the ${p.schedule} VAR schedule${p.learnSigma ? ', learnable σ_t' : ''}.`,
  }];
  return out;
});
